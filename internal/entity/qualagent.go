package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// qualifiedAgent returns the person an agent description qualified by a
// capitalised name ("the Castleford defender", agentDescription) stands
// for: the one person the sentence before names in full, outside
// quotation marks, where that sentence also writes the qualifying name
// ("Danny Varga … now plays for Castleford. The Castleford defender
// declined"), not the person the article is about; or -1.
func qualifiedAgent(d *doc.Document, source doc.Span) int {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if b >= len(d.Tokens) {
		return -1
	}
	quals := map[string]bool{}
	for k := a + 1; k < b; k++ {
		if d.Tokens[k].Has(doc.Upper) && d.Tokens[k].POS.IsProperNoun() {
			quals[strings.ToLower(d.Slice(d.Tokens[k].Span()))] = true
		}
	}
	s := d.SentenceAt(source.Start)
	if len(quals) == 0 || s < 1 || s >= len(d.Sentences) {
		return -1
	}
	prev := d.Sentences[s-1]
	found := false
	for k := prev.FirstTok; k < prev.EndTok && !found; k++ {
		found = !d.Tokens[k].Has(doc.InQuote) && quals[strings.ToLower(d.Slice(d.Tokens[k].Span()))]
	}
	if !found {
		return -1
	}
	person := -1
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Kind != doc.NameMention || m.Entity < 0 || m.Start < prev.Start || m.End > prev.End || d.Entities[m.Entity].Type != doc.Person {
			continue
		}
		if k := d.TokenAt(m.Start); k < len(d.Tokens) && d.Tokens[k].Has(doc.InQuote) || len(strings.Fields(d.Slice(m.Span))) < 2 || !strings.Contains(d.Entities[m.Entity].Name, " ") {
			continue
		}
		if person >= 0 && person != m.Entity {
			return -1 // two people named in full: which is unsaid
		}
		person = m.Entity
	}
	if person >= 0 && namesPart(d, source, person) {
		return -1
	}
	return person
}
