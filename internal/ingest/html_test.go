package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// page is a news page written for these tests: a head with metadata, a
// navigation bar and footer to drop, and an article with a heading, a
// quotation block, a list and a line break.
const page = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour plan approved | The Coastal Ledger</title>
<meta property="og:title" content="Harbour plan approved">
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="By Ines   Marlowe">
<link rel="canonical" href="https://ledger.example/2024/05/harbour">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour plan approved","datePublished":"2024-05-14T21:30:00-04:00"}</script>
<style>p { color: black }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour plan approved</h1>
<p>The town council approved the   harbour
redevelopment plan on Tuesday after a three-hour debate, clearing the way for
construction to begin in the autumn.</p>
<p>“This is the biggest investment the waterfront has seen in a generation,” said
Mayor Tomas Reyes, who cast the deciding vote. Opponents said the council had
ignored the concerns of fishing families.</p>
<h2>What happens next</h2>
<p>Contractors will be chosen by July, according to the council’s planning
office, and the first phase is due to finish in 2026.<br>Public meetings are planned for June.</p>
<blockquote><p>“We will hold the council to every promise in this plan,” the harbour
association said in a statement.</p></blockquote>
<ul><li>Phase one: the north quay and a new ferry terminal.</li><li>Phase two: housing on the old boatyard site.</li></ul>
<p>The plan still needs approval from the regional environment agency, which
has until the end of the year to respond.<span hidden>tracking text</span></p>
<figure><img src="quay.jpg" alt="The north quay"><figcaption>The north quay at low tide.</figcaption></figure>
</article>
<footer><p>© 2024 The Coastal Ledger. All rights reserved.</p><form><input name="q"><button>Search</button></form></footer>
</body></html>`

func TestFromHTML_Page(t *testing.T) {
	d, warn, err := FromHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(warn) > 0 {
		t.Errorf("warnings: %q", warn)
	}
	want := strings.Join([]string{
		"The town council approved the harbour redevelopment plan on Tuesday after a three-hour debate, clearing the way for construction to begin in the autumn.",
		"“This is the biggest investment the waterfront has seen in a generation,” said Mayor Tomas Reyes, who cast the deciding vote. Opponents said the council had ignored the concerns of fishing families.",
		"What happens next",
		"Contractors will be chosen by July, according to the council’s planning office, and the first phase is due to finish in 2026.",
		"Public meetings are planned for June.",
		"“We will hold the council to every promise in this plan,” the harbour association said in a statement.",
		"Phase one: the north quay and a new ferry terminal.",
		"Phase two: housing on the old boatyard site.",
		"The plan still needs approval from the regional environment agency, which has until the end of the year to respond.",
	}, "\n")
	if d.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", d.Text, want)
	}
	checks := []struct{ field, got, want string }{
		{"title", d.Title, "Harbour plan approved"},
		{"byline", d.Byline, "Ines Marlowe"},
		{"outlet", d.Outlet, "The Coastal Ledger"},
		{"url", d.URL, "https://ledger.example/2024/05/harbour"},
		{"published", d.Published.Format(time.DateOnly), "2024-05-14"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestFromHTML_URLArgumentWins(t *testing.T) {
	d, _, err := FromHTML([]byte(page), "https://mirror.example/harbour")
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != "https://mirror.example/harbour" {
		t.Errorf("url = %q", d.URL)
	}
}

func TestFromHTML_DateFromMetaTags(t *testing.T) {
	for _, head := range []string{
		`<meta name="date" content="2023-11-02">`,
		`<meta itemprop="datePublished" content="2023-11-02T08:00:00Z">`,
		`<meta property="article:published_time" content="2023-11-02T23:59:00+09:00">`,
	} {
		p := strings.Replace(page, `<script type="application/ld+json">`, head+`<script type="x">`, 1)
		d, _, err := FromHTML([]byte(p), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Published.Format(time.DateOnly); got != "2023-11-02" {
			t.Errorf("%s: published %s", head, got)
		}
	}
	p := strings.Replace(page, `<script type="application/ld+json">`, `<script type="x">`, 1)
	p = strings.Replace(p, `<h1>`, `<time datetime="2022-01-09T10:00" pubdate>9 January</time><h1>`, 1)
	d, _, err := FromHTML([]byte(p), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Published.Format(time.DateOnly); got != "2022-01-09" {
		t.Errorf("time pubdate: published %s", got)
	}
}

func TestFromHTML_Charset(t *testing.T) {
	latin := strings.Replace(page, `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1)
	enc, err := charmap.Windows1252.NewEncoder().String(latin)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := FromHTML([]byte(enc), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "“This is the biggest") || !strings.Contains(d.Text, "council’s") {
		t.Errorf("windows-1252 page decoded wrongly: %.120q", d.Text)
	}
	// Mislabelled: declared windows-1252, but valid UTF-8.
	d, _, err = FromHTML([]byte(latin), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "“This is the biggest") {
		t.Errorf("mislabelled UTF-8 page decoded wrongly: %.120q", d.Text)
	}
	// Undeclared and not UTF-8: repaired byte by byte, with a warning.
	undeclared := strings.Replace(enc, `<meta charset="windows-1252">`, ``, 1)
	d, warn, err := FromHTML([]byte(undeclared), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "“This is the biggest") {
		t.Errorf("undeclared page decoded wrongly: %.120q", d.Text)
	}
	_ = warn
}

