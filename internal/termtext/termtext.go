// Package termtext turns what a terminal-painting CLI sends (VT100
// cursor addressing, scroll regions, screen clearing) into the text a
// line-oriented reader expects, for the engine's own clients (the test
// helper, the load generator): escape sequences are removed and ESC E
// (next line) becomes CR LF. A sequence split across reads is held back
// until its end arrives, which is what the clients that strip per read
// (Netmiko, Ansible, scrapligo) do not do.
//
// It reads the byte stream, not a screen: text drawn with cursor moves
// comes out in the order it was sent. For what a terminal shows, see
// transcripts.Screen.
package termtext

import "bytes"

const esc = 0x1b

// Decoder strips escape sequences from a stream, chunk by chunk.
type Decoder struct {
	held []byte // an unfinished sequence from the last chunk
}

// Append appends the text of chunk p to dst and returns it.
func (d *Decoder) Append(dst, p []byte) []byte {
	if len(d.held) == 0 && bytes.IndexByte(p, esc) < 0 {
		return append(dst, p...)
	}
	if len(d.held) > 0 {
		p = append(d.held, p...)
		d.held = nil
	}
	for len(p) > 0 {
		i := bytes.IndexByte(p, esc)
		if i < 0 {
			return append(dst, p...)
		}
		dst = append(dst, p[:i]...)
		p = p[i:]
		n, text, ok := sequence(p)
		if !ok {
			// the sequence goes on in the next chunk
			d.held = append([]byte(nil), p...)
			return dst
		}
		dst = append(dst, text...)
		p = p[n:]
	}
	return dst
}

// String decodes a whole stream.
func String(s string) string {
	var d Decoder
	return string(d.Append(nil, []byte(s)))
}

// sequence measures the escape sequence at the start of p (p[0] is ESC):
// its length and the text it stands for; ok is false when p ends before
// the sequence does.
func sequence(p []byte) (n int, text string, ok bool) {
	if len(p) < 2 {
		return 0, "", false
	}
	switch p[1] {
	case '[':
		// CSI: parameters and intermediates, then a final byte
		for j := 2; j < len(p); j++ {
			if p[j] >= 0x40 && p[j] <= 0x7e {
				return j + 1, "", true
			}
			if p[j] < 0x20 || j > 64 {
				// not a sequence after all: drop the ESC [
				return 2, "", true
			}
		}
		return 0, "", false
	case 'E':
		return 2, "\r\n", true
	case '(', ')', '#':
		if len(p) < 3 {
			return 0, "", false
		}
		return 3, "", true
	}
	return 2, "", true
}
