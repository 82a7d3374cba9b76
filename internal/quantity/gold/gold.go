// Package gold reads the gold quantity corpora in ../shared/data and
// scores package quantity against them: Microsoft Recognizers-Text's
// English specs (number, percentage, dimension, currency, temperature and
// age models) and quantulum3's English test cases.
//
// A case is parsed right when every scored expected result is found (a
// predicted quantity of the model's kind whose span overlaps it, with the
// same value and unit) and no other quantity of that kind is predicted.
// The report also gives result-level precision, recall and F1.
package gold

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quantity"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
	"github.com/verbatim-news/verbatim/internal/timex"
)

// Analyze runs the stages that find quantities over text and returns the
// document.
type Analyze func(text string) *doc.Document

// Expect is one expected quantity of a case.
type Expect struct {
	Text       string
	Start, End int // code points, end exclusive; -1 when the corpus gives none
	Value      float64
	Units      []string // acceptable unit names in package quantity's table; nil for a bare number
	Scored     bool     // false for results this scorer leaves out (see the model notes)
}

// Case is one input with its expected quantities.
type Case struct {
	Input   string
	Expects []Expect
}

// Report is the score of one model: cases parsed right, and expected
// results matched (TP), predicted and expected.
type Report struct {
	Name              string
	Cases, CasesRight int
	eval.PRF
	Failures    []string // one line per wrong case, for verbose output
	maxFailures int
}

// Accuracy returns the share of cases parsed right.
func (r *Report) Accuracy() float64 {
	if r.Cases == 0 {
		return 0
	}
	return float64(r.CasesRight) / float64(r.Cases)
}

// String returns the report's one-line summary.
func (r *Report) String() string {
	return fmt.Sprintf("%-22s cases %4d  right %5.1f%%   results P %5.1f%% R %5.1f%% F1 %5.1f%%  (gold %d, predicted %d, matched %d)",
		r.Name, r.Cases, 100*r.Accuracy(), 100*r.P(), 100*r.R(), 100*r.F1(), r.Gold, r.Pred, r.TP)
}

// Model says which predicted quantities a corpus scores, and how its unit
// names map to the unit table's.
type Model struct {
	Name string
	File string // path below the corpus root
	Keep func(text string, q *doc.Quantity) bool
	Unit func(res map[string]any) ([]string, bool) // the acceptable units of a result, false to leave it unscored
}

// Recognizers lists the Recognizers-Text English models this package
// scores, with their files below recognizers-text-specs-en.
var Recognizers = []Model{
	{Name: "number", File: "Number/NumberModel.json", Keep: number, Unit: noUnit},
	{Name: "percentage", File: "Number/PercentModel.json", Keep: kinds("percent"), Unit: percentUnit},
	{Name: "dimension", File: "NumberWithUnit/DimensionModel.json", Keep: dimension, Unit: recognizerUnit},
	{Name: "currency", File: "NumberWithUnit/CurrencyModel.json", Keep: kinds("money", "money rate"), Unit: recognizerUnit},
	{Name: "temperature", File: "NumberWithUnit/TemperatureModel.json", Keep: kinds("temperature", "temperature difference"), Unit: recognizerUnit},
	{Name: "age", File: "NumberWithUnit/AgeModel.json", Keep: kinds("age"), Unit: recognizerUnit},
}

func kinds(ks ...string) func(string, *doc.Quantity) bool {
	return func(_ string, q *doc.Quantity) bool {
		for _, k := range ks {
			if q.Kind == k {
				return true
			}
		}
		return false
	}
}

// number keeps every quantity except a number glued to a unit symbol
// after it ("180ml"), which the Recognizers number model reads as a word.
func number(text string, q *doc.Quantity) bool {
	if q.Unit == "" || q.Kind == "money" || q.Kind == "percent" {
		return true
	}
	s := text[q.Start:q.End]
	for i := 0; i+1 < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && (s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z') {
			return false
		}
	}
	return true
}

