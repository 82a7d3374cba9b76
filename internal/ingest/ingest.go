// Package ingest reads articles from files, directories and standard
// input into doc.Documents: plain text, HTML and JSON Lines. It checks
// what it reads (size, encoding, binary content) and reports each bad
// input as an error that names it, without stopping the others.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Options control reading.
type Options struct {
	// Published is the publication date given to inputs that carry none
	// (plain text, stdin). The zero time leaves it unknown.
	Published time.Time
	// MaxBytes is the largest article accepted, in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the default size limit of one article.
const DefaultMaxBytes = 16 << 20

// Item is one article read, or the error met reading it.
type Item struct {
	Name string // path, "path:line" for JSON Lines, or "-" for stdin
	Path string // the file it came from ("" for stdin)
	Doc  *doc.Document
	Err  error
}

// Exts are the file extensions read when walking a directory.
var Exts = []string{".txt", ".html", ".htm", ".jsonl"}

// Walk reads every input in paths ("-" is stdin; directories are walked
// for files with an extension in Exts, in lexical order) and calls fn with
// each item. A bad input is reported to fn as an item with Err set; Walk
// itself fails only when fn returns an error.
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
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fn(Item{Name: path, Path: path, Err: pathErr(err)})
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if hasExt(path) {
				files = append(files, path)
			}
			return nil
		})
		if werr != nil {
			return werr
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(f, o, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

func hasExt(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Exts {
		if ext == e {
			return true
		}
	}
	return false
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string, o Options, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Name: path, Path: path, Err: pathErr(err)})
	}
	defer f.Close()
	return readStream(path, path, strings.ToLower(filepath.Ext(path)), f, o, fn)
}

// readStream reads one input of the given kind (".txt", ".html", ".jsonl"
// or "stdin", which is sniffed).
func readStream(name, path, kind string, r io.Reader, o Options, fn func(Item) error) error {
	if kind == ".jsonl" {
		return readJSONL(name, path, r, o, fn)
	}
	b, err := io.ReadAll(io.LimitReader(r, o.MaxBytes+1))
	if err != nil {
		return fn(Item{Name: name, Path: path, Err: err})
	}
	if int64(len(b)) > o.MaxBytes {
		return fn(Item{Name: name, Path: path, Err: fmt.Errorf("larger than the %d-byte limit (raise it with --max-size)", o.MaxBytes)})
	}
	if kind == "stdin" {
		kind = sniff(b)
		if kind == ".jsonl" {
			return readJSONL(name, path, bytes.NewReader(b), o, fn)
		}
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if path == "" {
		id = "stdin"
	}
	var d *doc.Document
	switch kind {
	case ".html", ".htm":
		d, err = FromHTML(b, "")
	default:
		d, err = FromText(b)
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
	return fn(Item{Name: name, Path: path, Doc: d})
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

// Record is one line of a JSON Lines input.
type Record struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
}

func readJSONL(name, path string, r io.Reader, o Options, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	line := 0
	for {
		b, err := readLine(br, o.MaxBytes)
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		line++
		at := fmt.Sprintf("%s:%d", name, line)
		if errors.Is(err, errLineTooLong) {
			if ferr := fn(Item{Name: at, Path: path, Err: fmt.Errorf("line longer than the %d-byte limit", o.MaxBytes)}); ferr != nil {
				return ferr
			}
			continue
		}
		if err != nil && err != io.EOF {
			return fn(Item{Name: at, Path: path, Err: err})
		}
		if len(bytes.TrimSpace(b)) > 0 {
			d, derr := FromRecord(b)
			if d != nil && d.ID == "" {
				d.ID = fmt.Sprintf("%s-%d", strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)), line)
			}
			if d != nil && d.Published.IsZero() {
				d.Published = o.Published
			}
			if ferr := fn(Item{Name: at, Path: path, Doc: d, Err: derr}); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line without its newline. A line over max bytes is
// skipped to its end and reported as errLineTooLong.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(buf)+len(chunk)) > max+1 {
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// FromRecord parses one JSON Lines record.
func FromRecord(b []byte) (*doc.Document, error) {
	var rec Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("malformed JSON: %v", err)
	}
	var d *doc.Document
	var err error
	switch {
	case rec.Text != "":
		d, err = FromText([]byte(rec.Text))
	case rec.HTML != "":
		d, err = FromHTML([]byte(rec.HTML), rec.URL)
	default:
		return nil, errors.New(`record has neither "text" nor "html"`)
	}
	if err != nil {
		return nil, err
	}
	d.ID = rec.ID
	if rec.URL != "" {
		d.URL = rec.URL
	}
	if rec.Title != "" {
		d.Title = rec.Title
	}
	if rec.Outlet != "" {
		d.Outlet = rec.Outlet
	}
	if rec.Published != "" {
		t, err := ParseDate(rec.Published)
		if err != nil {
			return nil, fmt.Errorf("published: %v", err)
		}
		d.Published = t
	}
	return d, nil
}

// ParseDate parses a publication date: YYYY-MM-DD, or an RFC 3339 time
// (whose date is kept).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
}

// FromText makes a document of plain text. The text is kept exactly as it
// is, so offsets index the file on disk. It must be UTF-8 (a byte-order
// mark is allowed) and must not look binary.
func FromText(b []byte) (*doc.Document, error) {
	if err := checkText(b); err != nil {
		return nil, err
	}
	return &doc.Document{Text: string(b)}, nil
}

// checkText rejects binary and non-UTF-8 input with a message that says
// where the problem is.
func checkText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return errors.New("empty input")
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("looks binary (a NUL byte at offset %d)", i)
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d); convert it to UTF-8 first", off)
	}
	return nil
}
