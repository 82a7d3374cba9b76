package ingest

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// checkDoc checks what every reader promises of a document it returns: a
// non-empty text that is valid UTF-8.
func checkDoc(t *testing.T, d *doc.Document, warn []string, err error) {
	t.Helper()
	if err != nil {
		if d != nil {
			t.Fatalf("a document and an error: %v", err)
		}
		if err.Error() == "" {
			t.Fatal("an error with no message")
		}
		return
	}
	if d == nil {
		t.Fatal("no document and no error")
	}
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not valid UTF-8: %q", d.Text)
	}
	if strings.TrimSpace(strings.TrimPrefix(d.Text, "\ufeff")) == "" {
		t.Fatalf("empty text accepted: %q", d.Text)
	}
	for _, w := range warn {
		if w == "" {
			t.Fatal("an empty warning")
		}
	}
}

func FuzzFromText(f *testing.F) {
	for _, s := range []string{
		"The mayor said the bridge would reopen.\n",
		"\ufeffCafé\r\n",
		"Caf\xe9 \x93ok\x94",
		"\xff\xfeH\x00i\x00",
		"\xfe\xff\x00H\x00i",
		"",
		" \n",
		"a\x00b",
		"\x01\x02\x03abc",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, warn, err := FromText(b)
		checkDoc(t, d, warn, err)
		if err == nil && utf8.Valid(b) && !strings.HasPrefix(string(b), "\xfe\xff") && !strings.HasPrefix(string(b), "\xff\xfe") && d.Text != string(b) {
			t.Fatalf("valid UTF-8 changed: %q became %q", b, d.Text)
		}
		if err == nil && len(warn) == 0 && d.Text != string(b) {
			t.Fatalf("text changed without a warning")
		}
	})
}

func FuzzFromRecord(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"The minister said so.","published":"2025-03-04","title":"T","outlet":"O","url":"https://x.example/a"}`,
		`{"html":"<p>Officials said the river rose overnight and crews worked through the night.</p>"}`,
		`{"text":"x","published":"2025-03-04T10:00:00+02:00"}`,
		`{"text":"x","published":"soon"}`,
		`{"id":5}`,
		`[]`,
		`{"text":"a\u0000b"}`,
		`{"text":`,
		"{\"text\":\"caf\xe9\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, warn, err := FromRecord(b)
		checkDoc(t, d, warn, err)
	})
}

func FuzzFromHTML(f *testing.F) {
	f.Add([]byte(page))
	for _, s := range []string{
		"<p>The ferry is cancelled today, the operator said.</p>",
		"<html><body><nav><a href=/>Home</a></nav></body></html>",
		"<pre>line one\nline two is here</pre><br><table><tr><td>a b c d</td><td>e</td></tr></table>",
		"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2 the text goes on here</p>",
		"<div><div><div>",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, warn, err := FromHTML(b, "")
		checkDoc(t, d, warn, err)
		if err == nil {
			for line := range strings.Lines(d.Text) {
				line = strings.TrimSuffix(line, "\n")
				if line == "" || line != strings.Join(strings.Fields(line), " ") {
					t.Fatalf("line not normalised: %q", line)
				}
			}
		}
		if err != nil && !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNoText) && !errors.Is(err, ErrBinary) && !strings.Contains(err.Error(), "nested") && !strings.Contains(err.Error(), "decode") {
			t.Fatalf("unexpected error: %v", err)
		}
	})
}
