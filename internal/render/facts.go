package render

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// textFacts writes the figures, dates and checks of d for the text view:
// one line each, the checks first marked with "!".
func textFacts(w *bufio.Writer, d *doc.Document, st style, width int) {
	if len(d.Checks) > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", st.bold("Checks"), len(d.Checks))
		for _, c := range d.Checks {
			label := fmt.Sprintf("  ! %s %s: ", c.Severity, c.Kind)
			wrap(w, st.bold(label), len(label), oneLine(c.Message), width)
		}
	}
	if len(d.Quantities) > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", st.bold("Figures"), len(d.Quantities))
		for _, q := range d.Quantities {
			text := oneLine(d.Slice(q.Span))
			if q.Qualifier != "" {
				text = q.Qualifier + " " + text
			}
			label := fmt.Sprintf("  %s ", st.cyan(text))
			wrap(w, label, len(text)+3, figureNote(d, &q), width)
		}
	}
	if len(d.Dates) > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", st.bold("Dates"), len(d.Dates))
		for _, t := range d.Dates {
			text := oneLine(d.Slice(t.Span))
			v := t.Value
			if v == "" {
				v = "unresolved"
			}
			note := fmt.Sprintf("%s %s", t.Type, v)
			if t.Mod != "" {
				note += " " + strings.ToLower(t.Mod)
			}
			fmt.Fprintf(w, "  %s %s\n", st.cyan(text), st.dim("= "+note))
		}
	}
}

// figureNote says what a quantity comes to: its normalised value and
// unit, what it counts or is a share of.
func figureNote(d *doc.Document, q *doc.Quantity) string {
	var b strings.Builder
	b.WriteString("= ")
	b.WriteString(fnum(q.Value))
	if q.IsRange() {
		b.WriteString(" to " + fnum(q.Max))
		if q.Kind == "score" {
			b.Reset()
			b.WriteString("= " + fnum(q.Value) + "–" + fnum(q.Max))
		}
	}
	if q.Unit != "" {
		b.WriteString(" " + q.Unit)
	}
	if q.SIUnit != "" && q.SIUnit != "1" && q.Unit != q.SIUnit && q.Kind != "money" {
		b.WriteString(" (" + fnum(q.SIValue))
		if q.IsRange() {
			b.WriteString(" to " + fnum(q.SIMax))
		}
		b.WriteString(" " + q.SIUnit + ")")
	}
	if q.Kind == "money" {
		b.WriteString(" (" + q.SIUnit + ")")
	}
	switch {
	case !q.Of.IsZero():
		b.WriteString(" of " + oneLine(d.Slice(q.Of)))
	case !q.Head.IsZero():
		b.WriteString(", " + oneLine(d.Slice(q.Head)))
	}
	b.WriteString(" [" + q.Kind + "]")
	return b.String()
}

// fnum writes a number briefly: up to four significant decimals.
func fnum(v float64) string {
	s := strconv.FormatFloat(v, 'g', 6, 64)
	if strings.Contains(s, "e+") {
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return s
}
