package transcripts

import (
	"fmt"
	"strings"
)

// Diff shows how got differs from want, line by line: "-" for an
// expected line that is missing, "+" for a line that came instead, and up
// to three unchanged lines of context around each change. Trailing blanks
// and control bytes are made visible, since they are part of the text.
func Diff(want, got []string) string {
	n, m := len(want), len(got)
	// lcs[i][j] is the longest common subsequence of want[i:] and got[j:]
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte
		text string
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i] == got[j]:
			ops = append(ops, op{' ', want[i]})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', want[i]})
			i++
		default:
			ops = append(ops, op{'+', got[j]})
			j++
		}
	}
	const context = 3
	show := make([]bool, len(ops))
	for k, o := range ops {
		if o.kind == ' ' {
			continue
		}
		for d := -context; d <= context; d++ {
			if k+d >= 0 && k+d < len(ops) {
				show[k+d] = true
			}
		}
	}
	var b strings.Builder
	skipped := false
	for k, o := range ops {
		if !show[k] {
			skipped = true
			continue
		}
		if skipped {
			b.WriteString("  ...\n")
			skipped = false
		}
		fmt.Fprintf(&b, "%c %s\n", o.kind, visible(o.text))
	}
	if skipped {
		b.WriteString("  ...\n")
	}
	return b.String()
}

// visible marks trailing blanks with a final "¶" so they can be seen.
func visible(s string) string {
	if strings.HasSuffix(s, " ") {
		return s + "¶"
	}
	return s
}