// dimension keeps physical quantities other than time, temperature and
// age (the Recognizers models for those are separate).
func dimension(_ string, q *doc.Quantity) bool {
	switch q.Kind {
	case "count", "fraction", "percent", "money", "money rate", "duration", "temperature", "temperature difference", "age":
		return false
	}
	return q.Unit != "" && !(q.Unit == "degree" && q.Kind == "temperature")
}

func noUnit(map[string]any) ([]string, bool) { return nil, true }

func percentUnit(map[string]any) ([]string, bool) { return []string{"percentage"}, true }

// recognizerUnits maps Recognizers-Text unit names to the unit table's.
// Names not listed are compared after lower-casing and British spelling
// ("Kilometer" matches "kilometre").
var recognizerUnits = map[string][]string{
	"Pound":                {"pound-mass", "pound sterling"},
	"Milliliter":           {"millilitre", "cubic centimetre"},
	"Ton":                  {"ton", "tonne"},
	"Metric ton":           {"tonne"},
	"Degree":               {"degree angle", "degree"},
	"C":                    {"degree Celsius"},
	"F":                    {"degree fahrenheit"},
	"Dollar":               {"dollar", "united states dollar"},
	"United States dollar": {"united states dollar", "dollar"},
	"British pound":        {"pound sterling"},
	"Pence":                {"penny"},
	"Penny":                {"penny"},
	"Franc":                {"franc", "swiss franc"},
	"Peseta":               {"spanish peseta"},
	"Rupee":                {"rupee", "indian rupee"},
	"Mexican peso":         {"mexican peso", "peso"},
	"Year":                 {"year"},
	"Month":                {"month"},
	"Week":                 {"week"},
	"Day":                  {"day"},
	"Dram":                 {"dram"},
}

func recognizerUnit(res map[string]any) ([]string, bool) {
	u, _ := res["unit"].(string)
	if u == "" {
		return nil, false
	}
	if m, ok := recognizerUnits[u]; ok {
		return m, true
	}
	return []string{britishName(u)}, true
}

// britishName lower-cases a unit name and spells it as the unit table
// does: "Square kilometer" → "square kilometre".
func britishName(u string) string {
	u = strings.ToLower(u)
	u = strings.ReplaceAll(u, "meter", "metre")
	u = strings.ReplaceAll(u, "liter", "litre")
	return u
}

// ReadRecognizers reads one Recognizers-Text spec file for model m.
func ReadRecognizers(path string, m Model) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var raw []struct {
		Input   string
		Results []struct {
			Text       string
			Start, End int
			Resolution map[string]any
		}
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Case
	for _, c := range raw {
		k := Case{Input: c.Input}
		for _, r := range c.Results {
			e := Expect{Text: r.Text, Start: r.Start, End: r.End + 1, Scored: true}
			v, ok := resolutionValue(r.Resolution)
			if !ok {
				e.Scored = false
			}
			e.Value = v
			units, scored := m.Unit(r.Resolution)
			if !scored {
				e.Scored = false
			}
			e.Units = units
			k.Expects = append(k.Expects, e)
		}
		out = append(out, k)
	}
	return out, nil
}

