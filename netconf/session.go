package netconf

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Namespace URIs and capabilities of the base protocol.
const (
	BaseNS = "urn:ietf:params:xml:ns:netconf:base:1.0"
	Base10 = "urn:ietf:params:netconf:base:1.0"
	Base11 = "urn:ietf:params:netconf:base:1.1"
)

// Hello is what the server's hello says.
type Hello struct {
	// Comments are written before the hello element, one a line
	// ("<!-- ... -->" included).
	Comments []string
	// Capabilities in the order they are listed.
	Capabilities []string
	SessionID    int
}

// RPC is one rpc element: its operation (the first child element) and
// message-id.
type RPC struct {
	Node      *Node
	Op        *Node
	MessageID string
}

// Reply is what a Handler answers: Body is the content of the rpc-reply
// (written as it is; a Handler builds it with Node's writers), Close ends
// the session once it is written (close-session).
type Reply struct {
	Body  string
	Close bool
}

// Handler is the vendor's side of a session.
type Handler interface {
	// Hello is the server's hello.
	Hello() Hello
	// ReplyAttrs are the attributes every rpc-reply carries before the
	// rpc's own (message-id), written as they are:
	// ` xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"`.
	ReplyAttrs() string
	// Handle answers one RPC.
	Handle(rpc *RPC) Reply
	// End is called once when the session ends, however it ends.
	End()
}

// Options bound a session.
type Options struct {
	// MaxMessage bounds one message in bytes (0: DefaultMaxMessage).
	MaxMessage int
	Limits     Limits
}

// DefaultMaxMessage is 4 MiB: a whole configuration of a large router
// fits many times.
const DefaultMaxMessage = 4 << 20

// Error is an rpc-error (RFC 6241 section 4.3).
type Error struct {
	Type       string // transport, rpc, protocol, application
	Tag        string // invalid-value, operation-failed, ...
	Severity   string // error (default) or warning
	Path       string
	Message    string
	BadElement string
	// Info holds more error-info children.
	Info []*Node
}

// Node renders the error as Junos writes one: type, tag, severity,
// path, message, then error-info.
func (e *Error) Node() *Node {
	n := E("rpc-error", nil)
	if e.Type != "" {
		n.Kids = append(n.Kids, T("error-type", e.Type))
	}
	if e.Tag != "" {
		n.Kids = append(n.Kids, T("error-tag", e.Tag))
	}
	sev := e.Severity
	if sev == "" {
		sev = "error"
	}
	n.Kids = append(n.Kids, T("error-severity", sev))
	if e.Path != "" {
		n.Kids = append(n.Kids, T("error-path", e.Path))
	}
	if e.Message != "" {
		n.Kids = append(n.Kids, T("error-message", e.Message))
	}
	if e.BadElement != "" || len(e.Info) > 0 {
		info := E("error-info", nil)
		if e.BadElement != "" {
			info.Kids = append(info.Kids, T("bad-element", e.BadElement))
		}
		info.Kids = append(info.Kids, e.Info...)
		n.Kids = append(n.Kids, info)
	}
	return n
}

func (e *Error) Error() string { return e.Message }

// The protocol's own errors (RFC 6241 appendix A tags; the messages are
// ours).
func malformed(why string) *Error {
	return &Error{Type: "rpc", Tag: "malformed-message", Message: why}
}

// Session is one NETCONF session on a byte stream (an SSH channel).
type Session struct {
	h    Handler
	r    *Reader
	w    *Writer
	opts Options
	// Chunked reports whether both sides offered base:1.1 (for tests).
	Chunked bool
}

// ErrClosed: the session ended by close-session.
var ErrClosed = errors.New("netconf: session closed")

