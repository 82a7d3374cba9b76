package gold

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/eval"
)

// DateTimeFile is the Recognizers-Text English end-to-end date and time
// spec below recognizers-text-specs-en. (The Duration, Holiday and Set
// parser specs test parsers in isolation and are not scored.)
const DateTimeFile = "DateTime/DateTimeModel.json"

// DateTimeReport scores dates on the Recognizers-Text spec: detection of
// each expected expression (a predicted date overlapping it), and for
// detected ones whether the value is right.
type DateTimeReport struct {
	Cases     int
	Detection eval.PRF
	Values    int // detected expressions with the right value
	Failures  []string
}

// ValueAccuracy returns the share of detected expressions whose value is
// right.
func (r *DateTimeReport) ValueAccuracy() float64 { return ratio(r.Values, r.Detection.TP) }

// String returns the report's summary.
func (r *DateTimeReport) String() string {
	return fmt.Sprintf("recognizers date/time (%d cases, %d expected, %d predicted)\n"+
		"  detection P %5.1f%%  R %5.1f%%  F1 %5.1f%%\n"+
		"  value     accuracy %5.1f%% of detected",
		r.Cases, r.Detection.Gold, r.Detection.Pred, 100*r.Detection.P(), 100*r.Detection.R(), 100*r.Detection.F1(), 100*r.ValueAccuracy())
}

type dtResult struct {
	Text       string
	Start, End int
	TypeName   string
	Typename   string
	Resolution struct {
		Values []struct {
			Timex, Type, Value, Start, End string
		}
	}
}

// ScoreDateTime scores analyze on the spec file path. A predicted value
// is right when it equals the spec's TIMEX value, or names the same day
// as its resolved value, or the same interval as its resolved range.
func ScoreDateTime(path string, analyze Analyze) (*DateTimeReport, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cases []struct {
		Input   string
		Context struct{ ReferenceDateTime string }
		Results []dtResult
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r := &DateTimeReport{}
	for _, c := range cases {
		ref, err := time.Parse("2006-01-02T15:04:05", c.Context.ReferenceDateTime)
		if err != nil {
			continue // a case without a reference date
		}
		r.Cases++
		d := analyze(c.Input, ref)
		r.score(c.Input, d, c.Results)
	}
	return r, nil
}

func (r *DateTimeReport) score(input string, d *doc.Document, want []dtResult) {
	used := make([]bool, len(d.Dates))
	cp := func(b int) int { return utf8.RuneCountInString(d.Text[:b]) }
	r.Detection.Gold += len(want)
	r.Detection.Pred += len(d.Dates)
	for _, w := range want {
		end := w.End + 1
		hit := -1
		for k, p := range d.Dates {
			if !used[k] && cp(p.Span.Start) < end && w.Start < cp(p.Span.End) {
				hit = k
				break
			}
		}
		if hit < 0 {
			r.fail("%q: missed %q", input, w.Text)
			continue
		}
		used[hit] = true
		r.Detection.TP++
		if valueRight(&d.Dates[hit], w) {
			r.Values++
		} else {
			r.fail("%q: value of %q is %s, want %v", input, w.Text, d.Dates[hit].Value, w.Resolution.Values)
		}
	}
}

func (r *DateTimeReport) fail(format string, args ...any) {
	if len(r.Failures) < 5000 {
		r.Failures = append(r.Failures, fmt.Sprintf(format, args...))
	}
}

// valueRight reports whether a predicted date has one of the expected
// resolutions: the same TIMEX value, the same resolved day or time, or
// the same resolved range.
func valueRight(p *doc.Date, w dtResult) bool {
	for _, v := range w.Resolution.Values {
		if p.Value != "" && p.Value == v.Timex {
			return true
		}
		if len(p.Value) >= 10 && v.Value != "" && strings.HasPrefix(strings.ReplaceAll(v.Value, " ", "T"), p.Value) {
			return true
		}
		if len(v.Start) >= 10 && len(v.End) >= 10 && !p.From.IsZero() &&
			p.From.Format("2006-01-02") == v.Start[:10] && p.To.Format("2006-01-02") == v.End[:10] {
			return true
		}
	}
	return false
}
