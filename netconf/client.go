package netconf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Client is the other end of a session, for tests and the load generator:
// it reads the server's hello, sends its own, and exchanges messages in
// the framing the two hellos agree on.
type Client struct {
	r *Reader
	w *Writer
	// ServerHello is the server's hello as it came (comments included).
	ServerHello string
	n           int
}

// NewClient reads the server's hello and answers with base:1.0 (and
// base:1.1 when chunked is set; the session is chunked if the server
// offered it too).
func NewClient(rw io.ReadWriter, chunked bool) (*Client, error) {
	c := &Client{r: NewReader(rw, 0), w: NewWriter(rw)}
	msg, err := c.r.Read()
	if err != nil {
		return nil, err
	}
	c.ServerHello = string(msg)
	caps := "<capability>" + Base10 + "</capability>"
	if chunked {
		caps += "<capability>" + Base11 + "</capability>"
	}
	if err := c.w.Write([]byte(`<hello xmlns="` + BaseNS + `"><capabilities>` + caps + "</capabilities></hello>")); err != nil {
		return nil, err
	}
	if chunked && strings.Contains(c.ServerHello, Base11) {
		c.r.Chunked, c.w.Chunked = true, true
	}
	return c, nil
}

// Chunked reports whether the session uses base:1.1 framing.
func (c *Client) Chunked() bool { return c.w.Chunked }

// Send writes one message as it is.
func (c *Client) Send(msg string) error { return c.w.Write([]byte(msg)) }

// Recv reads one message (without the line end a base:1.0 message
// before it left).
func (c *Client) Recv() (string, error) {
	msg, err := c.r.Read()
	if !c.r.Chunked {
		msg = bytes.TrimLeft(msg, "\r\n")
	}
	return string(msg), err
}

// Call sends an operation in an rpc with the next message-id and returns
// the reply.
func (c *Client) Call(op string) (string, error) {
	c.n++
	if err := c.Send(fmt.Sprintf(`<rpc xmlns="%s" message-id="%d">%s</rpc>`, BaseNS, c.n, op)); err != nil {
		return "", err
	}
	return c.Recv()
}
