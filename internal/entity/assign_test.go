package entity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/pipeline"
)

// TestAssignSpeakers_LastQuoted checks that a "he said" whose pronoun
// was left unresolved goes on with the man quoted last, when that
// quotation ends in one of the two paragraphs before and no one else
// speaks in between, and with nobody otherwise.
func TestAssignSpeakers_LastQuoted(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"quoted before", "“We lose too many headers at set pieces, and that has cost us points,” Tom Reyes said.\nUnder his predecessor Leo Marsh the side was built around experience.\n“So stature will matter when we look at new players,” he said.\n", "Tom Reyes"},
		{"another speaker between", "“We lose too many headers at set pieces, and that has cost us points,” Tom Reyes said.\nHis predecessor Leo Marsh said on Monday that experience mattered more than height.\n“So stature will matter when we look at new players,” he said.\n", ""},
		{"reported before", "Tom Reyes said the side lost too many headers at set pieces.\nUnder his predecessor Leo Marsh the side was built around experience.\n“So stature will matter when we look at new players,” he said.\n", ""},
		{"quoted too long ago", "“We lose too many headers at set pieces, and that has cost us points,” Tom Reyes said.\nThe club finished ninth last season.\nUnder his predecessor Leo Marsh the side was built around experience.\n“So stature will matter when we look at new players,” he said.\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The pronoun left unresolved, as the ranker does when two
			// men score alike.
			if got := unresolvedSpeaker(t, p, tc.text, "he"); got != tc.want {
				t.Errorf("speaker %q, want %q", got, tc.want)
			}
		})
	}
}

// unresolvedSpeaker analyses text with p, leaves the pronoun that is the
// source of the last statement with the source src unresolved, assigns
// the speakers again and returns that statement's speaker's name ("" for
// none).
func unresolvedSpeaker(t *testing.T, p *pipeline.Pipeline, text, src string) string {
	t.Helper()
	d := &doc.Document{Text: text}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var last *doc.Statement
	for i := range d.Statements {
		if d.Slice(d.Statements[i].Source) == src {
			last = &d.Statements[i]
		}
	}
	if last == nil {
		t.Fatalf("no statement with the source %q", src)
	}
	for i := range d.Mentions {
		if d.Mentions[i].Span == last.Source {
			d.Mentions[i].Entity = -1
		}
	}
	entity.AssignSpeakers(d)
	if last.Speaker < 0 {
		return ""
	}
	return d.Entities[last.Speaker].Name
}

// TestAssignSpeakers_TeamNotTopic checks that a name ending in a plural
// proper noun ("the Eastfield Mariners"), a team's even where the tagger
// typed it a person's, is never the person an article is about, to whom
// quotations no one is said to have said go.
func TestAssignSpeakers_TeamNotTopic(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "General manager Tom Reyes gives the Eastfield Mariners a passing grade for the first half of the season.\n" +
		"“We can't win close games scoring on ten per cent of our chances,” Reyes said Monday. Reyes has run the club since 2019.\n" +
		"The Eastfield Mariners reached the halfway mark in fourth place. The Eastfield Mariners were two points better a year ago, and the Eastfield Mariners went on to miss the playoffs. The Eastfield Mariners have won seven of their last nine.\n" +
		"“I feel better about our chances than I did in November.”\n"
	d := &doc.Document{Text: text}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	team := -1
	for i := range d.Entities {
		if d.Entities[i].Name == "Eastfield Mariners" {
			team = i
		}
	}
	if team < 0 {
		t.Fatal("no entity named Eastfield Mariners")
	}
	// Type the team a person, as the tagger often does.
	d.Entities[team].Type = doc.Person
	for i := range d.Mentions {
		if d.Mentions[i].Entity == team {
			d.Mentions[i].Type = doc.Person
		}
	}
	last := &d.Statements[len(d.Statements)-1]
	last.Speaker = -1
	entity.AssignSpeakers(d)
	got := ""
	if last.Speaker >= 0 {
		got = d.Entities[last.Speaker].Name
	}
	if got != "Tom Reyes" {
		t.Errorf("the unattributed quotation's speaker is %q, want \"Tom Reyes\"", got)
	}
}

