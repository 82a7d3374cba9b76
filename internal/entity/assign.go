package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// AssignSpeakers sets the Speaker of every statement of d, which must have
// been through Resolve and attribution:
//
//   - a statement with a source speaks through the entity the source refers
//     to (SpeakerOf);
//   - a quotation that carries on from another statement (Continues) has
//     that statement's speaker;
//   - a statement without a source shares the speaker of the statement
//     before it in the same sentence: coordinated and participial verbs
//     share their subject ("Putin cautioned, before warning …").
//
// Statement confidence is lowered to the speaker's when that is less sure.
func AssignSpeakers(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		st.Speaker = -1
		if !st.Source.IsZero() {
			ent, conf := SpeakerOf(d, st.Source)
			if ent < 0 {
				ent, conf = byName(d, st.Source)
			}
			st.Speaker = ent
			if ent >= 0 && conf < st.Confidence {
				st.Confidence = conf
			}
		}
	}
	// Inheritance, in reading order, so chains resolve.
	order := make([]int, len(d.Statements))
	for i := range order {
		order[i] = i
	}
	for _, i := range order {
		st := &d.Statements[i]
		if st.Speaker >= 0 || !st.Source.IsZero() {
			continue
		}
		if j := st.Continues; j >= 0 && j < len(d.Statements) {
			st.Speaker = d.Statements[j].Speaker
			continue
		}
		anchor := st.Cue
		if anchor.IsZero() {
			continue
		}
		s := d.SentenceAt(anchor.Start)
		best := -1
		for j, o := range d.Statements {
			if j == i || o.Speaker < 0 || o.Cue.IsZero() || o.Cue.Start >= anchor.Start || d.SentenceAt(o.Cue.Start) != s {
				continue
			}
			if best < 0 || o.Cue.Start > d.Statements[best].Cue.Start {
				best = j
			}
		}
		if best >= 0 {
			st.Speaker = d.Statements[best].Speaker
		}
	}
}

// byName finds the entity a source names when no mention was recognised
// in it: the one person or organisation whose name, or whose name's last
// word, equals the source's last word (capitalised). It returns -1 when
// none or several match.
func byName(d *doc.Document, source doc.Span) (int, float64) {
	words := strings.Fields(d.Slice(source))
	if len(words) == 0 {
		return -1, 0
	}
	last := strings.Trim(words[len(words)-1], ",.;:")
	if r, _ := utf8.DecodeRuneInString(last); !unicode.IsUpper(r) {
		return -1, 0
	}
	found := -1
	for i, e := range d.Entities {
		if e.Type != doc.Person && e.Type != doc.Organization || e.ID == "" {
			continue
		}
		if e.Name == last || surname(e.Name) == last {
			if found >= 0 && d.Entities[found].Name != e.Name {
				return -1, 0 // two people share the name
			}
			found = i
		}
	}
	if found < 0 {
		return -1, 0
	}
	return found, 0.6
}