// resolutionValue reads a Recognizers resolution's value: "1000", "20%",
// or null for a unit mentioned without a number.
func resolutionValue(res map[string]any) (float64, bool) {
	s, ok := res["value"].(string)
	if !ok || s == "" || s == "null" {
		return 0, false
	}
	s = strings.TrimSuffix(s, "%")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// ScoreRecognizers scores model m on the spec file below root.
func ScoreRecognizers(root string, m Model, analyze Analyze) (*Report, error) {
	cases, err := ReadRecognizers(filepath.Join(root, m.File), m)
	if err != nil {
		return nil, err
	}
	r := &Report{Name: m.Name, maxFailures: 1000}
	for _, c := range cases {
		d := analyze(c.Input)
		r.score(c, d, m.Keep, m.Name == "number")
	}
	return r, nil
}

// score compares one case's predictions with its expectations.
func (r *Report) score(c Case, d *doc.Document, keep func(string, *doc.Quantity) bool, number bool) {
	r.Cases++
	type pred struct {
		q          *doc.Quantity
		start, end int
		used       bool
	}
	var preds []pred
	cps := codePoints(d.Text)
	for i := range d.Quantities {
		q := &d.Quantities[i]
		if !keep(d.Text, q) {
			continue
		}
		preds = append(preds, pred{q: q, start: cps(q.Start), end: cps(q.End)})
	}
	right := true
	var why []string
	for _, e := range c.Expects {
		if !e.Scored {
			// A prediction over an unscored result is neither right nor wrong.
			for i := range preds {
				if e.Start >= 0 && preds[i].start < e.End && e.Start < preds[i].end {
					preds[i].used = true
				}
			}
			continue
		}
		r.Gold++
		found := false
		for i := range preds {
			p := &preds[i]
			if p.used || !(p.start < e.End && e.Start < p.end) {
				continue
			}
			if !valueMatches(p.q, e.Value, number) || !number && !unitMatches(p.q, e.Units) {
				continue
			}
			p.used, found = true, true
			r.TP++
			break
		}
		if !found {
			right = false
			why = append(why, fmt.Sprintf("missed %q=%g %v", e.Text, e.Value, e.Units))
		}
	}
	for _, p := range preds {
		r.Pred++
		if !p.used {
			// Count it as predicted but unmatched, unless it overlaps a
			// matched or unscored result (then it is a split, not a guess).
			right = false
			why = append(why, fmt.Sprintf("extra %q=%g %s", d.Slice(p.q.Span), p.q.Value, p.q.Unit))
		}
	}
	// Predictions that matched count once each in Pred; unmatched ones too.
	if right {
		r.CasesRight++
	} else if len(r.Failures) < r.maxFailures {
		r.Failures = append(r.Failures, fmt.Sprintf("%q: %s", c.Input, strings.Join(why, "; ")))
	}
}

func valueMatches(q *doc.Quantity, v float64, number bool) bool {
	if near(q.Value, v) || near(q.Max, v) {
		return true
	}
	if q.IsRange() && near((q.Value+q.Max)/2, v) {
		return true
	}
	if number && q.Kind == "percent" && near(q.Value, v) {
		return true
	}
	return false
}

func near(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	return d <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) || d < 1e-12
}

func unitMatches(q *doc.Quantity, units []string) bool {
	if len(units) == 0 {
		return q.Unit == ""
	}
	for _, u := range units {
		if strings.EqualFold(u, q.Unit) {
			return true
		}
	}
	return false
}

// codePoints returns a function from byte offsets of text to code-point
// offsets.
func codePoints(text string) func(int) int {
	return func(b int) int {
		if b > len(text) {
			b = len(text)
		}
		return utf8.RuneCountInString(text[:b])
	}
}

// WriteReports writes one line per report.
func WriteReports(w io.Writer, rs []*Report) {
	for _, r := range rs {
		fmt.Fprintln(w, r.String())
	}
}

// DefaultAnalyze returns the analysis the quantity scores use: segment,
// tag, timex (numbers inside dates are not quantities) and quantity.
func DefaultAnalyze(lex *lexicon.Set) (Analyze, error) {
	tg, err := tag.Default()
	if err != nil {
		return nil, err
	}
	f, err := quantity.Default()
	if err != nil {
		return nil, err
	}
	seg, tr := segment.New(lex), timex.Default()
	return func(text string) *doc.Document {
		d := &doc.Document{Text: text}
		seg.Segment(d)
		tg.Tag(d)
		tr.Find(d)
		f.Find(d)
		return d
	}, nil
}
