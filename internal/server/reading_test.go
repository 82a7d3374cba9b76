package server

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/render"
)

// show renders nodes compactly: text as it is, elements as [class ...].
func show(nodes []*node) string {
	var b strings.Builder
	var rec func([]*node)
	rec = func(ns []*node) {
		for _, n := range ns {
			if n.Tag == "" {
				b.WriteString(n.Text)
				continue
			}
			cls := strings.Fields(n.Class)[0]
			if n.Tag == "a" {
				b.WriteString("{" + cls + "}")
				continue
			}
			b.WriteString("[" + cls + " ")
			rec(n.Children)
			b.WriteString("]")
		}
	}
	rec(nodes)
	return b.String()
}

func sp(text string, start, end int) render.Span {
	r := []rune(text)
	return render.Span{Start: start, End: end, Text: string(r[start:end])}
}

func TestNewReading_Layout(t *testing.T) {
	text := "\"We won,\" she said. It cost €5m.\n\"And more,\" she added.\n"
	a := &render.Article{
		Text: text,
		Statements: []render.Statement{
			{ID: "s1", Kind: "direct", Content: sp(text, 0, 9), Cue: ptr(sp(text, 14, 18)), Source: ptr(sp(text, 10, 13)),
				Speaker: &render.Speaker{Entity: "person/ann-lee", Name: "Ann Lee"}, Confidence: 0.9},
			// Crosses the paragraph break and the number.
			{ID: "s2", Kind: "indirect", Content: sp(text, 20, 44), Continues: "s1"},
		},
		Quantities: []render.Quantity{{Span: sp(text, 28, 31), Value: 5e6, Kind: "money"}},
		Checks:     []render.Check{{Kind: "restated", Severity: "warning", Spans: []render.Span{sp(text, 28, 31)}, Message: "check this"}},
	}
	rd := newReading(a)
	var got []string
	for _, p := range rd.Paragraphs {
		got = append(got, show(p.Nodes))
	}
	want := []string{
		`[st "We won,"] [src she] [cue said]. [st It cost [chk [num €5m]]{chk-marker}.]`,
		`[st "And more,"] she added.`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("layout:\n got %q\nwant %q", got, want)
	}
	if len(rd.Paragraphs[0].Notes) != 1 || rd.Paragraphs[0].Notes[0].Message != "check this" {
		t.Errorf("notes %+v", rd.Paragraphs[0].Notes)
	}
	// s2 continues s1, so it is Ann Lee's: one speaker, two statements.
	if len(rd.Speakers) != 1 || rd.Speakers[0].Count != 2 || rd.Speakers[0].Name != "Ann Lee" || !rd.Speakers[0].Global {
		t.Errorf("speakers %+v", rd.Speakers)
	}
	// Only the first piece of each statement takes the focus.
	focus := 0
	for _, p := range rd.Paragraphs {
		walkNodes(p.Nodes, func(n *node) {
			if n.Focus {
				focus++
			}
		})
	}
	if focus != 2 {
		t.Errorf("%d focusable pieces, want 2", focus)
	}
}

func ptr[T any](v T) *T { return &v }

func walkNodes(ns []*node, fn func(*node)) {
	for _, n := range ns {
		fn(n)
		walkNodes(n.Children, fn)
	}
}

// FuzzNewReading lays out arbitrary text with arbitrary, overlapping
// marks: no panic, and every paragraph's nodes spell its text.
func FuzzNewReading(f *testing.F) {
	f.Add("Ann said \"yes\".\nBob said no.", 0, 8, 5, 12, 3, 20)
	f.Add("ﺎﻠﺴﻼﻣ said «peace».\n\n", 2, 9, 0, 4, 9, 9)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			return
		}
		n := utf8.RuneCountInString(text)
		clip := func(x int) int {
			if n == 0 {
				return 0
			}
			return ((x % (n + 1)) + n + 1) % (n + 1)
		}
		span := func(x, y int) render.Span {
			x, y = clip(x), clip(y)
			if x > y {
				x, y = y, x
			}
			return sp(text, x, y)
		}
		art := &render.Article{Text: text,
			Statements: []render.Statement{
				{ID: "s1", Kind: "direct", Content: span(a, b), Cue: ptr(span(c, d)), Parts: []render.Span{span(a, c), span(d, b)}},
				{ID: "s2", Kind: "mixed", Content: span(c, e), Parent: "s1", Source: ptr(span(e, g))},
			},
			Quantities: []render.Quantity{{Span: span(b, e)}},
			Dates:      []render.Date{{Span: span(g, a)}},
			Checks:     []render.Check{{Severity: "error", Spans: []render.Span{span(d, g), span(a, e)}}},
		}
		rd := newReading(art)
		var got []string
		for _, p := range rd.Paragraphs {
			var b strings.Builder
			walkNodes(p.Nodes, func(n *node) { b.WriteString(n.Text) })
			if strings.TrimSpace(b.String()) != "" {
				got = append(got, b.String())
			}
		}
		var want []string
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) != "" {
				want = append(want, line)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("laid out %q, want %q", got, want)
		}
	})
}

// The statements table shows whom a statement was told to with its cue,
// as the text view does.
func TestNewReading_Addressee(t *testing.T) {
	text := "Berg told the harbour board the pier was safe. Berg wrote to the mayor it was open. Berg explained on Friday to the mayor it was old."
	at := func(s string, from int) render.Span {
		i := strings.Index(text[from:], s) + from
		return sp(text, len([]rune(text[:i])), len([]rune(text[:i]))+len([]rune(s)))
	}
	a := &render.Article{Text: text, Statements: []render.Statement{
		{ID: "s1", Kind: "indirect", Content: at("the pier was safe", 0), Cue: ptr(at("told", 0)), Addressee: ptr(at("the harbour board", 0))},
		{ID: "s2", Kind: "indirect", Content: at("it was open", 0), Cue: ptr(at("wrote", 0)), Addressee: ptr(at("the mayor", 0))},
		{ID: "s3", Kind: "indirect", Content: at("it was old", 0), Cue: ptr(at("explained", 0)), Addressee: ptr(at("the mayor", strings.Index(text, "explained")))},
	}}
	rd := newReading(a)
	var got []string
	for _, r := range rd.Statements {
		got = append(got, r.Cue)
	}
	want := []string{"told the harbour board", "wrote to the mayor", "explained (to the mayor)"}
	if !slices.Equal(got, want) {
		t.Errorf("cues %q, want %q", got, want)
	}
}
