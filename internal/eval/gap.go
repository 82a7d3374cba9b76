package eval

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	neturl "net/url"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/polnear"
)

// GAPExample is one row of the GAP coreference corpus (Webster et al.
// 2018): a text, a pronoun and two person names, each with whether the
// pronoun refers to it. Offsets are bytes into Text (the files give code
// points; ReadGAP converts).
type GAPExample struct {
	ID      string
	Text    string
	Pronoun Span // the pronoun
	A, B    Span // the two names
	ACoref  bool
	BCoref  bool
	URL     string // the Wikipedia page the text is from ("" when not given)
}

// Span is a half-open byte range.
type Span struct{ Start, End int }

// Feminine reports whether the example's pronoun is feminine (she, her,
// hers, herself).
func (e *GAPExample) Feminine() bool {
	switch strings.ToLower(e.Text[e.Pronoun.Start:e.Pronoun.End]) {
	case "she", "her", "hers", "herself":
		return true
	}
	return false
}

// ReadGAP reads a GAP TSV file (gap-development.tsv, gap-validation.tsv,
// gap-test.tsv). The URL column, when there is one, is kept in URL; only
// the page-context setting (PageContext) uses it.
func ReadGAP(path string) ([]GAPExample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"ID", "Text", "Pronoun", "Pronoun-offset", "A", "A-offset", "A-coref", "B", "B-offset", "B-coref"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: not a GAP file (no %s column)", path, need)
		}
	}
	var out []GAPExample
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(rec) < len(head) {
			return nil, fmt.Errorf("%s:%d: want %d columns, have %d", path, line, len(head), len(rec))
		}
		ex := GAPExample{ID: rec[col["ID"]], Text: rec[col["Text"]]}
		if c, ok := col["URL"]; ok {
			ex.URL = rec[c]
		}
		conv := polnear.NewOffsets(ex.Text)
		span := func(textCol, offCol string) (Span, error) {
			cp, err := strconv.Atoi(rec[col[offCol]])
			if err != nil {
				return Span{}, fmt.Errorf("bad %s %q", offCol, rec[col[offCol]])
			}
			s, ok := conv.Byte(cp)
			if !ok {
				return Span{}, fmt.Errorf("%s %d out of the text", offCol, cp)
			}
			e := s + len(rec[col[textCol]])
			if e > len(ex.Text) || ex.Text[s:e] != rec[col[textCol]] {
				return Span{}, fmt.Errorf("%s %d does not point at %q", offCol, cp, rec[col[textCol]])
			}
			return Span{s, e}, nil
		}
		var errs [3]error
		ex.Pronoun, errs[0] = span("Pronoun", "Pronoun-offset")
		ex.A, errs[1] = span("A", "A-offset")
		ex.B, errs[2] = span("B", "B-offset")
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("%s:%d (%s): %w", path, line, ex.ID, e)
			}
		}
		ex.ACoref = strings.EqualFold(rec[col["A-coref"]], "true")
		ex.BCoref = strings.EqualFold(rec[col["B-coref"]], "true")
		out = append(out, ex)
	}
	return out, nil
}

// PageTitle returns the title of the Wikipedia page at url: the last
// path segment, unescaped, with underscores as spaces and without a
// trailing disambiguation in parentheses ("Kathleen_Nott" is "Kathleen
// Nott", "John_Smith_(footballer)" is "John Smith"); "" when url has no
// path segment or it does not unescape.
func PageTitle(url string) string {
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	seg := strings.TrimRight(url, "/")
	if i := strings.LastIndexByte(seg, '/'); i >= 0 {
		seg = seg[i+1:]
	} else {
		return ""
	}
	seg, err := neturl.PathUnescape(seg)
	if err != nil || !utf8.ValidString(seg) {
		return ""
	}
	title := strings.TrimSpace(strings.ReplaceAll(seg, "_", " "))
	if strings.HasSuffix(title, ")") {
		if i := strings.LastIndex(title, " ("); i > 0 {
			title = strings.TrimSpace(title[:i])
		}
	}
	return title
}

// PageContext returns exs in the page-context setting of the GAP paper:
// each text is preceded by its page's title as a paragraph of its own
// (the title, a blank line, the text), as a news report is preceded by
// its headline, and the offsets are moved to match. A row with no
// usable URL is left as it is.
func PageContext(exs []GAPExample) []GAPExample {
	out := make([]GAPExample, len(exs))
	for i, ex := range exs {
		out[i] = ex
		title := PageTitle(ex.URL)
		if title == "" {
			continue
		}
		n := len(title) + 2
		out[i].Text = title + "\n\n" + ex.Text
		for _, s := range []*Span{&out[i].Pronoun, &out[i].A, &out[i].B} {
			s.Start += n
			s.End += n
		}
	}
	return out
}

