package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

const mixed = "testdata/mixed"

func TestAnalyze_MixedDirectory(t *testing.T) {
	r := runCmd(t, "", "analyze", "--format", "jsonl", mixed)
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d (one JSONL line is malformed)", r.code, exitFailed)
	}
	got := articles(t, r.stdout)
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if want := "council ferry-1 ferry-3 harbour"; strings.Join(ids, " ") != want {
		t.Errorf("ids %q, want %q", strings.Join(ids, " "), want)
	}
	if n := strings.Count(r.stdout, "\n"); n != 4 {
		t.Errorf("%d lines of JSONL, want 4", n)
	}
	wantErr := "verbatim: " + filepath.Join(mixed, "feed.jsonl") + ":2: malformed JSON record"
	if !strings.Contains(r.stderr, wantErr) {
		t.Errorf("stderr %q, want %q", r.stderr, wantErr)
	}
	if !strings.Contains(r.stderr, "1 of 5 inputs failed") {
		t.Errorf("stderr %q has no summary", r.stderr)
	}
	for _, a := range got {
		switch a.ID {
		case "harbour":
			if a.Title != "Harbour works delayed" || a.Outlet != "The Coastal Ledger" || a.Published != "2025-06-03" {
				t.Errorf("html metadata: %+v", a)
			}
			if strings.Contains(a.Text, "Home") || !strings.Contains(a.Text, "\n“Nobody is happy") {
				t.Errorf("html text: %q", a.Text)
			}
		case "ferry-1":
			if a.Title != "Ferry timetable changes" || a.Outlet != "Island Post" || a.Published != "2025-02-10" {
				t.Errorf("jsonl metadata: %+v", a)
			}
		case "council":
			b, err := os.ReadFile(filepath.Join(mixed, "council.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != string(b) {
				t.Errorf("text of a .txt input is not the file as it is on disk")
			}
		}
	}
}

func TestAnalyze_Stdin(t *testing.T) {
	const text = "The harbour master said the port would reopen on Friday.\n"
	for _, args := range [][]string{
		{"analyze", "--format", "json", "--published", "2025-04-01", "-"},
		{"analyze", "--format", "json", "--published", "2025-04-01"}, // stdin is the default when it is not a terminal
	} {
		r := runCmd(t, text, args...)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		a := articles(t, r.stdout)
		if len(a) != 1 || a[0].ID != "stdin" || a[0].Text != text || a[0].Published != "2025-04-01" {
			t.Errorf("%v: got %+v", args, a)
		}
	}
	r := runCmd(t, `{"id":"s1","text":"One."}`+"\n"+`{"id":"s2","text":"Two."}`+"\n", "analyze", "--format", "jsonl", "-")
	if a := articles(t, r.stdout); r.code != exitOK || len(a) != 2 || a[1].ID != "s2" {
		t.Errorf("JSON Lines on stdin: exit %d, %+v, stderr %q", r.code, a, r.stderr)
	}
}

// TestAnalyze_BadInputs runs each kind of bad input alongside a good one:
// each bad one gets an error on stderr naming it, the good one is still
// analysed, and the exit status is 1.
func TestAnalyze_BadInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("The minister said the talks had gone well.\n"))
	cases := []struct {
		name string
		data []byte
		msg  string
	}{
		{"empty.txt", nil, "empty input"},
		{"blank.txt", []byte("  \n\n\t\n"), "empty input"},
		{"image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "looks binary, not text (a NUL byte at offset 8)"},
		{"big.txt", bytes.Repeat([]byte("The committee met again. "), 100), "too large: 2500 bytes, over the 2 KiB limit (raise it with --max-size)"},
		{"nav.html", []byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"), "no article text found"},
		{"empty.jsonl", []byte("\n"), "empty input: no JSON Lines records"},
		{"missing.txt", nil, "no such file or directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			if c.name != "missing.txt" {
				p = writeFile(t, dir, c.name, c.data)
			}
			r := runCmd(t, "", "analyze", "--format", "jsonl", "--max-size", "2048", p, good)
			if r.code != exitFailed {
				t.Errorf("exit %d, want %d", r.code, exitFailed)
			}
			if want := "verbatim: " + p + ": " + c.msg + "\n"; !strings.HasPrefix(r.stderr, want) {
				t.Errorf("stderr %q, want it to start %q", r.stderr, want)
			}
			if a := articles(t, r.stdout); len(a) != 1 || a[0].ID != "good" {
				t.Errorf("the good input was not analysed: %q", r.stdout)
			}
		})
	}
}

// TestAnalyze_OversizeNotRead checks that a file far over the limit is
// refused from its size, before it is read.
func TestAnalyze_OversizeNotRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: refusing it must not need reading it.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := runCmd(t, "", "analyze", "--format", "jsonl", p)
	if r.code != exitFailed || !strings.Contains(r.stderr, "too large: 50 MiB, over the 16 MiB limit") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestAnalyze_InvalidUTF8 checks the best-effort reading of a file that is
