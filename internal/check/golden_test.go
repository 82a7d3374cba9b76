package check

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quantity"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
	"github.com/verbatim-news/verbatim/internal/timex"
)

var update = flag.Bool("update", false, "rewrite the want.txt sections of testdata/*.txtar")

// analyze runs the stages the checks read: segment, tag, timex, quantity,
// then the checks.
// tb may be nil (in examples): then a broken model panics.
func analyze(tb testing.TB, text string, published time.Time) *doc.Document {
	tg, err := tag.Default()
	if err != nil {
		fatal(tb, err)
	}
	qf, err := quantity.Default()
	if err != nil {
		fatal(tb, err)
	}
	d := &doc.Document{Text: text, Published: published}
	segment.New(lexicon.MustDefault()).Segment(d)
	tg.Tag(d)
	timex.Default().Find(d)
	qf.Find(d)
	New(qf.Units()).Run(d)
	return d
}

func fatal(tb testing.TB, err error) {
	if tb == nil {
		panic(err)
	}
	tb.Helper()
	tb.Fatal(err)
}

// archive is a parsed txtar file: a comment, then named sections.
type archive struct {
	comment string
	names   []string
	files   map[string]string
}

func parseArchive(b string) *archive {
	a := &archive{files: map[string]string{}}
	cur := ""
	var buf strings.Builder
	flush := func() {
		if cur == "" {
			a.comment = buf.String()
		} else {
			a.files[cur] = buf.String()
		}
		buf.Reset()
	}
	for _, line := range strings.SplitAfter(b, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), "-- "); ok && strings.HasSuffix(name, " --") {
			flush()
			cur = strings.TrimSuffix(name, " --")
			a.names = append(a.names, cur)
			continue
		}
		buf.WriteString(line)
	}
	flush()
	return a
}

func (a *archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		fmt.Fprintf(&b, "-- %s --\n%s", n, a.files[n])
	}
	return b.String()
}

// golden writes d's facts one per line: quantities, dates, checks, each
// "layer start:end "text" key=value ...".
func golden(d *doc.Document) string {
	var b strings.Builder
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	for _, q := range d.Quantities {
		fmt.Fprintf(&b, "quantity %d:%d %q kind=%s value=%s", q.Start, q.End, d.Slice(q.Span), q.Kind, f(q.Value))
		if q.IsRange() {
			fmt.Fprintf(&b, " max=%s", f(q.Max))
		}
		if q.Unit != "" {
			fmt.Fprintf(&b, " unit=%q si=%s si_unit=%s", q.Unit, f(q.SIValue), q.SIUnit)
		}
		if q.Qualifier != "" {
			fmt.Fprintf(&b, " qualifier=%q", q.Qualifier)
		}
		if !q.Of.IsZero() {
			fmt.Fprintf(&b, " of=%q", d.Slice(q.Of))
		}
		if !q.Head.IsZero() {
			fmt.Fprintf(&b, " head=%q", d.Slice(q.Head))
		}
		fmt.Fprintf(&b, " sentence=%d\n", q.Sentence)
	}
	for _, t := range d.Dates {
		fmt.Fprintf(&b, "date %d:%d %q type=%s value=%q", t.Start, t.End, d.Slice(t.Span), t.Type, t.Value)
		if t.Mod != "" {
			fmt.Fprintf(&b, " mod=%s", t.Mod)
		}
		if t.Relative {
			b.WriteString(" relative")
		}
		fmt.Fprintf(&b, " sentence=%d\n", t.Sentence)
	}
	for _, c := range d.Checks {
		fmt.Fprintf(&b, "check %s %s", c.Kind, c.Severity)
		for _, s := range c.Spans {
			fmt.Fprintf(&b, " %d:%d", s.Start, s.End)
		}
		fmt.Fprintf(&b, " %q\n", c.Message)
	}
	return b.String()
}

func TestChecker_Run_Golden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(b))
			var pub time.Time
			if p := strings.TrimSpace(a.files["published"]); p != "" {
				if pub, err = time.Parse("2006-01-02", p); err != nil {
					t.Fatalf("%s: published: %v", file, err)
				}
			}
			got := golden(analyze(t, a.files["input.txt"], pub))
			if *update {
				a.files["want.txt"] = got
				if err := os.WriteFile(file, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := a.files["want.txt"]; got != want {
				t.Errorf("%s: facts differ (run with -update to rewrite, then review the diff)\n--- got\n%s--- want\n%s", file, got, want)
			}
		})
	}
}

func TestParseArchive_RoundTrip(t *testing.T) {
	in := "comment\n-- a --\nx\n-- b --\ny\nz\n"
	if got := parseArchive(in).format(); !bytes.Equal([]byte(got), []byte(in)) {
		t.Errorf("round trip: got %q, want %q", got, in)
	}
}
