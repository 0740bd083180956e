package netconf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

func TestReadEOM(t *testing.T) {
	r := NewReader(strings.NewReader("<a/>]]>]]>\n<b>x]]</b>]]>]]>  \n"), 0)
	for _, want := range []string{"<a/>", "\n<b>x]]</b>"} {
		got, err := r.Read()
		if err != nil || string(got) != want {
			t.Fatalf("got %q, %v; want %q", got, err, want)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("after the last message: %v", err)
	}
	r = NewReader(strings.NewReader("<a>no end"), 0)
	if _, err := r.Read(); err != io.ErrUnexpectedEOF {
		t.Fatalf("a cut message: %v", err)
	}
}

func TestReadChunked(t *testing.T) {
	in := ChunkString("<rpc>hello</rpc>", 5) + "\n#3\nabc\n#1\nd\n##\n"
	r := &Reader{r: NewReader(strings.NewReader(in), 0).r, Chunked: true}
	for _, want := range []string{"<rpc>hello</rpc>", "abcd"} {
		got, err := r.Read()
		if err != nil || string(got) != want {
			t.Fatalf("got %q, %v; want %q", got, err, want)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("after the last message: %v", err)
	}
	bad := []string{
		"#3\nabc\n##\n",            // no LF before the header
		"\n#03\nabc\n##\n",         // a leading zero
		"\n#0\n\n##\n",             // size zero
		"\n##\n",                   // end without a chunk
		"\n#x\n",                   // not a number
		"\n#12345678901\n",         // eleven digits
		"\n#4294967296\nabc\n##\n", // over 2^32-1
		"\n#3\nabc#\n",             // garbage instead of a header
	}
	for _, b := range bad {
		r := &Reader{r: NewReader(strings.NewReader(b), 0).r, Chunked: true}
		if _, err := r.Read(); !errors.Is(err, ErrFraming) {
			t.Errorf("%q: %v, want a framing error", b, err)
		}
	}
}

// A chunk that announces 4 GB, or a message that never ends, never makes
// the reader hold more than its limit.
func TestReadLimits(t *testing.T) {
	r := &Reader{r: NewReader(strings.NewReader("\n#4294967295\n"+strings.Repeat("x", 100)), 0).r, Chunked: true, Max: 1 << 20}
	if _, err := r.Read(); !errors.Is(err, ErrTooBig) {
		t.Fatalf("a 4 GB chunk: %v", err)
	}
	r = &Reader{r: NewReader(strings.NewReader(strings.Repeat("\n#1000\n"+strings.Repeat("y", 1000), 2000)), 0).r, Chunked: true, Max: 1 << 20}
	if _, err := r.Read(); !errors.Is(err, ErrTooBig) {
		t.Fatalf("endless chunks: %v", err)
	}
	r = NewReader(io.MultiReader(strings.NewReader("<rpc>"), endless{}), 1<<20)
	if _, err := r.Read(); !errors.Is(err, ErrTooBig) {
		t.Fatalf("an endless EOM message: %v", err)
	}
}

// endless is an input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'z'
	}
	return len(p), nil
}

func TestParseLimits(t *testing.T) {
	deep := strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100)
	if _, err := Parse([]byte(deep), Limits{Depth: 64}); !errors.Is(err, ErrTooDeep) {
		t.Errorf("deep: %v", err)
	}
	many := "<r>" + strings.Repeat("<a/>", 1000) + "</r>"
	if _, err := Parse([]byte(many), Limits{Elements: 500}); !errors.Is(err, ErrTooMany) {
		t.Errorf("many: %v", err)
	}
	for _, bad := range []string{
		`<!DOCTYPE r [<!ENTITY x "yyyy">]><r>&x;</r>`, // a DTD
		`<r>&x;</r>`,              // an undefined entity
		"<r>\xff\xfe</r>",         // invalid UTF-8
		"<r>", "<r/><s/>", "text", // not one element
		"",
	} {
		if _, err := Parse([]byte(bad), DefaultLimits); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	n, err := Parse([]byte(`<?xml version="1.0"?><!-- c --><nc:rpc xmlns:nc="`+BaseNS+`" message-id="7"><get-config><source><running/></source></get-config></nc:rpc>`), DefaultLimits)
	if err != nil || n.Name.Local != "rpc" || n.Name.Space != BaseNS || n.Get("message-id") != "7" || !n.Kid("get-config").Kid("source").Has("running") {
		t.Fatalf("%+v %v", n, err)
	}
}