// not UTF-8: analysed, with a warning naming the file, exit status 0, and
// a text with one code point per byte that was not UTF-8.
func TestAnalyze_InvalidUTF8(t *testing.T) {
	in := []byte("\x93We will appeal,\x94 said Ren\xe9e Dupr\xe9, the union\xe2\x80\x99s lawyer.\n")
	p := writeFile(t, t.TempDir(), "latin.txt", in)
	r := runCmd(t, "", "analyze", "--format", "json", p)
	if r.code != exitOK {
		t.Errorf("exit %d, want 0", r.code)
	}
	if want := "verbatim: " + p + ": warning: not valid UTF-8: 4 byte(s) read as Windows-1252"; !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	a := articles(t, r.stdout)
	if len(a) != 1 {
		t.Fatalf("got %d articles", len(a))
	}
	if want := "“We will appeal,” said Renée Dupré, the union’s lawyer.\n"; a[0].Text != want {
		t.Errorf("text %q, want %q", a[0].Text, want)
	}
	// Python reads the file with errors="surrogateescape" as 4 escaped
	// bytes plus the valid characters.
	if n, want := utf8.RuneCountInString(a[0].Text), len(in)-2; n != want {
		t.Errorf("%d code points, want %d", n, want)
	}
}

func TestAnalyze_UnbalancedQuotes(t *testing.T) {
	text := "“We will not move,” said the protesters’ spokesman.\n“This is only the beginning, he added.\nOfficials said ”nothing“ had been agreed \" at all.\n"
	r := runCmd(t, text, "analyze", "--format", "json", "-")
	if r.code != exitOK || r.stderr != "" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestAnalyze_BratOut checks --format brat --out: NAME.ann for every input,
// NAME.txt beside it for inputs that were not plain text, and offsets that
// are code points into that text file as it is on disk.
func TestAnalyze_BratOut(t *testing.T) {
	out := t.TempDir()
	r := runCmd(t, "", "analyze", "--format", "brat", "--out", out, mixed)
	if r.code != exitFailed { // feed.jsonl:2 is malformed
		t.Errorf("exit %d, want %d; stderr %q", r.code, exitFailed, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout not empty with --out: %q", r.stdout)
	}
	ents, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	want := "council.ann ferry-1.ann ferry-1.txt ferry-3.ann ferry-3.txt harbour.ann harbour.txt"
	if strings.Join(names, " ") != want {
		t.Fatalf("files %q, want %q", strings.Join(names, " "), want)
	}
	texts := map[string]string{"council": filepath.Join(mixed, "council.txt")}
	for _, n := range []string{"ferry-1", "ferry-3", "harbour"} {
		texts[n] = filepath.Join(out, n+".txt")
	}
	spans := 0
	for name, txt := range texts {
		spans += checkBratOffsets(t, filepath.Join(out, name+".ann"), txt)
	}
	if spans == 0 {
		t.Log("no statements found yet: brat offsets checked on no span")
	}
	// The text written for an HTML input is the extracted text.
	b, err := os.ReadFile(texts["harbour"])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "Work on the north quay") || strings.Contains(string(b), "<p>") {
		t.Errorf("harbour.txt: %q", b)
	}
}

// checkBratOffsets checks that every T line of the .ann file covers, in
// code points of the text file, the text the line repeats; it returns the
// number of spans checked.
func checkBratOffsets(t *testing.T, ann, txt string) int {
	t.Helper()
	b, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(string(b))
	f, err := os.Open(ann)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if !strings.HasPrefix(fields[0], "T") || len(fields) != 3 {
			continue
		}
		_, ranges, _ := strings.Cut(fields[1], " ")
		var parts []string
		for _, rg := range strings.Split(ranges, ";") {
			var se [2]int
			for i, x := range strings.Fields(rg) {
				se[i], err = strconv.Atoi(x)
				if err != nil || i > 1 {
					t.Fatalf("%s: bad range %q", ann, rg)
				}
			}
			if se[0] < 0 || se[1] > len(text) || se[0] > se[1] {
				t.Fatalf("%s: range %q out of bounds", ann, rg)
			}
			parts = append(parts, strings.Join(strings.Fields(string(text[se[0]:se[1]])), " "))
			n++
		}
		if got, want := strings.Join(parts, " "), strings.Join(strings.Fields(fields[2]), " "); got != want {
			t.Errorf("%s: %s covers %q, the line says %q", ann, fields[0], got, want)
		}
	}
	return n
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestProgress_OnlyFromSecondInput checks that the progress line stays off
// on a non-terminal, and on a terminal appears from the second input on.
func TestProgress_OnlyFromSecondInput(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&env{stderr: &buf})
	p.step(1)
	p.step(2)
	p.done()
	if buf.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", buf.String())
	}
	p.on = true // as if stderr were a terminal
	p.step(1)
	if buf.Len() != 0 {
		t.Errorf("progress shown for one input: %q", buf.String())
	}
	p.step(2)
	if !strings.Contains(buf.String(), "analysed 2 inputs") {
		t.Errorf("no progress for the second input: %q", buf.String())
	}
	p.done()
}

// TestAnalyze_BratOutKeepsInputs checks that --out in the folder of the
// inputs never overwrites an input text with an extracted one.
func TestAnalyze_BratOutKeepsInputs(t *testing.T) {
	dir := t.TempDir()
	txt := "A different article about the same harbour.\n"
	writeFile(t, dir, "harbour.txt", []byte(txt))
	page, err := os.ReadFile(filepath.Join(mixed, "harbour.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := writeFile(t, dir, "harbour.html", page)
	r := runCmd(t, "", "analyze", "--format", "brat", "--out", dir, html)
	if r.code != exitFailed || !strings.Contains(r.stderr, "already exists with another text; not overwriting it") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "harbour.txt")); string(b) != txt {
		t.Errorf("input overwritten: %q", b)
	}
	// Run twice into a fresh folder: the second run may replace its own files.
	out := t.TempDir()
	for i := 0; i < 2; i++ {
		if r := runCmd(t, "", "analyze", "--format", "brat", "--out", out, html); r.code != exitOK {
			t.Errorf("run %d: exit %d, stderr %q", i+1, r.code, r.stderr)
		}
	}
}
