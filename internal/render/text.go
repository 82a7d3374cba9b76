package render

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// TextOptions control the terminal view.
type TextOptions struct {
	Color bool // ANSI colours and bold
	Width int  // wrap width; 0 means 100
}

// Text writes a readable view of d: its statements grouped by speaker (in
// order of each speaker's first statement), each with its cue and words in
// reading order; then the figures, dates and checks the article asserts.
func Text(w io.Writer, d *doc.Document, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 100
	}
	bw := bufio.NewWriter(w)
	st := style{on: o.Color}
	head := d.Title
	if head == "" {
		head = d.ID
	}
	if head != "" {
		fmt.Fprintln(bw, st.bold(oneLine(head)))
	}
	var meta []string
	for _, m := range []string{d.Outlet, d.URL} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	if !d.Published.IsZero() {
		meta = append(meta, d.Published.Format("2006-01-02"))
	}
	if len(meta) > 0 {
		fmt.Fprintln(bw, st.dim(strings.Join(meta, " · ")))
	}
	// Group statements by speaker, in order of first appearance.
	type group struct {
		key   string
		title string
		idx   []int
	}
	var groups []*group
	byKey := map[string]*group{}
	keys := make([]string, len(d.Statements))
	for i, s := range d.Statements {
		key, title := "?", "Unattributed"
		switch {
		case s.Speaker < 0 && s.Source.IsZero() && s.Continues >= 0 && s.Continues < i:
			// A quotation that carries on from a statement whose
			// speaker is unresolved ("…,” said the Spurs boss. “…"):
			// with that statement, under its source.
			key = keys[s.Continues]
			title = byKey[key].title
		case s.Speaker >= 0 && s.Speaker < len(d.Entities):
			e := d.Entities[s.Speaker]
			key, title = fmt.Sprint("e", s.Speaker), e.Name
			if r := Role(e); r != "" {
				title += ", " + r
			}
		case !s.Source.IsZero() && !relativePronoun(d.Slice(s.Source)):
			// PolNeAR's sources keep an apposition's closing comma
			// ("Lena Berg, the harbour master,") and a possessor's mark
			// ("the union’s claim"); a heading does not.
			src := ownerName(strings.TrimRight(oneLine(d.Slice(s.Source)), " ,;:"))
			key, title = "src:"+strings.ToLower(src), src
		}
		keys[i] = key
		g := byKey[key]
		if g == nil {
			g = &group{key: key, title: title}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.idx = append(g.idx, i)
	}
	fmt.Fprintf(bw, "%s, %s\n", Count(len(d.Statements), "statement"), Count(len(groups), "speaker"))
	for _, g := range groups {
		fmt.Fprintf(bw, "\n%s (%d)\n", st.bold(g.title), len(g.idx))
		for _, i := range g.idx {
			s := d.Statements[i]
			cue := "—"
			if !s.Cue.IsZero() {
				cue = oneLine(d.Slice(s.Cue))
				if a := s.Addressee; !a.IsZero() {
					cue = ToldCue(cue, oneLine(d.Text[s.Cue.End:max(a.Start, s.Cue.End)]), oneLine(d.Slice(a)), a.Start >= s.Cue.End)
				}
			}
			var parts []string
			for _, c := range s.Content {
				parts = append(parts, oneLine(d.Slice(c)))
			}
			if len(s.Content) >= 1 {
				if a := antecedent(d, s.Content[0]); a != "" {
					// "suggested that": the pronoun stands for what was
					// said, which the reader is shown.
					parts[0] += " (" + oneLine(a) + ")"
				}
			}
			label := fmt.Sprintf("  %s [%s] ", st.cyan(cue), s.Kind)
			wrap(bw, label, len(cue)+len(s.Kind.String())+5, strings.Join(parts, " … "), o.Width)
		}
	}
	textFacts(bw, d, st, o.Width)
	return bw.Flush()
}

// wrap writes label and then text wrapped to width, continuation lines
// indented by four spaces.
func wrap(w *bufio.Writer, label string, labelWidth int, text string, width int) {
	w.WriteString(label)
	col := labelWidth
	for i, word := range strings.Fields(text) {
		n := len([]rune(word))
		if i > 0 && col+1+n > width {
			w.WriteString("\n    ")
			col = 4
		} else if i > 0 {
			w.WriteByte(' ')
			col++
		}
		w.WriteString(word)
		col += n
	}
	w.WriteByte('\n')
}

