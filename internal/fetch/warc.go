package fetch

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/nlnwa/gowarc/v3"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/ingest"
)

// IsWARC reports whether a file name is a WARC file's (.warc or
// .warc.gz).
func IsWARC(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

// WARCItem is one article read from a WARC file, or the error met
// reading it.
type WARCItem struct {
	Name     string // "file.warc@offset", for messages
	Doc      *doc.Document
	Err      error
	Warnings []string
}

// ReadWARC reads the WARC file at path (plain or gzip-compressed) and
// calls fn with an item for each response or resource record that holds
// an HTML or plain-text page with status 200; other records (requests,
// metadata, redirects, images…) are skipped. A record that cannot be
// read is reported to fn and reading goes on where the next one can be
// found; a file that is not WARC at all is one error. Pages over
// maxBytes are refused. ReadWARC fails only when fn fails.
func ReadWARC(path string, maxBytes int64, fn func(WARCItem) error) error {
	if maxBytes <= 0 {
		maxBytes = ingest.DefaultMaxBytes
	}
	r, err := gowarc.NewWarcFileReader(path, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrWarn))
	if err != nil {
		return fn(WARCItem{Name: path, Err: err})
	}
	defer r.Close()
	records := 0
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		name := fmt.Sprintf("%s@%d", path, rec.Offset)
		if err != nil {
			if records == 0 {
				return fn(WARCItem{Name: path, Err: fmt.Errorf("not a readable WARC file: %v", err)})
			}
			// The rest of the file cannot be framed: report and stop.
			return fn(WARCItem{Name: name, Err: fmt.Errorf("unreadable WARC record: %v", err)})
		}
		records++
		item, ok := fromRecord(rec.WarcRecord, maxBytes)
		rec.Close()
		if !ok {
			continue
		}
		item.Name = name
		if damaged := truncation(rec.Validation); damaged != nil && item.Err == nil {
			item = WARCItem{Name: name, Err: fmt.Errorf("damaged WARC record (truncated?): %v", damaged)}
		}
		if err := fn(item); err != nil {
			return err
		}
	}
	if records == 0 {
		return fn(WARCItem{Name: path, Err: fmt.Errorf("%w: no WARC records", ingest.ErrEmpty)})
	}
	return nil
}

// fromRecord reads the page a record holds; ok is false for a record
// that holds no page to analyse.
func fromRecord(wr gowarc.WarcRecord, maxBytes int64) (WARCItem, bool) {
	target := wr.WarcHeader().Get(gowarc.WarcTargetURI)
	var body io.Reader
	var ctype string
	switch wr.Type() {
	case gowarc.Response:
		hb, ok := wr.Block().(gowarc.HttpResponseBlock)
		if !ok || hb.HttpStatusCode() != 200 {
			return WARCItem{}, false
		}
		ctype = hb.HttpHeader().Get("Content-Type")
		p, err := hb.PayloadBytes()
		if err != nil {
			return WARCItem{Err: err}, true
		}
		body = p
	case gowarc.Resource:
		ctype = wr.WarcHeader().Get(gowarc.ContentType)
		p, err := wr.Block().RawBytes()
		if err != nil {
			return WARCItem{Err: err}, true
		}
		body = p
	default:
		return WARCItem{}, false
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
		return WARCItem{}, false
	}
	b, err := io.ReadAll(io.LimitReader(body, maxBytes+1))
	if err != nil {
		return WARCItem{Err: fmt.Errorf("reading the record: %v", err)}, true
	}
	if int64(len(b)) > maxBytes {
		return WARCItem{Err: fmt.Errorf("%w: the page is over the %d-byte limit (raise it with --max-size)", ingest.ErrTooLarge, maxBytes)}, true
	}
	p := &Page{URL: target, ContentType: mt, Body: b}
	d, warn, err := p.Document()
	if err != nil {
		return WARCItem{Err: err}, true
	}
	// The crawl date (WARC-Date) is not the publication date: a page
	// without one keeps its date unknown.
	return WARCItem{Doc: d, Warnings: warn}, true
}

// truncation returns the finding among a record's validation findings
// that shows it was cut short, or nil. Other findings (a wrong digest)
// are common in real crawls and do not stop the page being read.
func truncation(findings []error) error {
	for _, f := range findings {
		var cl *gowarc.ContentLengthError
		if errors.As(f, &cl) || strings.Contains(f.Error(), "content length") || strings.Contains(f.Error(), "end of record") {
			return f
		}
	}
	return nil
}
