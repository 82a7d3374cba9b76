package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

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

// readJSONL reads one article per line of r. A bad line is reported as an
// item named "name:line" and the next line is read; a file with no
// article at all is reported as empty.
func readJSONL(name, path string, r io.Reader, o Options, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	line, records := 0, 0
	base := baseID(name)
	if name == "-" {
		base = "stdin"
	}
	for {
		b, err := readLine(br, o.MaxBytes)
		if len(b) == 0 && err == io.EOF {
			break
		}
		line++
		at := fmt.Sprintf("%s:%d", name, line)
		if errors.Is(err, errLineTooLong) {
			records++
			if ferr := fn(Item{Name: at, Path: path, Err: fmt.Errorf("%w: line over the %s limit (raise it with --max-size)", ErrTooLarge, sizeString(o.MaxBytes))}); ferr != nil {
				return ferr
			}
			continue
		}
		if err != nil && err != io.EOF {
			return fn(Item{Name: at, Path: path, Err: pathErr(err)})
		}
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(b)) > 0 {
			records++
			d, warn, derr := FromRecord(b)
			if d != nil {
				if d.ID == "" {
					d.ID = fmt.Sprintf("%s-%d", base, line)
				}
				if d.Published.IsZero() {
					d.Published = o.Published
				}
			}
			if ferr := fn(Item{Name: at, Path: path, Doc: d, Err: derr, Warnings: warn}); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			break
		}
	}
	if records == 0 {
		return fn(Item{Name: name, Path: path, Err: fmt.Errorf("%w: no JSON Lines records", ErrEmpty)})
	}
	return nil
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line without its line ending. A line over max bytes
// is skipped to its end and reported as errLineTooLong.
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

// FromRecord parses one JSON Lines record: {"id", "text" or "html", "url",
// "title", "published", "outlet"}. The text of "text" is kept as it is;
// "html" goes through FromHTML, and the record's own fields win over what
// the page says. A date that cannot be read is left unknown, with a
// warning.
func FromRecord(b []byte) (*doc.Document, []string, error) {
	var rec Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, nil, fmt.Errorf("malformed JSON record: %v", jsonMessage(err))
	}
	var warn []string
	if !utf8.Valid(b) {
		warn = append(warn, "not valid UTF-8: bad bytes replaced by U+FFFD")
	}
	var d *doc.Document
	var w []string
	var err error
	switch {
	case rec.Text != "":
		d, w, err = FromText([]byte(rec.Text))
	case rec.HTML != "":
		d, w, err = FromHTML([]byte(rec.HTML), rec.URL)
	default:
		return nil, nil, fmt.Errorf(`%w: the record has no "text" or "html"`, ErrEmpty)
	}
	if err != nil {
		return nil, nil, err
	}
	warn = append(warn, w...)
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
			warn = append(warn, fmt.Sprintf("published: %v; the date is left unknown", err))
		} else {
			d.Published = t
		}
	}
	return d, warn, nil
}

// jsonMessage shortens encoding/json's messages for people.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Sprintf("want an object, got %s", te.Value)
		}
		return fmt.Sprintf("field %q must be a string, not %s", te.Field, te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
