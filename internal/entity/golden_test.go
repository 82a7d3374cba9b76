package entity_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/resolve/*.txtar")

// archive is a txtar archive: a comment, then files introduced by
// "-- name --" lines.
type archive struct {
	comment string
	files   []file
}

type file struct{ name, data string }

func parseArchive(s string) archive {
	var a archive
	cur := -1
	for _, line := range strings.SplitAfter(s, "\n") {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			a.files = append(a.files, file{name: t[3 : len(t)-3]})
			cur = len(a.files) - 1
			continue
		}
		if cur < 0 {
			a.comment += line
		} else {
			a.files[cur].data += line
		}
	}
	return a
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.name, f.data)
	}
	return b.String()
}

func (a archive) get(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

func (a *archive) set(name, data string) {
	for i := range a.files {
		if a.files[i].name == name {
			a.files[i].data = data
			return
		}
	}
	a.files = append(a.files, file{name, data})
}

// TestResolve_Golden runs the resolver on each article in
// testdata/resolve: the "expect" section states what must hold (checked
// always), and the "want" section pins every mention and entity
// (rewritten with -update).
func TestResolve_Golden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "resolve", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(b))
			input, ok := a.get("input.txt")
			if !ok {
				t.Fatal("no input.txt section")
			}
			d := analyse(t, input)
			expect, _ := a.get("expect")
			for _, line := range strings.Split(expect, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					if err := check(d, line); err != nil {
						t.Errorf("%s: %v", line, err)
					}
				}
			}
			got := dump(d)
			if *update {
				a.set("want", got)
				if err := os.WriteFile(p, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := a.get("want"); want != got {
				t.Errorf("mentions and entities differ from the want section (rerun with -update and review the diff):\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// check tests one expectation:
//
//	mention "TEXT" [N] -> NAME     the Nth mention with text TEXT resolves to NAME ("-": unresolved)
//	mention "TEXT" [N] -> NAME conf>=X   ... with confidence at least X
//	speaker "TEXT" [N] -> NAME     SpeakerOf the Nth occurrence of TEXT gives NAME
//	speaker "TEXT" [N] conf<=X     ... with confidence at most X
//	titles NAME: T1; T2            the entity named NAME has these titles among its own
//	type NAME: TYPE                the entity named NAME has type TYPE ("organization")
//	entities NAME: N               N entities are named NAME
func check(d *doc.Document, line string) error {
	verb, rest, _ := strings.Cut(line, " ")
	if verb == "entities" {
		name, want, _ := strings.Cut(rest, ": ")
		n := 0
		for _, e := range d.Entities {
			if e.Name == name {
				n++
			}
		}
		if got := strconv.Itoa(n); got != want {
			return fmt.Errorf("%s entities so named", got)
		}
		return nil
	}
	if verb == "type" {
		name, want, _ := strings.Cut(rest, ": ")
		for _, e := range d.Entities {
			if e.Name == name {
				if got := e.Type.String(); got != want {
					return fmt.Errorf("typed %s", got)
				}
				return nil
			}
		}
		return fmt.Errorf("no entity named %q", name)
	}
	if verb == "titles" {
		name, list, _ := strings.Cut(rest, ": ")
		for _, e := range d.Entities {
			if e.Name != name {
				continue
			}
			for _, want := range strings.Split(list, "; ") {
				found := false
				for _, got := range e.Titles {
					found = found || got == want
				}
				if !found {
					return fmt.Errorf("titles %q lack %q", e.Titles, want)
				}
			}
			return nil
		}
		return fmt.Errorf("no entity named %q", name)
	}
	text, rest, err := quoted(rest)
	if err != nil {
		return err
	}
	n := 1
	if f := strings.Fields(rest); len(f) > 0 {
		if v, err := strconv.Atoi(f[0]); err == nil {
			n = v
			rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), f[0]))
		}
	}
	name := func(e int) string {
		if e < 0 {
			return "-"
		}
		return d.Entities[e].Name
	}
	switch verb {
	case "mention":
		k := 0
		for _, m := range d.Mentions {
			if d.Slice(m.Span) == text {
				if k++; k == n {
					want, floor, sure := strings.Cut(strings.TrimSpace(strings.TrimPrefix(rest, "->")), " conf>=")
					if got := name(m.Entity); got != want {
						return fmt.Errorf("resolves to %q", got)
					}
					if sure {
						x, err := strconv.ParseFloat(floor, 64)
						if err != nil {
							return err
						}
						if m.Confidence < x {
							return fmt.Errorf("resolved with confidence %.2f", m.Confidence)
						}
					}
					return nil
				}
			}
		}
		return fmt.Errorf("only %d mentions with that text", k)
	case "speaker":
		off := -1
		for k, from := 0, 0; k < n; k++ {
			i := strings.Index(d.Text[from:], text)
			if i < 0 {
				return fmt.Errorf("only %d occurrences of %q", k, text)
			}
			off = from + i
			from = off + len(text)
		}
		e, conf := entity.SpeakerOf(d, doc.Span{Start: off, End: off + len(text)})
		if limit, ok := strings.CutPrefix(rest, "conf<="); ok {
			x, err := strconv.ParseFloat(limit, 64)
			if err != nil {
				return err
			}
			if e >= 0 && conf > x {
				return fmt.Errorf("speaker %q with confidence %.2f", name(e), conf)
			}
			return nil
		}
		want := strings.TrimSpace(strings.TrimPrefix(rest, "->"))
		if got := name(e); got != want {
			return fmt.Errorf("speaker is %q (confidence %.2f)", got, conf)
		}
		return nil
	}
	return fmt.Errorf("unknown expectation %q", verb)
}

func quoted(s string) (string, string, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, `"`) {
		return "", "", fmt.Errorf("want a quoted text")
	}
	end := strings.Index(s[1:], `"`)
	if end < 0 {
		return "", "", fmt.Errorf("unclosed quote")
	}
	return s[1 : end+1], strings.TrimSpace(s[end+2:]), nil
}

// TestResolver_Resolve_Concurrent resolves the golden inputs from several
// goroutines at once with one Resolver and checks every result equals the
// sequential one (run with -race to check for data races).
func TestResolver_Resolve_Concurrent(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "resolve", "*.txtar"))
	var inputs, want []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		in, _ := parseArchive(string(b)).get("input.txt")
		inputs = append(inputs, in)
		want = append(want, dump(analyse(t, in)))
	}
	errs := make(chan string, 4*len(inputs))
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i, in := range inputs {
				if got := dump(analyse(t, in)); got != want[i] {
					errs <- paths[i]
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for p := range errs {
		t.Errorf("%s: concurrent result differs from the sequential one", p)
	}
}
