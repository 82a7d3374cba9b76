package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

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
	for i, s := range d.Statements {
		key, title := "?", "Unattributed"
		switch {
		case s.Speaker >= 0 && s.Speaker < len(d.Entities):
			e := d.Entities[s.Speaker]
			key, title = fmt.Sprint("e", s.Speaker), e.Name
			if r := Role(e); r != "" {
				title += ", " + r
			}
		case !s.Source.IsZero():
			src := oneLine(d.Slice(s.Source))
			key, title = "src:"+strings.ToLower(src), src
		}
		g := byKey[key]
		if g == nil {
			g = &group{key: key, title: title}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.idx = append(g.idx, i)
	}
	fmt.Fprintf(bw, "%d statements, %d speakers\n", len(d.Statements), len(groups))
	for _, g := range groups {
		fmt.Fprintf(bw, "\n%s (%d)\n", st.bold(g.title), len(g.idx))
		for _, i := range g.idx {
			s := d.Statements[i]
			cue := "—"
			if !s.Cue.IsZero() {
				cue = oneLine(d.Slice(s.Cue))
			}
			var parts []string
			for _, c := range s.Content {
				parts = append(parts, oneLine(d.Slice(c)))
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