// TestAssignSpeakers_UnresolvedConfidence holds that a statement whose
// speaker no one can name has a confidence of 0.5 at most, and that one
// whose speaker is named keeps a higher one.
func TestAssignSpeakers_UnresolvedConfidence(t *testing.T) {
	d := processed(t, "Selma Varga, the harbour master, said the pier would reopen on Monday. Some said the repairs had been rushed.\n")
	named, unnamed := 0, 0
	for _, st := range d.Statements {
		switch {
		case st.Speaker >= 0:
			named++
			if st.Confidence <= 0.5 {
				t.Errorf("%q by %s: confidence %v, want above 0.5", d.Slice(st.Content[0]), d.Entities[st.Speaker].Name, st.Confidence)
			}
		default:
			unnamed++
			if st.Confidence > 0.5 {
				t.Errorf("%q with no speaker: confidence %v, want 0.5 at most", d.Slice(st.Content[0]), st.Confidence)
			}
		}
	}
	if named == 0 || unnamed == 0 {
		t.Fatalf("%d statements with a speaker and %d without, want some of each", named, unnamed)
	}
}

// TestAssignSpeakers_QuotedSelf holds that a "he" inside a man's own
// quoted words is not that man: the article's topic person where he fits.
func TestAssignSpeakers_QuotedSelf(t *testing.T) {
	text := "Tobias Wren, who kept goal for Harbury for 14 seasons, has died at 80. Wren won two league titles with the club.\n\n" +
		"His former teammate Aled Morgan, the full-back who played beside him for six seasons, said Wren had been \"the loudest voice on the pitch\". Morgan, now 77, told the club's website that the pair had spoken a week ago.\n\n" +
		"\"He still wanted to argue about the corner we gave away against Lisbon in 1979,\" Morgan said. \"I told him it was his fault. He said it was mine.\"\n"
	d := processed(t, text)
	he := strings.Index(text, "\"He still") + 1
	for _, m := range d.Mentions {
		if m.Start != he {
			continue
		}
		got := ""
		if m.Entity >= 0 {
			got = d.Entities[m.Entity].Name
		}
		if got != "Tobias Wren" {
			t.Errorf("the quoted \"He\" is %q, want Tobias Wren", got)
		}
		return
	}
	t.Fatalf("no mention of the quoted \"He\"")
}

// processed returns text run through the default pipeline.
func processed(t *testing.T, text string) *doc.Document {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: text}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestAssignSpeakers_SubjectBefore checks that a "he" or "she" the
// resolver left unresolved, opening a statement's sentence, speaks for
// whoever spoke as the subject opening the sentence before, but not for
// one who asked a question there: the one asked answers.
func TestAssignSpeakers_SubjectBefore(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"said before", "Kettle maker denies delay\n\nA Fennick spokeswoman said the company had investigated every complaint as it arrived. She said the firm rejected any suggestion that it had hidden information.\n", "Fennick spokeswoman"},
		{"asked before", "Kettle maker denies delay\n\nA Fennick spokeswoman asked Ana Ruiz whether the kettles had been tested. She replied that every batch would now be checked.\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The pronoun left unresolved, as the ranker does when it
			// has no candidate it trusts.
			if got := unresolvedSpeaker(t, p, tc.text, "She"); got != tc.want {
				t.Errorf("speaker %q, want %q", got, tc.want)
			}
		})
	}
}

// TestAssignSpeakers_QualifiedAgent checks that an agent description
// qualified by a name ("The Westfold defender declined") speaks for the
// one person the sentence before names in full beside that name.
func TestAssignSpeakers_QualifiedAgent(t *testing.T) {
	text := "Brennan hands in transfer request\n\n" +
		"Kestrel Town striker Owen Brennan has asked to leave the club, his agent said on Monday. Brennan has scored nine goals this season and has two years left on his contract.\n\n" +
		"\"He wants to play at a higher level,\" the agent said. Brennan trained alone on Sunday.\n\n" +
		"Brennan's former teammate Aled Brennan, who is no relation, now plays for Westfold and is understood to have spoken to him about a move. The Westfold defender declined to comment after training on Tuesday.\n"
	d := processed(t, text)
	src := strings.Index(text, "The Westfold defender")
	for _, st := range d.Statements {
		if st.Source.Start != src {
			continue
		}
		got := ""
		if st.Speaker >= 0 {
			got = d.Entities[st.Speaker].Name
		}
		if got != "Aled Brennan" {
			t.Errorf("\"The Westfold defender\" speaks for %q, want Aled Brennan", got)
		}
		return
	}
	t.Fatal("no statement with the source \"The Westfold defender\"")
}
