package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Brat writes d's statements as brat standoff in the PolNeAR scheme: T
// lines labelled Source, Cue and Content (a content with several fragments
// is one discontinuous T line), an Attribution trigger on the cue, and an
// E line tying them together. Offsets are code points into d.Text.
func Brat(w io.Writer, d *doc.Document) error {
	cp := NewCodePoints(d.Text)
	bw := bufio.NewWriter(w)
	t := 0
	tline := func(label string, spans ...doc.Span) string {
		t++
		var rng, txt []string
		for _, s := range spans {
			rng = append(rng, fmt.Sprintf("%d %d", cp.Of(s.Start), cp.Of(s.End)))
			txt = append(txt, oneLine(d.Slice(s)))
		}
		fmt.Fprintf(bw, "T%d\t%s %s\t%s\n", t, label, strings.Join(rng, ";"), strings.Join(txt, " "))
		return fmt.Sprintf("T%d", t)
	}
	for i, s := range d.Statements {
		if len(s.Content) == 0 {
			continue
		}
		var args []string
		if !s.Source.IsZero() {
			args = append(args, "Source:"+tline("Source", s.Source))
		}
		trigger := s.Cue
		if !s.Cue.IsZero() {
			args = append(args, "Cue:"+tline("Cue", s.Cue))
		} else {
			trigger = s.Content[0]
		}
		args = append([]string{"Content:" + tline("Content", s.Content...)}, args...)
		typ := "Attribution"
		if s.Source.IsZero() {
			typ = "Attribution-no-source"
		}
		trig := tline(typ, trigger)
		fmt.Fprintf(bw, "E%d\t%s:%s %s\n", i+1, typ, trig, strings.Join(args, " "))
	}
	return bw.Flush()
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