type style struct{ on bool }

func (s style) wrap(code, t string) string {
	if !s.on {
		return t
	}
	return "\x1b[" + code + "m" + t + "\x1b[0m"
}

func (s style) bold(t string) string { return s.wrap("1", t) }
func (s style) dim(t string) string  { return s.wrap("2", t) }
func (s style) cyan(t string) string { return s.wrap("36", t) }

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

// fnum writes a number briefly: six significant digits, but never fewer
// than its whole part and two more, so that a figure of many digits keeps
// its cents ("27934.02", not "27934").
func fnum(v float64) string {
	prec := 6
	if a := math.Abs(v); a >= 1e4 && !math.IsInf(a, 0) {
		prec = min(17, int(math.Log10(a))+3)
	}
	s := strconv.FormatFloat(v, 'g', prec, 64)
	if strings.Contains(s, "e+") {
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return s
}

// Count writes n and noun, in the plural unless n is 1 ("1 statement",
// "3 speakers").
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ToldCue returns cue shown with whom the statement was told to: the
// words from the cue to the addressee as the text has them where only
// white space or "to" stands between them ("told the BBC", "suggested to
// Trump"), else the cue and the addressee in parentheses ("explained (to
// the mayor)"). between is the text between the two when the addressee
// comes after the cue (after), and is not read otherwise.
func ToldCue(cue, between, addressee string, after bool) string {
	if b := strings.TrimSpace(between); after && (b == "" || b == "to") {
		return cue + between + addressee
	}
	return cue + " (to " + addressee + ")"
}

// relativePronoun reports whether a source is a relative pronoun alone
// ("which", "who"), which names no one a reader can know without its
// antecedent: such a statement stands among the unattributed.
func relativePronoun(src string) bool {
	switch strings.ToLower(strings.TrimSpace(src)) {
	case "which", "who", "whom", "that":
		return true
	}
	return false
}

// antecedent returns, for a content that is a relative pronoun alone
// ("the land swap that Trump suggested": "that"), the quotation right
// before it ("“Next time,” which he said …") or else the noun phrase it
// stands for, back to its determiner and over a preposition between
// nouns ("a possible land swap of Ukrainian territories"): the nearest
// such phrase, which is the usual antecedent; "" for any other
// content, or where no noun comes right before the pronoun (or its
// comma).
func antecedent(d *doc.Document, c doc.Span) string {
	k := d.TokenAt(c.Start)
	if k < 1 || d.Tokens[k].Start != c.Start || d.Tokens[k].End != c.End {
		return ""
	}
	if w := strings.ToLower(d.Slice(c)); w != "that" && w != "which" {
		return ""
	}
	sent := d.Tokens[k].Sent
	for _, q := range d.Quotes {
		// "“Next time in Moscow,” which he said …": the quotation.
		if o := q.Outer(); q.Depth == 0 && !q.Close.IsZero() && o.End <= c.Start && strings.TrimSpace(d.Text[o.End:c.Start]) == "" {
			return d.Slice(o)
		}
	}
	j := k - 1
	if d.Slice(d.Tokens[j].Span()) == "," {
		j--
	}
	if j < 0 || d.Tokens[j].Sent != sent || !d.Tokens[j].POS.IsNoun() {
		return ""
	}
	a := j
	for a > 0 && d.Tokens[a-1].Sent == sent {
		p := d.Tokens[a-1].POS
		switch {
		case p.IsNoun() || p.IsAdjective() || p == doc.TagCD || p == doc.TagPOS:
			a--
			continue
		case p == doc.TagDT || p == doc.TagPRPS:
			a--
		case p == doc.TagIN && a > 1 && d.Tokens[a-2].Sent == sent && d.Tokens[a-2].POS.IsNoun():
			a--
			continue
		}
		break
	}
	return d.Slice(doc.Span{Start: d.Tokens[a].Start, End: d.Tokens[j].End})
}

// ownerName returns src without the possessive mark that ends it: "the
// union" for "the union’s", "the unions" for "the unions’".
func ownerName(src string) string {
	for _, m := range []string{"’s", "'s", "’", "'"} {
		if o, ok := strings.CutSuffix(src, m); ok && o != "" && (utf8.RuneCountInString(m) > 1 || strings.HasSuffix(o, "s")) {
			return strings.TrimRight(o, " ")
		}
	}
	return src
}
