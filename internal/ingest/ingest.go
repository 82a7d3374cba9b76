// Package ingest reads articles from files, directories and standard
// input into doc.Documents: plain text, HTML and JSON Lines. It checks
// what it reads and reports each bad input as an error that names it,
// without stopping the others.
//
// Plain text is kept as it is on disk, so that code-point offsets into the
// text index the file as Python reads it with encoding="utf-8": a
// byte-order mark stays (character 0) and "\r\n" stays two characters.
// Text that is not valid UTF-8 is read on a best-effort basis, each stray
// byte as its Windows-1252 character, with a warning (offsets then count
// the file as Python reads it with errors="surrogateescape"); UTF-16 with
// a byte-order mark is decoded. HTML pages give their extracted article
// text, one paragraph per line (see FromHTML).
//
// Refused, each with an error naming the input: empty or white-space-only
// input (ErrEmpty); binary input, with a NUL byte or mostly control
// characters (ErrBinary); a file or JSON Lines line over Options.MaxBytes,
// refused from its size before it is read (ErrTooLarge); a page with no
// article text (ErrNoText); a malformed JSON Lines line, reported as
// "file:line" while the other lines are read.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Options control reading.
type Options struct {
	// Published is the publication date given to inputs that carry none
	// (plain text, stdin). The zero time leaves it unknown.
	Published time.Time
	// MaxBytes is the largest article accepted, in bytes; 0 means
	// DefaultMaxBytes. A larger file is refused before it is read; a
	// JSON Lines file may be larger, but none of its lines.
	MaxBytes int64
}

// DefaultMaxBytes is the default size limit of one article.
const DefaultMaxBytes = 16 << 20

// Item is one article read, or the error met reading it.
type Item struct {
	Name     string // path, "path:line" for JSON Lines, or "-" for stdin
	Path     string // the file it came from ("" for stdin)
	Doc      *doc.Document
	Err      error
	Warnings []string // what was repaired to read it (set only with Doc)
}

// Exts are the file extensions read when walking a directory, each also
// gzipped ("page.html.gz").
var Exts = []string{".txt", ".html", ".htm", ".jsonl"}

// InputExt returns the extension that says how a file is read: its own,
// in lower case, or for a gzipped file the one before ".gz"
// ("page.HTML.gz" is ".html", gzipped).
func InputExt(path string) (ext string, gzipped bool) {
	if e := filepath.Ext(path); strings.EqualFold(e, ".gz") {
		return strings.ToLower(filepath.Ext(strings.TrimSuffix(path, e))), true
	}
	return strings.ToLower(filepath.Ext(path)), false
}

// HasExt reports whether Walk reads the file path when it walks a
// directory: its extension (InputExt) is one of Exts.
func HasExt(path string) bool {
	ext, _ := InputExt(path)
	return slices.Contains(Exts, ext)
}

// baseID is the name of the file path without its extensions, the ID of a
// document read from it ("a/page.html.gz" is "page").
func baseID(path string) string {
	b := filepath.Base(path)
	if e := filepath.Ext(b); strings.EqualFold(e, ".gz") {
		b = strings.TrimSuffix(b, e)
	}
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// Walk reads every input in paths ("-" is stdin; directories are walked
// for files with an extension in Exts, in lexical order, skipping hidden
// ones) and calls fn with each item. A bad input is reported to fn as an
// item with Err set, and reading goes on; Walk itself fails only when fn
// returns an error.
func Walk(paths []string, stdin io.Reader, o Options, fn func(Item) error) error {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	for _, p := range paths {
		if p == "-" {
			if err := readStream("-", "", "stdin", stdin, o, fn); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			if err := fn(Item{Name: p, Path: p, Err: pathErr(err)}); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := readFile(p, o, fn); err != nil {
				return err
			}
			continue
		}
		if err := walkDir(p, o, fn); err != nil {
			return err
		}
	}
	return nil
}

// walkDir reads the inputs in directory dir.
func walkDir(dir string, o Options, fn func(Item) error) error {
	var files []string
	werr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(Item{Name: path, Path: path, Err: pathErr(err)})
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && HasExt(path) {
			files = append(files, path)
		}
		return nil
	})
	if werr != nil {
		return werr
	}
	if len(files) == 0 {
		return fn(Item{Name: dir, Path: dir, Err: fmt.Errorf("no %s files (or gzipped ones) in this directory", strings.Join(Exts, ", "))})
	}
	sort.Strings(files)
	for _, f := range files {
		if err := readFile(f, o, fn); err != nil {
			return err
		}
	}
	return nil
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string, o Options, fn func(Item) error) error {
	kind, gzipped := InputExt(path)
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Name: path, Path: path, Err: pathErr(err)})
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && kind != ".jsonl" && st.Size() > o.MaxBytes {
		return fn(Item{Name: path, Path: path, Err: tooLarge(st.Size(), o.MaxBytes)})
	}
	var r io.Reader = f
	if gzipped {
		// The size limit applies to the text unpacked, as readStream
		// reads it.
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fn(Item{Name: path, Path: path, Err: fmt.Errorf("not a gzip file: %w", err)})
		}
		defer zr.Close()
		r = zr
	}
	return readStream(path, path, kind, r, o, fn)
}

func tooLarge(size, max int64) error {
	if size < 0 {
		return fmt.Errorf("%w: over the %s limit (raise it with --max-size)", ErrTooLarge, sizeString(max))
	}
	return fmt.Errorf("%w: %s, over the %s limit (raise it with --max-size)", ErrTooLarge, sizeString(size), sizeString(max))
}

// sizeString formats a byte count for people.
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readStream reads one input of the given kind (".txt", ".html", ".jsonl"
// or "stdin", which is sniffed), unpacked. Input of any other extension
// is read as plain text.
func readStream(name, path, kind string, r io.Reader, o Options, fn func(Item) error) error {
	if kind == "stdin" {
		// Sniff from the first bytes, so that a JSON Lines stream of any
		// length is read line by line.
		br := bufio.NewReaderSize(r, 4096)
		head, _ := br.Peek(4096)
		kind, r = sniff(head), br
	}
	if kind == ".jsonl" {
		return readJSONL(name, path, r, o, fn)
	}
	b, err := io.ReadAll(io.LimitReader(r, o.MaxBytes+1))
	if err != nil {
		return fn(Item{Name: name, Path: path, Err: pathErr(err)})
	}
	if int64(len(b)) > o.MaxBytes {
		return fn(Item{Name: name, Path: path, Err: tooLarge(-1, o.MaxBytes)})
	}
	id := baseID(path)
	if path == "" {
		id = "stdin"
	}
	var d *doc.Document
	var warn []string
	switch kind {
	case ".html", ".htm":
		d, warn, err = FromHTML(b, "")
	default:
		d, warn, err = FromText(b)
	}
	if err != nil {
		return fn(Item{Name: name, Path: path, Err: err})
	}
	if d.ID == "" {
		d.ID = id
	}
	if d.Published.IsZero() {
		d.Published = o.Published
	}
	return fn(Item{Name: name, Path: path, Doc: d, Warnings: warn})
}

// sniff guesses the kind of standard input from its first bytes.
func sniff(b []byte) string {
	t := bytes.TrimLeft(b, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(t, []byte("{")):
		return ".jsonl"
	case bytes.HasPrefix(t, []byte("<")):
		return ".html"
	}
	return ".txt"
}

// ParseDate parses a publication date: YYYY-MM-DD, or a date and time
// (RFC 3339, or without a zone, "T" or a space between), whose date as
// written is kept.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05", time.DateTime} {
		if t, err := time.Parse(layout, s); err == nil {
			return dateOf(t), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
}