func TestWriters(t *testing.T) {
	n := E("a", A("x", `1"<`), T("b", "t&<>"), E("c", nil), E("d", nil, E("e", nil, "in")))
	if got, want := n.String(), "<a x=\"1&quot;&lt;\">\n<b>t&amp;&lt;&gt;</b>\n<c/>\n<d>\n<e>in</e>\n</d>\n</a>\n"; got != want {
		t.Errorf("flat:\n%s\nwant\n%s", got, want)
	}
	var b strings.Builder
	n.WriteIndented(&b, 1)
	if want := "    <a x=\"1&quot;&lt;\">\n        <b>t&amp;&lt;&gt;</b>\n        <c/>\n        <d>\n            <e>in</e>\n        </d>\n    </a>\n"; b.String() != want {
		t.Errorf("indented:\n%s\nwant\n%s", b.String(), want)
	}
	var w bytes.Buffer
	NewWriter(&w).Write([]byte("<x/>\n"))
	cw := NewWriter(&w)
	cw.Chunked = true
	cw.Write([]byte("<y/>"))
	if w.String() != "<x/>\n]]>]]>\n\n#4\n<y/>\n##\n" {
		t.Errorf("framing %q", w.String())
	}
}

// echo is a handler answering <echo>text</echo> with the text, and
// anything else with an rpc-error.
type echo struct{ ended chan struct{} }

func (echo) Hello() Hello {
	return Hello{Comments: []string{"<!-- test -->"}, Capabilities: []string{Base10, Base11}, SessionID: 42}
}
func (echo) ReplyAttrs() string { return ` xmlns="` + BaseNS + `"` }
func (e echo) End()             { close(e.ended) }
func (echo) Handle(r *RPC) Reply {
	switch r.Op.Name.Local {
	case "echo":
		return Reply{Body: T("echoed", r.Op.Text).String()}
	case "close-session":
		return Reply{Body: "<ok/>\n", Close: true}
	}
	return Reply{Body: (&Error{Type: "protocol", Tag: "operation-failed", Message: "syntax error", BadElement: r.Op.Name.Local}).Node().String()}
}

// pipe serves a session on one end of a connection and returns a client
// on the other.
func pipe(t *testing.T, chunked bool, opts Options) (*Client, net.Conn, chan struct{}) {
	t.Helper()
	a, b := net.Pipe()
	ended := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		Serve(a, echo{ended}, opts)
		a.Close()
	}()
	t.Cleanup(func() { b.Close(); <-done })
	c, err := NewClient(b, chunked)
	if err != nil {
		t.Fatal(err)
	}
	return c, b, ended
}

func TestSession(t *testing.T) {
	for _, chunked := range []bool{false, true} {
		c, _, ended := pipe(t, chunked, Options{})
		if c.Chunked() != chunked {
			t.Fatalf("chunked %v", c.Chunked())
		}
		want := "<!-- test -->\n<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n  <capabilities>\n" +
			"    <capability>urn:ietf:params:netconf:base:1.0</capability>\n    <capability>urn:ietf:params:netconf:base:1.1</capability>\n" +
			"  </capabilities>\n  <session-id>42</session-id>\n</hello>\n"
		if c.ServerHello != want {
			t.Fatalf("hello:\n%s", c.ServerHello)
		}
		got, err := c.Call("<echo>hi &amp; bye</echo>")
		if want := "<rpc-reply xmlns=\"" + BaseNS + "\" message-id=\"1\">\n<echoed>hi &amp; bye</echoed>\n</rpc-reply>\n"; err != nil || got != want {
			t.Fatalf("got %q, %v", got, err)
		}
		// broken XML: an rpc-error with the message-id, and the session goes on
		c.Send(`<rpc message-id="x7"><echo>&nope;</echo></rpc>`)
		got, _ = c.Recv()
		if !strings.Contains(got, `message-id="x7"`) || !strings.Contains(got, "<error-tag>malformed-message</error-tag>") {
			t.Fatalf("broken XML: %q", got)
		}
		got, _ = c.Call("<nothing/>")
		if !strings.Contains(got, "<bad-element>nothing</bad-element>") {
			t.Fatalf("unknown: %q", got)
		}
		got, _ = c.Call("<close-session/>")
		if !strings.Contains(got, "<ok/>") {
			t.Fatalf("close: %q", got)
		}
		<-ended
		if _, err := c.Recv(); err == nil {
			t.Fatal("the session went on after close-session")
		}
	}
}

