package netconf

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// rw is a session's connection in a fuzz run: what the client sent, and
// what the server wrote.
type rw struct {
	in  io.Reader
	out bytes.Buffer
}

func (c *rw) Read(p []byte) (int, error)  { return c.in.Read(p) }
func (c *rw) Write(p []byte) (int, error) { return c.out.Write(p) }

// FuzzSession sends arbitrary bytes to a session (after a hello that
// may switch it to chunks): it must end, never panic, and never write
// more than a reply per message plus the hello; every reply is
// well-formed XML. Seeds: the framings, broken chunks, XML with entities,
// DTDs, deep nesting and invalid UTF-8.
func FuzzSession(f *testing.F) {
	for _, s := range []string{
		`<rpc message-id="1"><echo>x</echo></rpc>]]>]]>`,
		ChunkString(`<rpc message-id="2"><echo>y</echo></rpc>`, 7),
		"\n#4294967295\nxxxx",
		"\n#3\nab",
		`<!DOCTYPE a [<!ENTITY b "c">]><rpc>&b;</rpc>]]>]]>`,
		strings.Repeat("<a>", 200) + "]]>]]>",
		"<rpc message-id=\"\xff\"><echo>\xfe</echo></rpc>]]>]]>",
		`<rpc><close-session/></rpc>]]>]]><rpc/>]]>]]>`,
	} {
		f.Add(false, []byte(s))
		f.Add(true, []byte(s))
	}
	f.Fuzz(func(t *testing.T, chunked bool, input []byte) {
		hello := `<hello><capabilities><capability>` + Base10 + `</capability></capabilities></hello>]]>]]>`
		if chunked {
			hello = `<hello><capabilities><capability>` + Base11 + `</capability></capabilities></hello>]]>]]>`
		}
		c := &rw{in: io.MultiReader(strings.NewReader(hello), bytes.NewReader(input))}
		Serve(c, echo{make(chan struct{})}, Options{MaxMessage: 1 << 16})
		r := NewReader(bytes.NewReader(c.out.Bytes()), 0)
		if _, err := r.Read(); err != nil {
			t.Fatalf("no hello: %v", err)
		}
		r.Chunked = chunked
		n := 0
		for {
			msg, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("reply %d: %v in %q", n, err, c.out.String())
			}
			if _, err := Parse(msg, DefaultLimits); err != nil {
				t.Fatalf("reply %d is not XML: %v: %q", n, err, msg)
			}
			n++
		}
		if n > bytes.Count(input, []byte(EOM))+bytes.Count(input, []byte("\n##\n"))+1 {
			t.Fatalf("%d replies to %d bytes", n, len(input))
		}
	})
}

// FuzzParse: any bytes parse into an element or an error, within the
// limits.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<rpc message-id="1"><get-config><source><running/></source></get-config></rpc>`))
	f.Add([]byte(`<a xmlns:x="u"><x:b c="&amp;&#65;">t</x:b></a>`))
	f.Fuzz(func(t *testing.T, input []byte) {
		n, err := Parse(input, Limits{Depth: 32, Elements: 1000})
		if err == nil && n == nil {
			t.Fatal("no element and no error")
		}
		if n != nil {
			_ = n.String()
		}
	})
}
