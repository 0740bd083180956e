module github.com/switchsim/switchsim

go 1.26.8

require (
	github.com/chromedp/chromedp v0.23.1
	github.com/gliderlabs/ssh v0.3.8
	github.com/scrapli/scrapligo v1.4.3
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/crypto v0.58.0
	golang.org/x/sys v0.49.0
)

require (
	github.com/anmitsu/go-shlex v0.0.0-20200514113438-38f4b401e2be // indirect
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/creack/pty v1.1.23 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/sirikothe/gotextfsm v1.0.1-0.20200816110946-6aa2cfd355e4 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
