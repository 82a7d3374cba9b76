package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFromText_Cases(t *testing.T) {
	cases := []struct {
		name     string
		in       []byte
		want     string
		warn     string // a substring of the warning, "" for none
		err      error
		errMatch string
	}{
		{name: "plain", in: []byte("The mayor said the bridge would reopen.\n"), want: "The mayor said the bridge would reopen.\n"},
		{name: "crlf kept", in: []byte("One.\r\nTwo.\r\n"), want: "One.\r\nTwo.\r\n"},
		{name: "bom kept", in: []byte("\ufeffCafé owners said so."), want: "\ufeffCafé owners said so."},
		{name: "windows-1252", in: []byte("Caf\xe9 owners said \x93no\x94."), want: "Café owners said “no”.", warn: "3 byte(s) read as Windows-1252, the first at byte offset 3"},
		{name: "mixed utf-8 and a stray byte", in: []byte("“Yes,” the caf\xe9 owner said."), want: "“Yes,” the café owner said.", warn: "1 byte(s)"},
		{name: "undefined cp1252 byte", in: []byte("Abc\x81def"), want: "Abc\u0081def", warn: "1 byte(s)"},
		{name: "utf-16le", in: append([]byte{0xFF, 0xFE}, 'H', 0, 'i', 0, '.', 0), want: "Hi.", warn: "UTF-16"},
		{name: "utf-16be", in: append([]byte{0xFE, 0xFF}, 0, 'H', 0, 'i', 0, '.'), want: "Hi.", warn: "UTF-16"},
		{name: "empty", in: nil, err: ErrEmpty},
		{name: "white space", in: []byte(" \n\t\r\n"), err: ErrEmpty},
		{name: "bom only", in: []byte("\ufeff\n"), err: ErrEmpty},
		{name: "nul", in: []byte("PK\x03\x04\x00\x00"), err: ErrBinary, errMatch: "NUL byte at offset 4"},
		{name: "control characters", in: []byte("\x01\x02\x03\x04\x05 abc def"), err: ErrBinary},
		{name: "mostly not utf-8", in: []byte{0xff, 0xfe, 0xfd, 0xfc, 'a', 0xfb, 0xfa}, err: ErrBinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, warn, err := FromText(c.in)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				if !strings.Contains(err.Error(), c.errMatch) {
					t.Fatalf("err = %q, want it to contain %q", err, c.errMatch)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != c.want {
				t.Errorf("text = %q, want %q", d.Text, c.want)
			}
			got := strings.Join(warn, "; ")
			if (c.warn == "") != (got == "") || !strings.Contains(got, c.warn) {
				t.Errorf("warnings = %q, want %q", got, c.warn)
			}
		})
	}
}

// TestFromText_RepairKeepsByteCount checks that repaired text has one code
// point per byte that was not UTF-8, so brat offsets count the file as
// Python reads it with errors="surrogateescape".
func TestFromText_RepairKeepsByteCount(t *testing.T) {
	in := []byte("Z\xfcrich: \xe2\x80\x9cOK\xe2\x80\x9d \x80\xff")
	d, _, err := FromText(in)
	if err != nil {
		t.Fatal(err)
	}
	valid := 2 * 3               // two curly quotes, three bytes each
	runes := len(in) - valid + 2 // each valid sequence is one code point
	if n := utf8.RuneCountInString(d.Text); n != runes {
		t.Errorf("%d code points, want %d", n, runes)
	}
}

