module github.com/switchsim/switchsim/deploy

go 1.26.8

require (
	github.com/google/go-containerregistry v0.22.1
	github.com/switchsim/switchsim v0.0.0-00010101000000-000000000000
)

require (
	github.com/klauspost/compress v1.19.2 // indirect
	github.com/opencontainers/go-digest v1.0.0 // indirect
	github.com/opencontainers/image-spec v1.1.1 // indirect
	golang.org/x/crypto v0.58.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)

replace github.com/switchsim/switchsim => ../
