package attrib

import "testing"

// fallbackCase is a sentence the team wrote and the one statement a
// fallback should make of it (none when cue is empty).
type fallbackCase struct {
	name, text, cue, source, content string
}

// TestEmbeddedQuotes_Cases runs the fallback for embedded quotations
// alone (as if the models had kept nothing) over sentences the team
// wrote: a quotation gets a statement only with a cue verb and its
// subject before it in its clause, and titles, scare quotes, negated,
// passive and infinitive verbs get none.
func TestEmbeddedQuotes_Cases(t *testing.T) {
	runFallback(t, embeddedQuotes, []fallbackCase{
		{"coordinated", "Reyes thanked the volunteers and again promised a “full inquiry” into the flooding.",
			"promised", "Reyes", "a “full inquiry” into the flooding"},
		{"coordinated-adjective", "As the minister spoke, Ingrid Salo stood silent and later described his remarks as “profound”.",
			"described", "Ingrid Salo", "his remarks as “profound”"},
		{"apposition", "The board chair, Ingrid Salo, had earlier warned the operator of “serious penalties” if the ferries kept running late.",
			"warned", "Ingrid Salo", "the operator of “serious penalties”"},
		{"that-clause", "Mayor Denise Harlow wrote on Sunday that the ferry plan was “dead on arrival” in its present form.",
			"wrote", "Mayor Denise Harlow", "that the ferry plan was “dead on arrival” in its present form"},
		{"pronoun", "She called the new timetable “a small miracle”.",
			"called", "She", "the new timetable “a small miracle”"},
		{"name-after-place", "At the harbour summit, US President Karl Brandt described the quota talks as “a first step” toward a deal.",
			"described", "US President Karl Brandt", "the quota talks as “a first step” toward a deal"},
		{"subordinate-clause", "Reyes praised the talks, while Ingrid Salo spoke of reaching an “understanding” on the quotas.",
			"spoke", "Ingrid Salo", "of reaching an “understanding” on the quotas"},
		{"after-preposition", "The plan was drawn up by Ingrid Salo who spoke of a “new start” for the quays.", "", "", ""},
		{"title", "Mendes recalled the “Harbour Lights” exhibition fondly.", "", "", ""},
		{"possessive-title", "Salo’s “Harbour Lights” exhibition opened in May.", "", "", ""},
		{"scare-quote", "The so-called “quiet zone” along the river was never enforced.", "", "", ""},
		{"negated", "Mendes did not describe the vote as “a betrayal” either.", "", "", ""},
		{"passive", "The depot was described as “temporary” in the first draft.", "", "", ""},
		{"infinitive", "The union asked the council to call a “special session” on Friday.", "", "", ""},
		{"other-clause", "The ferries ran late, and the “new timetable” was blamed.", "", "", ""},
	})
}

// TestThatClauses_Cases runs the that-clause fallback alone: a verb of
// saying with its subject and a that-clause makes a statement; other
// verbs, passives and clauses inside quotation marks make none.
func TestThatClauses_Cases(t *testing.T) {
	runFallback(t, thatClauses, []fallbackCase{
		{"auxiliary", "Before the vote, Councillor Helga Rask had stated that she wanted “a full audit this year”.",
			"had stated", "Councillor Helga Rask", "that she wanted “a full audit this year”"},
		{"plain", "The mayor said that the ferries would sail at dawn.",
			"said", "The mayor", "that the ferries would sail at dawn"},
		{"not-speech", "The harbour master hoped that the ferries would sail at dawn.", "", "", ""},
		{"passive", "It was announced that the ferries would sail at dawn.", "", "", ""},
		{"quoted", "“The minister said that nothing would change,” Rask recalled.", "", "", ""},
	})
}

// runFallback runs fallback over each case's sentence as if the models
// had kept nothing, and checks the one statement it makes, or that it
// makes none.
func runFallback(t *testing.T, fallback func(*context, []candidate) []candidate, cases []fallbackCase) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	prep := testPreparer(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := prep(tc.text)
			c := newContext(d, a.lex, a.fs)
			proposeCues(c, a.fs, proposeSlack)
			ks := fallback(c, nil)
			if tc.cue == "" {
				for _, k := range ks {
					t.Errorf("statement cue=%q source=%q content=%q, want none", tokText(c, span{a: k.cue.a, b: k.cue.b}), tokText(c, k.source), tokText(c, k.content))
				}
				return
			}
			if len(ks) != 1 {
				t.Fatalf("%d statements, want 1", len(ks))
			}
			k := ks[0]
			if got := tokText(c, span{a: k.cue.a, b: k.cue.b}); got != tc.cue {
				t.Errorf("cue %q, want %q", got, tc.cue)
			}
			if got := tokText(c, k.source); got != tc.source {
				t.Errorf("source %q, want %q", got, tc.source)
			}
			if got := tokText(c, k.content); got != tc.content {
				t.Errorf("content %q, want %q", got, tc.content)
			}
			if !k.embedded || k.parent != -1 || k.score != embeddedScore {
				t.Errorf("candidate %+v: want an embedded top-level candidate with score %v", k, embeddedScore)
			}
		})
	}
}

// tokText returns the text of the tokens of s.
func tokText(c *context, s span) string {
	if s.none() {
		return ""
	}
	return c.d.Text[c.d.Tokens[s.a].Start:c.d.Tokens[s.b-1].End]
}
