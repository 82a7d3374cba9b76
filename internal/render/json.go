// Package render turns an analysed doc.Document into Verbatim's output
// formats: the JSON schema (documented in docs/schema.md), brat standoff in
// the PolNeAR scheme, and the terminal text view. It is the one place where
// byte offsets become Unicode code-point offsets.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Span is a span of the article text in Unicode code points, end-exclusive,
// with the text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Speaker names who made a statement.
type Speaker struct {
	Entity string `json:"entity"` // the entity's id in Article.Entities
	Name   string `json:"name"`   // the fullest name the article gives
	Type   string `json:"type"`   // "person", "organization", ...
	Role   string `json:"role,omitempty"`
}

// Statement is one attribution. See docs/schema.md.
type Statement struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Content    Span     `json:"content"`
	Parts      []Span   `json:"parts,omitempty"` // content fragments, when there are several
	Cue        *Span    `json:"cue"`
	Source     *Span    `json:"source"`
	Speaker    *Speaker `json:"speaker"`
	Quotes     []Span   `json:"quotes"`
	Addressee  *Span    `json:"addressee,omitempty"`
	Manner     *Span    `json:"manner,omitempty"`
	Confidence float64  `json:"confidence"`
	Parent     string   `json:"parent,omitempty"`    // the statement whose content holds this one
	Continues  string   `json:"continues,omitempty"` // the statement this quotation carries on from
}

// Entity is a person, organisation or place the article mentions.
type Entity struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Titles []string `json:"titles"`
	// Nationality is the country code the text ties the entity to.
	Nationality string `json:"nationality,omitempty"`
	Mentions    []Span `json:"mentions"`
}

