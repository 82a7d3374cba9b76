package gold

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// QuantulumFiles are quantulum3's English test files below
// quantulum3-tests-en, scored separately.
var QuantulumFiles = []struct{ Name, File string }{
	{"quantulum3", "quantities.json"},
	{"quantulum3-ambiguity", "quantities.ambiguity.json"},
}

// quantulumUnits maps quantulum3 unit names to the other names of the
// unit table that mean the same unit.
var quantulumUnits = map[string][]string{
	"cubic centimetre": {"cubic centimetre", "millilitre"},
	"dollar":           {"dollar", "united states dollar"},
}

// ReadQuantulum reads a quantulum3 test file. An expected quantity's span
// is the first occurrence of its surface in the sentence after the
// previous one's. A bare year ("1979", "dimensionless") is left unscored:
// package quantity reads years as dates, not quantities.
func ReadQuantulum(path string) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []struct {
		Req string `json:"req"`
		Res []struct {
			Value   float64 `json:"value"`
			Unit    string  `json:"unit"`
			Surface string  `json:"surface"`
		} `json:"res"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Case
	for _, c := range raw {
		k := Case{Input: c.Req}
		from := 0
		for _, r := range c.Res {
			e := Expect{Text: r.Surface, Value: r.Value, Scored: true, Start: -1, End: -1}
			i := strings.Index(c.Req[from:], r.Surface)
			if i >= 0 {
				i += from
			} else {
				i = strings.Index(c.Req, r.Surface)
			}
			if i >= 0 {
				e.Start = utf8.RuneCountInString(c.Req[:i])
				e.End = e.Start + utf8.RuneCountInString(r.Surface)
				from = i + len(r.Surface)
			}
			switch {
			case r.Unit == "dozen" || r.Unit == "gross":
				// Package quantity reads "a dozen" as the number 12.
				e.Value *= map[string]float64{"dozen": 12, "gross": 144}[r.Unit]
			case r.Unit == "dimensionless":
				if isYearSurface(r.Surface, r.Value) {
					e.Scored = false
				}
			case quantulumUnits[r.Unit] != nil:
				e.Units = quantulumUnits[r.Unit]
			default:
				e.Units = []string{r.Unit}
			}
			k.Expects = append(k.Expects, e)
		}
		out = append(out, k)
	}
	return out, nil
}

// isYearSurface reports whether a bare number is written as a year.
func isYearSurface(s string, v float64) bool {
	if len(s) != 4 || v < 1000 || v >= 2200 {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}

// ScoreQuantulum scores the quantulum3 test files below root.
func ScoreQuantulum(root string, analyze Analyze) ([]*Report, error) {
	var out []*Report
	for _, f := range QuantulumFiles {
		cases, err := ReadQuantulum(filepath.Join(root, f.File))
		if err != nil {
			return nil, err
		}
		r := &Report{Name: f.Name, maxFailures: 1000}
		for _, c := range cases {
			r.score(c, analyze(c.Input), func(string, *doc.Quantity) bool { return true }, false)
		}
		out = append(out, r)
	}
	return out, nil
}