func TestFromHTML_Refused(t *testing.T) {
	cases := []struct {
		name string
		in   string
		err  error
		sub  string
	}{
		{"empty", "", ErrEmpty, ""},
		{"blank", " \n ", ErrEmpty, ""},
		{"no body text", "<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>", ErrNoText, ""},
		{"only script", "<html><body><script>var a = 1;</script></body></html>", ErrNoText, ""},
		{"binary", "<html>\x00\x01\x02\x03</html>", ErrBinary, ""},
		{"deep nesting", strings.Repeat("<div>", 5000) + "text", nil, "nested more than 512 deep"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := FromHTML([]byte(c.in), "")
			if err == nil {
				t.Fatal("no error")
			}
			if c.err != nil && !errors.Is(err, c.err) {
				t.Errorf("err = %v, want %v", err, c.err)
			}
			if !strings.Contains(err.Error(), c.sub) {
				t.Errorf("err = %v, want %q", err, c.sub)
			}
		})
	}
}

// TestFromHTML_ShortArticle checks that a page with little text still gives
// its text, since readability falls back to its best candidate.
func TestFromHTML_ShortArticle(t *testing.T) {
	d, _, err := FromHTML([]byte("<html><body><p>The ferry is cancelled today, the operator said.</p></body></html>"), "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "The ferry is cancelled today, the operator said." {
		t.Errorf("text = %q", d.Text)
	}
}

func ExampleFromHTML() {
	page := `<html><head><title>Ferry cancelled</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry cancelled</h1>
<p>The morning ferry was cancelled because of high winds, the operator said.</p>
<p>“Safety comes first,” a spokeswoman said.</p></article></body></html>`
	d, _, err := FromHTML([]byte(page), "https://news.example/ferry")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Title)
	fmt.Println(d.Text)
	// Output:
	// Ferry cancelled
	// The morning ferry was cancelled because of high winds, the operator said.
	// “Safety comes first,” a spokeswoman said.
}

func ExampleFromText() {
	d, warn, err := FromText([]byte("Caf\xe9 owners said the tax was unfair.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", d.Text)
	fmt.Println(warn[0])
	// Output:
	// "Café owners said the tax was unfair.\n"
	// not valid UTF-8: 1 byte(s) read as Windows-1252, the first at byte offset 3
}

// longPage is the test page with its article paragraphs repeated, about
// the size of a long news page.
var longPage = strings.Replace(page, "<h2>What happens next</h2>", strings.Repeat(page[strings.Index(page, "<p>The town"):strings.Index(page, "<h2>")], 25)+"<h2>What happens next</h2>", 1)

func BenchmarkFromHTML(b *testing.B) {
	in := []byte(longPage)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := FromHTML(in, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFromText(b *testing.B) {
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"utf8", []byte(strings.Repeat("“The council approved the plan,” the mayor said on Tuesday. ", 2000))},
		{"windows-1252", []byte(strings.Repeat("\x93The council approved the plan,\x94 the mayor said on Tuesday. ", 2000))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := FromText(c.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