// Quantity is a number the article asserts. See docs/schema.md.
type Quantity struct {
	Span      Span     `json:"span"`
	Value     float64  `json:"value"`
	Max       *float64 `json:"max,omitempty"` // a range's high end, or a score's second figure
	Unit      string   `json:"unit,omitempty"`
	SIValue   *float64 `json:"si_value,omitempty"`
	SIMax     *float64 `json:"si_max,omitempty"`
	SIUnit    string   `json:"si_unit,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Kind      string   `json:"kind"`
	Adjective bool     `json:"adjective,omitempty"`
	Head      *Span    `json:"head,omitempty"`
	Of        *Span    `json:"of,omitempty"`
	Sentence  int      `json:"sentence"`
}

// Date is a date, time, duration or set of times. See docs/schema.md.
type Date struct {
	Span        Span   `json:"span"`
	Type        string `json:"type"`
	Value       string `json:"value"`
	Granularity string `json:"granularity,omitempty"`
	Mod         string `json:"mod,omitempty"`
	From        string `json:"from,omitempty"` // the interval it resolves to, RFC 3339
	To          string `json:"to,omitempty"`
	Relative    bool   `json:"relative,omitempty"`
	Sentence    int    `json:"sentence"`
}

// Check is an inconsistency the article contains.
type Check struct {
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	Spans    []Span `json:"spans"`
	Message  string `json:"message"`
}

// Article is the JSON form of one analysed article.
type Article struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	URL        string      `json:"url"`
	Outlet     string      `json:"outlet"`
	Published  string      `json:"published"`
	Text       string      `json:"text"`
	Statements []Statement `json:"statements"`
	Entities   []Entity    `json:"entities"`
	Quantities []Quantity  `json:"quantities"`
	Dates      []Date      `json:"dates"`
	Checks     []Check     `json:"checks"`
}

// NewArticle converts d to its JSON form.
func NewArticle(d *doc.Document) *Article {
	cp := NewCodePoints(d.Text)
	span := func(s doc.Span) Span {
		return Span{Start: cp.Of(s.Start), End: cp.Of(s.End), Text: d.Slice(s)}
	}
	opt := func(s doc.Span) *Span {
		if s.IsZero() {
			return nil
		}
		v := span(s)
		return &v
	}
	a := &Article{
		ID:         d.ID,
		Title:      d.Title,
		URL:        d.URL,
		Outlet:     d.Outlet,
		Text:       d.Text,
		Statements: []Statement{},
		Entities:   []Entity{},
		Quantities: []Quantity{},
		Dates:      []Date{},
		Checks:     []Check{},
	}
	if !d.Published.IsZero() {
		a.Published = d.Published.Format("2006-01-02")
	}
	for i, e := range d.Entities {
		je := Entity{ID: EntityID(d, i), Name: e.Name, Type: e.Type.String(), Titles: e.Titles, Nationality: e.Nationality, Mentions: []Span{}}
		if je.Titles == nil {
			je.Titles = []string{}
		}
		for _, m := range e.Mentions {
			je.Mentions = append(je.Mentions, span(d.Mentions[m].Span))
		}
		a.Entities = append(a.Entities, je)
	}
	for i, s := range d.Statements {
		js := Statement{
			ID:         fmt.Sprintf("s%d", i+1),
			Kind:       s.Kind.String(),
			Content:    span(s.ContentSpan()),
			Cue:        opt(s.Cue),
			Source:     opt(s.Source),
			Quotes:     []Span{},
			Addressee:  opt(s.Addressee),
			Manner:     opt(s.Manner),
			Confidence: round3(s.Confidence),
		}
		if s.Parent >= 0 {
			js.Parent = fmt.Sprintf("s%d", s.Parent+1)
		}
		if s.Continues >= 0 {
			js.Continues = fmt.Sprintf("s%d", s.Continues+1)
		}
		if len(s.Content) > 1 {
			for _, c := range s.Content {
				js.Parts = append(js.Parts, span(c))
			}
		}
		for _, q := range s.Quotes {
			js.Quotes = append(js.Quotes, span(q))
		}
		if s.Speaker >= 0 && s.Speaker < len(d.Entities) {
			e := d.Entities[s.Speaker]
			js.Speaker = &Speaker{Entity: EntityID(d, s.Speaker), Name: e.Name, Type: e.Type.String(), Role: Role(e)}
		}
		a.Statements = append(a.Statements, js)
	}
	for _, q := range d.Quantities {
		jq := Quantity{
			Span: span(q.Span), Value: q.Value, Unit: q.Unit, SIUnit: q.SIUnit,
			Qualifier: q.Qualifier, Kind: q.Kind, Adjective: q.Adjective,
			Head: opt(q.Head), Of: opt(q.Of), Sentence: q.Sentence,
		}
		if q.IsRange() {
			jq.Max = &q.Max
		}
		if q.SIUnit != "" {
			jq.SIValue = &q.SIValue
			if q.IsRange() {
				jq.SIMax = &q.SIMax
			}
		}
		a.Quantities = append(a.Quantities, jq)
	}
	for _, t := range d.Dates {
		jd := Date{Span: span(t.Span), Type: t.Type, Value: t.Value, Granularity: t.Granularity, Mod: t.Mod, Relative: t.Relative, Sentence: t.Sentence}
		if !t.From.IsZero() {
			jd.From, jd.To = t.From.Format(time.RFC3339), t.To.Format(time.RFC3339)
		}
		a.Dates = append(a.Dates, jd)
	}
	for _, c := range d.Checks {
		jc := Check{Kind: c.Kind, Severity: c.Severity, Message: c.Message, Spans: []Span{}}
		for _, s := range c.Spans {
			jc.Spans = append(jc.Spans, span(s))
		}
		a.Checks = append(a.Checks, jc)
	}
	return a
}

// EntityID returns the id entity i has in the JSON output: its stable
// cross-article key when it has one, else a per-article "e<N>".
func EntityID(d *doc.Document, i int) string {
	if id := d.Entities[i].ID; id != "" {
		return id
	}
	return fmt.Sprintf("e%d", i+1)
}

// Role returns the title or role to show beside an entity's name: the
// first the article gives, an office more often than a later epithet
// ("Prime Minister" over "two-time central banker"), made more specific
// by a later title that holds it ("mayor of Kyiv" over "mayor").
func Role(e doc.Entity) string {
	best := ""
	for _, t := range e.Titles {
		if best == "" || len(t) > len(best) && strings.Contains(strings.ToLower(t), strings.ToLower(best)) {
			best = t
		}
	}
	return best
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// JSON writes d as one JSON object; indent selects the indented form.
func JSON(w io.Writer, d *doc.Document, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(NewArticle(d))
}

// CodePoints converts byte offsets of one text to code-point offsets. It
// keeps a checkpoint every 256 bytes, so it costs little memory even for
// a very long text.
type CodePoints struct {
	text  string
	ascii bool
	marks []int // marks[k] = code points before byte k*256
}

const stride = 256

// NewCodePoints prepares conversions for text.
func NewCodePoints(text string) *CodePoints {
	c := &CodePoints{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			c.ascii = false
			break
		}
	}
	if c.ascii {
		return c
	}
	c.marks = make([]int, 0, len(text)/stride+1)
	n := 0
	for k := 0; k < len(text); k += stride {
		c.marks = append(c.marks, n)
		end := k + stride
		if end > len(text) {
			end = len(text)
		}
		n += countStarts(text[k:end])
	}
	return c
}

// Of returns the code-point offset of byte offset b. An offset inside a
// multi-byte character counts that character as before it.
func (c *CodePoints) Of(b int) int {
	if b <= 0 {
		return 0
	}
	if b > len(c.text) {
		b = len(c.text)
	}
	if c.ascii {
		return b
	}
	k := min(b/stride, len(c.marks)-1) // b may be the end of a text whose length is a multiple of stride
	return c.marks[k] + countStarts(c.text[k*stride:b])
}

// countStarts counts the characters of s, which is valid UTF-8 (as
// doc.Document.Text always is).
func countStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if utf8.RuneStart(s[i]) {
			n++
		}
	}
	return n
}
