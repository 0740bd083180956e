package transcripts

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Files lists the transcripts a path names: the file itself, or every
// *.txt file in a folder and its subfolders (one per vendor), sorted.
func Files(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	// the folder and its subfolders (one per vendor)
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

// Check replays one transcript file and reports each differing step to w.
// With update it rewrites the file with the output the replay showed
// instead. It returns the number of differing steps.
func Check(path string, update bool, opt Options, w io.Writer) (int, error) {
	f, err := ReadFile(path)
	if err != nil {
		return 0, err
	}
	res, err := Run(f, opt)
	if err != nil {
		return 0, err
	}
	ms := res.Mismatches()
	if update {
		if len(ms) > 0 {
			st, err := os.Stat(path)
			if err != nil {
				return 0, err
			}
			if err := os.WriteFile(path, res.Updated(), st.Mode().Perm()); err != nil {
				return 0, err
			}
			fmt.Fprintf(w, "%s: rewrote %d step(s)\n", path, len(ms))
		}
		return 0, nil
	}
	for _, m := range ms {
		fmt.Fprintln(w, m.Error())
	}
	return len(ms), nil
}