// 1,000 RPCs written at once get 1,000 replies in order.
func TestPipelined(t *testing.T) {
	c, conn, _ := pipe(t, false, Options{})
	go func() {
		var b bytes.Buffer
		for i := 1; i <= 1000; i++ {
			fmt.Fprintf(&b, `<rpc message-id="%d"><echo>%d</echo></rpc>]]>]]>`, i, i)
		}
		conn.Write(b.Bytes())
	}()
	for i := 1; i <= 1000; i++ {
		got, err := c.Recv()
		if err != nil || !strings.Contains(got, fmt.Sprintf(`message-id="%d">`, i)) || !strings.Contains(got, fmt.Sprintf("<echoed>%d</echoed>", i)) {
			t.Fatalf("reply %d: %q %v", i, got, err)
		}
	}
}

// A message over the limit gets an rpc-error (too-big) and the session
// ends; so does bad chunk framing.
func TestTooBigEndsTheSession(t *testing.T) {
	c, conn, ended := pipe(t, false, Options{MaxMessage: 1 << 16})
	go conn.Write([]byte("<rpc>" + strings.Repeat("<a/>", 1<<15) + "</rpc>]]>]]>"))
	got, err := c.Recv()
	if err != nil || !strings.Contains(got, "<error-tag>too-big</error-tag>") {
		t.Fatalf("%q %v", got, err)
	}
	<-ended
	c, conn, ended = pipe(t, true, Options{})
	go func() {
		conn.Write([]byte("\n#5\nabc"))
		conn.Write([]byte("de\n#zz\n"))
	}()
	got, err = c.Recv()
	if err != nil || !strings.Contains(got, "bad chunked framing") {
		t.Fatalf("%q %v", got, err)
	}
	<-ended
}

// ncclient 0.6 can send its hello in chunks when the server's hello
// reached it first (see Reader.ChunksNext): a server that offered
// base:1.1 reads that hello and the session goes on in chunks.
func TestChunkedHello(t *testing.T) {
	a, b := net.Pipe()
	ended := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		Serve(a, echo{ended}, Options{})
		a.Close()
	}()
	t.Cleanup(func() { b.Close(); <-done })
	b.SetDeadline(time.Now().Add(10 * time.Second)) // a server waiting for "]]>]]>" fails, not hangs
	r := NewReader(b, 0)
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	hello := `<hello xmlns="` + BaseNS + `"><capabilities><capability>` + Base11 + "</capability></capabilities></hello>"
	rpc := `<rpc message-id="7"><echo>chunks</echo></rpc>`
	go b.Write([]byte(ChunkString(hello, 16) + ChunkString(rpc, 1000)))
	r.Chunked = true
	got, err := r.Read()
	if want := "<rpc-reply xmlns=\"" + BaseNS + "\" message-id=\"7\">\n<echoed>chunks</echoed>\n</rpc-reply>\n"; err != nil || string(got) != want {
		t.Fatalf("got %q, %v", got, err)
	}
}

// ChunksNext tells a chunk header from XML after any whitespace, and
// consumes nothing.
func TestChunksNext(t *testing.T) {
	for in, want := range map[string]bool{
		"\n#12\n<hello/>":         true,
		"\r\n \n#12\n<hello/>":    true,
		"<hello/>]]>]]>":          false,
		"\n<hello/>]]>]]>":        false,
		"#12\n":                   false,
		"":                        false,
		strings.Repeat(" ", 5000): false,
	} {
		r := NewReader(strings.NewReader(in), 0)
		if got := r.ChunksNext(); got != want {
			t.Errorf("%q: %v, want %v", in, got, want)
		}
		if rest, _ := io.ReadAll(r.r); string(rest) != in {
			t.Errorf("%q: consumed, %q left", in, rest)
		}
	}
}
