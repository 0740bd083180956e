// Package netconf is the NETCONF protocol (RFC 6241 over SSH, RFC 6242)
// as switchsim serves it, for any vendor: the framing (the end-of-message
// marker of base:1.0 and the chunks of base:1.1), the hello exchange,
// message-id, the size and depth limits of what a client may send, the
// rpc-error element, and the loop that reads RPCs and writes replies. What
// an RPC does and what its reply holds is the vendor's (a Handler); this
// package names no vendor and imports nothing of switchsim.
package netconf

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// EOM ends a message in base:1.0 framing (RFC 6242 section 4.3).
const EOM = "]]>]]>"

// Framing errors. A session that meets one cannot find the next message
// reliably: it answers with an rpc-error when it can and closes.
var (
	// ErrTooBig: a message longer than the limit.
	ErrTooBig = errors.New("netconf: message too big")
	// ErrFraming: bytes that are not a chunk header where one must be.
	ErrFraming = errors.New("netconf: bad chunked framing")
)

// Reader reads the messages of one session: base:1.0 (EOM) until Chunked
// is set, then base:1.1 chunks. Max bounds a message (0: no bound), and
// so bounds what one message may make the server hold.
type Reader struct {
	r       *bufio.Reader
	Chunked bool
	Max     int
}

// NewReader reads messages from r.
func NewReader(r io.Reader, max int) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 32*1024), Max: max}
}

// Read returns the next message without its framing. At the end of the
// input it returns io.EOF (io.ErrUnexpectedEOF inside a message).
func (r *Reader) Read() ([]byte, error) {
	if r.Chunked {
		return r.readChunked()
	}
	return r.readEOM()
}

// ChunksNext reports whether the next message starts with a chunk
// header ("\n#" after any whitespace), without consuming it. A server
// that offered base:1.1 asks before reading the client's hello: ncclient
// 0.6 can send its hello in chunks when the server's hello reaches it
// before its own hello left (its reader thread parses the server's hello,
// the main thread switches to base:1.1, and the queued hello then goes
// out chunked). RFC 6242 frames every hello with "]]>]]>", but XML cannot
// start with "#", so a chunked hello is unambiguous, and a server that
// offered chunks may read it rather than wait for an end-of-message
// marker that never comes.
func (r *Reader) ChunksNext() bool {
	for i := 1; i <= 4096; i++ {
		b, err := r.r.Peek(i)
		if err != nil {
			return false
		}
		switch c := b[i-1]; c {
		case ' ', '\t', '\r', '\n':
			continue
		case '#':
			return i > 1 && b[i-2] == '\n'
		default:
			return false
		}
	}
	return false
}

// readEOM reads up to the end-of-message marker. Whitespace alone before
// the end of the input is not a message.
func (r *Reader) readEOM() ([]byte, error) {
	var msg []byte
	for {
		seg, err := r.r.ReadSlice('>')
		msg = append(msg, seg...)
		if r.Max > 0 && len(msg) > r.Max+len(EOM) {
			return nil, ErrTooBig
		}
		if bytes.HasSuffix(msg, []byte(EOM)) {
			return msg[:len(msg)-len(EOM)], nil
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(bytes.TrimSpace(msg)) == 0 {
				return nil, io.EOF
			}
			return nil, io.ErrUnexpectedEOF
		case err != nil:
			return nil, err
		}
	}
}

// readChunked reads "\n#<size>\n<data>" chunks up to "\n##\n" (RFC 6242
// section 4.2), never holding more than Max bytes of data, whatever size
// a chunk header announces.
func (r *Reader) readChunked() ([]byte, error) {
	var msg []byte
	first := true
	for {
		size, end, err := r.chunkHeader(first)
		if err != nil {
			return nil, err
		}
		first = false
		if end {
			return msg, nil
		}
		if r.Max > 0 && uint64(len(msg))+size > uint64(r.Max) {
			return nil, ErrTooBig
		}
		start := len(msg)
		msg = append(msg, make([]byte, size)...)
		if _, err := io.ReadFull(r.r, msg[start:]); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
}

// chunkHeader reads "\n#<size>\n" or "\n##\n" (end: true). Between
// messages (first) the end of the input is io.EOF, and a client's
// whitespace before a header is skipped.
func (r *Reader) chunkHeader(first bool) (size uint64, end bool, err error) {
	c, err := r.r.ReadByte()
	if first {
		// whitespace between messages (a line end after the hello's
		// "]]>]]>") is skipped, up to the LF that starts a header
		for err == nil && (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			if c == '\n' {
				if next, perr := r.r.Peek(1); perr == nil && next[0] == '#' {
					break
				}
			}
			c, err = r.r.ReadByte()
		}
	}
	if err != nil {
		if err == io.EOF && !first {
			err = io.ErrUnexpectedEOF
		}
		return 0, false, err
	}
	if c != '\n' {
		return 0, false, ErrFraming
	}
	if c, err = r.r.ReadByte(); err != nil {
		return 0, false, unexpected(err)
	}
	if c != '#' {
		return 0, false, ErrFraming
	}
	if c, err = r.r.ReadByte(); err != nil {
		return 0, false, unexpected(err)
	}
	if c == '#' {
		if c, err = r.r.ReadByte(); err != nil {
			return 0, false, unexpected(err)
		}
		if c != '\n' || first {
			return 0, false, ErrFraming // "##" ends a message that has a chunk
		}
		return 0, true, nil
	}
	// chunk-size = [1-9][0-9]*, at most 4294967295 (ten digits)
	digits := 0
	for c != '\n' {
		if c < '0' || c > '9' || digits == 0 && c == '0' || digits == 10 {
			return 0, false, ErrFraming
		}
		size = size*10 + uint64(c-'0')
		digits++
		if c, err = r.r.ReadByte(); err != nil {
			return 0, false, unexpected(err)
		}
	}
	if digits == 0 || size > 4294967295 {
		return 0, false, ErrFraming
	}
	return size, false, nil
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// Writer writes messages in the session's framing.
type Writer struct {
	w         io.Writer
	Chunked   bool
	NoNewline bool
}

// NewWriter writes messages to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write sends one message: msg then "]]>]]>" and a newline in base:1.0
// (as Junos ends its replies; NoNewline leaves the newline out), or msg
// as one chunk and the end-of-chunks marker in base:1.1.
func (w *Writer) Write(msg []byte) error {
	var b bytes.Buffer
	if w.Chunked {
		if len(msg) > 0 {
			b.WriteString("\n#" + strconv.Itoa(len(msg)) + "\n")
			b.Write(msg)
		}
		b.WriteString("\n##\n")
	} else {
		b.Write(msg)
		b.WriteString(EOM)
		if !w.NoNewline {
			b.WriteString("\n")
		}
	}
	_, err := w.w.Write(b.Bytes())
	return err
}

// ChunkString frames msg as base:1.1 chunks of at most size bytes (for
// clients and tests).
func ChunkString(msg string, size int) string {
	var b bytes.Buffer
	for len(msg) > 0 {
		n := min(size, len(msg))
		fmt.Fprintf(&b, "\n#%d\n%s", n, msg[:n])
		msg = msg[n:]
	}
	b.WriteString("\n##\n")
	return b.String()
}