// GAPReport is the GAP scoring: precision, recall and F1 of the
// pronoun-name coreference decisions (each example makes two, A and B),
// overall and by the pronoun's gender, and the bias ratio F1(feminine) /
// F1(masculine), as the GAP paper defines them.
type GAPReport struct {
	All, Masculine, Feminine PRF
	Examples                 int
}

// Bias returns the feminine-to-masculine F1 ratio.
func (r *GAPReport) Bias() float64 {
	if r.Masculine.F1() == 0 {
		return 0
	}
	return r.Feminine.F1() / r.Masculine.F1()
}

// Add scores one example's predictions.
func (r *GAPReport) Add(ex *GAPExample, predA, predB bool) {
	r.Examples++
	g := &r.Masculine
	if ex.Feminine() {
		g = &r.Feminine
	}
	for _, c := range []*PRF{&r.All, g} {
		for _, p := range [][2]bool{{ex.ACoref, predA}, {ex.BCoref, predB}} {
			if p[0] {
				c.Gold++
			}
			if p[1] {
				c.Pred++
				if p[0] {
					c.TP++
				}
			}
		}
	}
}

// GAP scores predict on examples: predict says, for example i, whether
// its pronoun refers to A and whether it refers to B.
func GAP(examples []GAPExample, predict func(i int, ex *GAPExample) (a, b bool)) *GAPReport {
	r := &GAPReport{}
	for i := range examples {
		a, b := predict(i, &examples[i])
		r.Add(&examples[i], a, b)
	}
	return r
}

// Write prints the report.
func (r *GAPReport) Write(w io.Writer) {
	fmt.Fprintf(w, "GAP pronoun-name coreference, %d examples (%d decisions)\n", r.Examples, 2*r.Examples)
	fmt.Fprintf(w, "%-10s %7s %7s %7s\n", "", "P", "R", "F1")
	for _, row := range []struct {
		name string
		c    PRF
	}{{"masculine", r.Masculine}, {"feminine", r.Feminine}, {"overall", r.All}} {
		fmt.Fprintf(w, "%-10s %7.1f %7.1f %7.1f\n", row.name, 100*row.c.P(), 100*row.c.R(), 100*row.c.F1())
	}
	fmt.Fprintf(w, "bias (F/M) %.2f\n", r.Bias())
}

// Prepare returns the documents the entity resolver needs for texts:
// segmented, tagged and quote-scanned, as the pipeline leaves them before
// the entity stage.
func Prepare(texts []string) ([]*doc.Document, error) {
	full, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	var stages []pipeline.Stage
	for _, s := range full.Stages() {
		if s.Name() == "entity" {
			break
		}
		stages = append(stages, s)
	}
	p := pipeline.New(stages...)
	out := make([]*doc.Document, len(texts))
	for i, t := range texts {
		out[i] = &doc.Document{Text: t}
		if err := p.Process(context.Background(), out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// GAPTasks turns GAP examples into the entity resolver's pronoun tasks.
func GAPTasks(exs []GAPExample) ([]entity.PronounTask, error) {
	texts := make([]string, len(exs))
	for i := range exs {
		texts[i] = exs[i].Text
	}
	docs, err := Prepare(texts)
	if err != nil {
		return nil, err
	}
	tasks := make([]entity.PronounTask, len(exs))
	for i, ex := range exs {
		tasks[i] = entity.PronounTask{
			Doc:     docs[i],
			Names:   []doc.Span{{Start: ex.A.Start, End: ex.A.End}, {Start: ex.B.Start, End: ex.B.End}},
			Pronoun: doc.Span{Start: ex.Pronoun.Start, End: ex.Pronoun.End},
			Refers:  []bool{ex.ACoref, ex.BCoref},
		}
	}
	return tasks, nil
}

// GAPResolver scores resolver r on exs: each example's two names are
// given to the resolver as person names, and the pronoun refers to a name
// when the resolver puts both in one entity.
func GAPResolver(r *entity.Resolver, exs []GAPExample) (*GAPReport, error) {
	tasks, err := GAPTasks(exs)
	if err != nil {
		return nil, err
	}
	return GAP(exs, func(i int, _ *GAPExample) (bool, bool) {
		t := tasks[i]
		t.Refers = nil
		got := r.PronounRefers(&t)
		return got[0], got[1]
	}), nil
}