// Serve runs a session: the hello exchange, then one reply per RPC in
// order, until the input ends, the client closes the session or sends
// what cannot be framed. It calls h.End once before returning.
func Serve(rw io.ReadWriter, h Handler, opts Options) error {
	defer h.End()
	if opts.MaxMessage <= 0 {
		opts.MaxMessage = DefaultMaxMessage
	}
	if opts.Limits == (Limits{}) {
		opts.Limits = DefaultLimits
	}
	s := &Session{h: h, r: NewReader(rw, opts.MaxMessage), w: NewWriter(rw), opts: opts}
	hello := h.Hello()
	offered11 := false
	for _, c := range hello.Capabilities {
		if c == Base11 {
			offered11 = true
		}
	}
	// a hello that may switch the session to chunks ends at its "]]>]]>":
	// the first chunk header follows it directly
	s.w.NoNewline = offered11
	err := s.w.Write([]byte(helloText(hello)))
	s.w.NoNewline = false
	if err != nil {
		return err
	}
	first := true
	for {
		if first && offered11 {
			// a hello in chunks (see ChunksNext) is read as one
			s.r.Chunked = s.r.ChunksNext()
		}
		msg, err := s.r.Read()
		if err != nil {
			if errors.Is(err, ErrTooBig) {
				s.replyError("", malformedTooBig(opts.MaxMessage))
			} else if errors.Is(err, ErrFraming) {
				s.replyError("", malformed("bad chunked framing"))
			}
			if err == io.EOF {
				return nil
			}
			return err
		}
		root, perr := Parse(msg, opts.Limits)
		if perr != nil {
			// an XML error does not lose the framing: answer (with the
			// message-id when one can be read) and go on
			s.replyError(messageID(msg), malformed(parseMessage(perr)))
			continue
		}
		if first && root.Name.Local == "hello" {
			first = false
			chunked := offered11 && clientOffers(root, Base11)
			s.r.Chunked, s.w.Chunked, s.Chunked = chunked, chunked, chunked
			continue
		}
		first = false
		if root.Name.Local != "rpc" {
			if root.Name.Local == "hello" {
				continue // a second hello: ignored
			}
			s.replyError("", &Error{Type: "rpc", Tag: "unknown-element", Message: "expected rpc, got " + root.Name.Local, BadElement: root.Name.Local})
			continue
		}
		rpc := &RPC{Node: root, MessageID: root.Get("message-id")}
		for _, k := range root.Kids {
			rpc.Op = k
			break
		}
		var rep Reply
		if rpc.Op == nil {
			rep.Body = (&Error{Type: "rpc", Tag: "missing-element", Message: "rpc without an operation", BadElement: "rpc"}).Node().String()
		} else {
			rep = h.Handle(rpc)
		}
		if err := s.w.Write([]byte(s.wrap(root, rep.Body))); err != nil {
			return err
		}
		if rep.Close {
			return ErrClosed
		}
	}
}

func malformedTooBig(max int) *Error {
	return &Error{Type: "rpc", Tag: "too-big", Message: "message larger than " + strconv.Itoa(max) + " bytes"}
}

// parseMessage is an XML error as the client reads it.
func parseMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "netconf: ")
	return "xml parse error: " + msg
}

// clientOffers reports whether a hello lists a capability.
func clientOffers(hello *Node, capability string) bool {
	caps := hello.Kid("capabilities")
	if caps == nil {
		return false
	}
	for _, c := range caps.Kids {
		if c.Name.Local == "capability" && strings.TrimSpace(c.Text) == capability {
			return true
		}
	}
	return false
}

// helloText is the server's hello: the comments, then the element with
// two-space indentation (as Junos writes it).
func helloText(h Hello) string {
	var b strings.Builder
	for _, c := range h.Comments {
		b.WriteString(c + "\n")
	}
	b.WriteString(`<hello xmlns="` + BaseNS + `">` + "\n  <capabilities>\n")
	for _, c := range h.Capabilities {
		b.WriteString("    <capability>" + Escape(c, false) + "</capability>\n")
	}
	b.WriteString("  </capabilities>\n")
	fmt.Fprintf(&b, "  <session-id>%d</session-id>\n", h.SessionID)
	b.WriteString("</hello>\n")
	return b.String()
}

// wrap puts a body in an rpc-reply carrying the handler's attributes and
// the rpc's own (message-id and any other, as RFC 6241 asks).
func (s *Session) wrap(rpc *Node, body string) string {
	var b strings.Builder
	b.WriteString("<rpc-reply" + s.h.ReplyAttrs())
	if rpc != nil {
		for _, a := range rpc.Attr {
			name := a.Name.Local
			if a.Name.Space != "" && a.Name.Space != BaseNS {
				continue // a foreign attribute's prefix is not ours to write
			}
			fmt.Fprintf(&b, " %s=\"%s\"", name, Escape(a.Value, true))
		}
	}
	b.WriteString(">\n")
	b.WriteString(body)
	if body != "" && !strings.HasSuffix(body, "\n") {
		b.WriteString("\n")
	}
	b.WriteString("</rpc-reply>\n")
	return b.String()
}

// replyError answers what could not be read as an RPC, with its
// message-id when one could be read.
func (s *Session) replyError(id string, e *Error) {
	var rpc *Node
	if id != "" {
		rpc = &Node{Attr: []xml.Attr{{Name: xml.Name{Local: "message-id"}, Value: id}}}
	}
	s.w.Write([]byte(s.wrap(rpc, e.Node().String())))
}

var idRe = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?rpc\s[^<>]*?\bmessage-id\s*=\s*("([^"<&]*)"|'([^'<&]*)')`)

// messageID finds the message-id of an rpc whose XML is broken further on.
func messageID(msg []byte) string {
	if len(msg) > 4096 {
		msg = msg[:4096]
	}
	m := idRe.FindSubmatch(msg)
	if m == nil || !utf8.Valid(m[1]) {
		return ""
	}
	if len(m[2]) > 0 {
		return string(m[2])
	}
	return string(m[3])
}