func TestFromRecord_Cases(t *testing.T) {
	cases := []struct {
		name, in     string
		id, title    string
		text         string
		published    string
		warn, errSub string
	}{
		{name: "text", in: `{"id":"a1","text":"The minister said so.","title":"Budget","published":"2025-03-04","outlet":"Daily"}`, id: "a1", title: "Budget", text: "The minister said so.", published: "2025-03-04"},
		{name: "rfc3339 date", in: `{"text":"x y","published":"2025-03-04T23:30:00-05:00"}`, text: "x y", published: "2025-03-04"},
		{name: "html", in: `{"id":"h","html":"<html><body><article><h1>Flood</h1><p>` + strings.Repeat("Officials said the river rose overnight and crews worked to shore up the banks. ", 8) + `</p></article></body></html>"}`, id: "h", text: "Officials said"},
		{name: "bad date", in: `{"text":"x","published":"last Tuesday"}`, text: "x", warn: "left unknown"},
		{name: "malformed", in: `{"text": "unterminated`, errSub: "malformed JSON record"},
		{name: "array", in: `[1,2]`, errSub: "want an object"},
		{name: "number id", in: `{"id": 7, "text": "x"}`, errSub: `field "id" must be a string`},
		{name: "no text", in: `{"id":"x"}`, errSub: `no "text" or "html"`},
		{name: "empty text", in: `{"text":"   "}`, errSub: "empty"},
		{name: "nul in text", in: `{"text":"a\u0000b"}`, errSub: "binary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, warn, err := FromRecord([]byte(c.in))
			if c.errSub != "" {
				if err == nil || !strings.Contains(err.Error(), c.errSub) {
					t.Fatalf("err = %v, want %q", err, c.errSub)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.ID != c.id || d.Title != c.title || !strings.Contains(d.Text, c.text) {
				t.Errorf("got id %q title %q text %q", d.ID, d.Title, d.Text)
			}
			if c.published != "" && d.Published.Format(time.DateOnly) != c.published {
				t.Errorf("published %v, want %s", d.Published, c.published)
			}
			if got := strings.Join(warn, "; "); !strings.Contains(got, c.warn) || (c.warn == "") != (got == "") {
				t.Errorf("warnings %q, want %q", got, c.warn)
			}
		})
	}
}

// collect walks paths and returns the items, each as "name: ok" or
// "name: error".
func collect(t *testing.T, paths []string, stdin string, o Options) ([]Item, []string) {
	t.Helper()
	var items []Item
	var lines []string
	err := Walk(paths, strings.NewReader(stdin), o, func(it Item) error {
		items = append(items, it)
		if it.Err != nil {
			lines = append(lines, fmt.Sprintf("%s: %v", filepath.Base(it.Name), it.Err))
		} else {
			lines = append(lines, fmt.Sprintf("%s: ok %s", filepath.Base(it.Name), it.Doc.ID))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return items, lines
}

func equalLines(t *testing.T, got, want []string) {
	t.Helper()
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWalk_Directory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte("The council voted on Monday."))
	write(t, dir, "a.jsonl", []byte("{\"id\":\"one\",\"text\":\"First.\"}\nnot json\n\n{\"text\":\"Third.\"}\n"))
	write(t, dir, "c.md", []byte("ignored: not an input extension"))
	write(t, dir, ".hidden/d.txt", []byte("ignored: hidden"))
	write(t, dir, "sub/e.txt", nil)
	_, got := collect(t, []string{dir}, "", Options{})
	want := []string{
		"a.jsonl:1: ok one",
		"a.jsonl:2: malformed JSON record: invalid character 'o' in literal null (expecting 'u')",
		"a.jsonl:4: ok a-4",
		"b.txt: ok b",
		"e.txt: empty input",
	}
	equalLines(t, got, want)
}

// gz returns b gzipped.
func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWalk_Gzipped(t *testing.T) {
	dir := t.TempDir()
	page := "<html><body><article><p>" + strings.Repeat("The harbour board said it would publish the new ferry timetable in the spring. ", 6) + "</p></article></body></html>"
	write(t, dir, "a.html.gz", gz(t, []byte(page)))
	write(t, dir, "b.jsonl.GZ", gz(t, []byte(`{"id":"one","text":"The mayor spoke."}`+"\n"+`{"text":"Again."}`)))
	write(t, dir, "c.txt.gz", []byte("this is not gzip data"))
	write(t, dir, "d.txt.gz", gz(t, bytes.Repeat([]byte("word "), 300)))
	write(t, dir, "e.md.gz", gz(t, []byte("ignored: not an input extension")))
	_, got := collect(t, []string{dir}, "", Options{MaxBytes: 1024})
	want := []string{
		"a.html.gz: ok a",
		"b.jsonl.GZ:1: ok one",
		"b.jsonl.GZ:2: ok b-2",
		"c.txt.gz: not a gzip file: gzip: invalid header",
		"d.txt.gz: too large: over the 1 KiB limit (raise it with --max-size)",
	}
	equalLines(t, got, want)
}

func TestWalk_Errors(t *testing.T) {
	dir := t.TempDir()
	big := write(t, dir, "big.txt", bytes.Repeat([]byte("word "), 300))
	empty := filepath.Join(dir, "nothing")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	jl := write(t, dir, "long.jsonl", []byte(`{"text":"`+strings.Repeat("a", 2000)+`"}`+"\n"+`{"text":"short"}`))
	blank := write(t, dir, "blank.jsonl", []byte("\n\n"))
	_, got := collect(t, []string{big, filepath.Join(dir, "missing.txt"), empty, jl, blank}, "", Options{MaxBytes: 1024})
	want := []string{
		"big.txt: too large: 1500 bytes, over the 1 KiB limit (raise it with --max-size)",
		"missing.txt: no such file or directory",
		"nothing: no .txt, .html, .htm, .jsonl files (or gzipped ones) in this directory",
		"long.jsonl:1: too large: line over the 1 KiB limit (raise it with --max-size)",
		"long.jsonl:2: ok long-2",
		"blank.jsonl: empty input: no JSON Lines records",
	}
	equalLines(t, got, want)
}

func TestWalk_Stdin(t *testing.T) {
	pub := time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	cases := []struct{ name, in, want string }{
		{"text", "The spokesman declined to comment.", "-: ok stdin"},
		{"jsonl", "\ufeff{\"id\":\"x\",\"text\":\"Hello there.\"}\n{\"id\":\"y\",\"text\":\"Again.\"}", "-:1: ok x\n-:2: ok y"},
		{"html", "<html><body><article><p>" + strings.Repeat("The committee said it would publish its findings next month after a long review. ", 8) + "</p></article></body></html>", "-: ok stdin"},
		{"too large", strings.Repeat("x", 2048), "-: too large: over the 1 KiB limit (raise it with --max-size)"},
		{"jsonl longer than the limit", strings.Repeat(`{"text":"One more line of the feed."}`+"\n", 100), strings.TrimSuffix(strings.Repeat("-:N: ok stdin-N\n", 100), "\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items, got := collect(t, []string{"-"}, c.in, Options{Published: pub, MaxBytes: 1024 * (1 + 4*boolInt(c.name == "html"))})
			if strings.Contains(c.want, ":N:") {
				for i := range got {
					got[i] = strings.ReplaceAll(got[i], strconv.Itoa(i+1), "N")
				}
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got %q, want %q", strings.Join(got, "\n"), c.want)
			}
			for _, it := range items {
				if it.Doc != nil && !it.Doc.Published.Equal(pub) {
					t.Errorf("%s: published %v, want %v", it.Name, it.Doc.Published, pub)
				}
			}
		})
	}
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func TestParseDate_Cases(t *testing.T) {
	for in, want := range map[string]string{
		"2025-01-31":                "2025-01-31",
		" 2025-01-31 ":              "2025-01-31",
		"2025-01-31T22:00:00-08:00": "2025-01-31",
		"2025-01-31T06:00:00Z":      "2025-01-31",
		"2025-01-31T06:00:00":       "2025-01-31",
		"2025-01-31 06:00:00":       "2025-01-31",
		"31/01/2025":                "error",
		"2025-02-30":                "error",
		"":                          "error",
	} {
		got, err := ParseDate(in)
		s := got.Format(time.DateOnly)
		if err != nil {
			s = "error"
		}
		if s != want {
			t.Errorf("ParseDate(%q) = %s, want %s", in, s, want)
		}
	}
}
