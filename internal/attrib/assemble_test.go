package attrib

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// spanOf returns the span of the first occurrence of s in d's text.
func spanOf(t *testing.T, d *doc.Document, s string) doc.Span {
	t.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return doc.Span{Start: i, End: i + len(s)}
}

// tokSpan returns the token range of the first occurrence of s in d.
func tokSpan(t *testing.T, d *doc.Document, s string) span {
	t.Helper()
	sp := spanOf(t, d, s)
	return span{a: d.TokenAt(sp.Start), b: d.TokenAt(sp.End-1) + 1}
}

// checkCueSource reports where cue and src, in d, are not the words
// wantCue and wantSrc.
func checkCueSource(t *testing.T, d *doc.Document, cue, src doc.Span, wantCue, wantSrc string) {
	t.Helper()
	if got := d.Slice(cue); got != wantCue {
		t.Errorf("cue %q, want %q", got, wantCue)
	}
	if got := d.Slice(src); got != wantSrc {
		t.Errorf("source %q, want %q", got, wantSrc)
	}
}

func TestColonParents(t *testing.T) {
	tests := []struct {
		name, text, parentContent string
		drop                      bool
	}{
		{"object and colon", `Minister Ana Lopez addressed the dock workers in Spanish: "The port stays open."`, `the dock workers in Spanish: "The port stays open."`, true},
		{"a clause of its own", `Minister Ana Lopez told the dock workers that the port was safe: "It stays open."`, `the dock workers that the port was safe: "It stays open."`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			q := spanOf(t, d, `"`+strings.SplitN(tc.text, `"`, 3)[1]+`"`)
			colon := strings.LastIndex(d.Text[:q.Start], ":")
			sts := []doc.Statement{
				{Content: []doc.Span{spanOf(t, d, tc.parentContent)}, Cue: spanOf(t, d, strings.Fields(tc.text)[3]), Source: spanOf(t, d, "Minister Ana Lopez"), Parent: -1, Continues: -1},
				{Content: []doc.Span{q}, Cue: doc.Span{Start: colon, End: colon + 1}, Source: spanOf(t, d, "Minister Ana Lopez"), Parent: 0, Continues: -1},
			}
			got := colonParents(c, sts)
			if dropped := len(got) == 1; dropped != tc.drop {
				t.Fatalf("dropped = %v, want %v (%d statements)", dropped, tc.drop, len(got))
			}
			if tc.drop && (got[0].Parent != -1 || got[0].Content[0] != q) {
				t.Errorf("kept %+v, want the quotation's statement with no parent", got[0])
			}
		})
	}
}

func TestSpeechBefore_Patterns(t *testing.T) {
	tests := []struct {
		name, text, cue, source string
	}{
		{"verb and addressee", `It was a change from their last meeting, where Ola Berg had asked the minister, "Do you even own a coat?" at the door.`, "had asked the minister", "Ola Berg"},
		{"infinitive and addressee", `Councillor Pia Holm stopped at the door to tell reporters, "See you at the vote."`, "tell reporters", "Councillor Pia Holm"},
		{"document reading", `She returned to the same site hours later, reflecting on the vote in a post reading: "The town has spoken."`, "post reading:", "She"},
		{"be and adjective", `Mayor Ilse Varga was more cautious: "The contractor has until June."`, "was more cautious:", "Mayor Ilse Varga"},
		{"no subject before", `Reflecting on the vote in a post reading: "The town has spoken."`, "", ""},
		{"participle opening its sentence", `The singer waved at the crowd outside the court. Then, addressing reporters: "I am not talking to you."`, "addressing reporters:", "The singer"},
		{"verb and object", `Fisheries Minister Ekaterine Gvaladze, in a short speech, addressed the trawler crews in Georgian: "The quotas stay."`, "addressed", "Minister Ekaterine Gvaladze"},
		{"another verb between", `Minister Ekaterine Gvaladze addressed the crews who voted in Georgian: "The quotas stay."`, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			o := d.TokenAt(strings.Index(d.Text, `"`))
			cue, src := speechBefore(c, o)
			checkCueSource(t, d, cue, src, tc.cue, tc.source)
		})
	}
}

func TestSpeechAfter_Paragraphs(t *testing.T) {
	tests := []struct {
		name, text, cue, source string
	}{
		{"same sentence", `"The night will be calm," Commissioner Rita Moll said.`, "said", "Commissioner Rita Moll"},
		{"next paragraph opens a statement", "\"Last year was a calm night.\"\n\nShe said the trains would run all night.", "", ""},
		{"line broken after a comma", "\"Peace be with all of you\",\nsaid Bishop Tomas Rand.", "said", "Bishop Tomas Rand"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			closing := strings.Index(d.Text[1:], `"`) + 1
			cue, src := speechAfter(c, d.TokenAt(closing)+1)
			checkCueSource(t, d, cue, src, tc.cue, tc.source)
		})
	}
}

func TestCueSubject(t *testing.T) {
	tests := []struct {
		name, text, cue, content, want string
	}{
		{"auxiliary", `Before the vote, Councillor Helga Rask had stated that she wanted an audit.`, "stated", "that she wanted an audit", "Councillor Helga Rask"},
		{"pronoun", `He later insisted that the port would pay.`, "insisted", "that the port would pay", "He"},
		{"passive", `The plan was announced that morning by the port.`, "announced", "that morning by the port", ""},
		{"quoted as saying", `Coach Sam Reyes was quoted as saying the squad would rest.`, "was quoted as saying", "the squad would rest", "Coach Sam Reyes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			cs, ct := spanOf(t, d, tc.cue), spanOf(t, d, tc.content)
			k := candidate{
				cue:     cueSpan{a: d.TokenAt(cs.Start), b: d.TokenAt(cs.End-1) + 1},
				content: span{a: d.TokenAt(ct.Start), b: d.TokenAt(ct.End-1) + 1},
			}
			if got := spanText(d, cueSubject(c, k)); got != tc.want {
				t.Errorf("subject %q, want %q", got, tc.want)
			}
		})
	}
}

func TestResolveConflicts_SharedCueWord(t *testing.T) {
	d := testPreparer(t)("\"The trains will run all night.\"\n\nMinister Jon Vik called on revellers to leave the car at home.")
	c := newContext(d, lexicon.MustDefault(), nil)
	tok := func(s string) span { return tokSpan(t, d, s) }
	src := tok("Minister Jon Vik")
	called, calledOn := tok("called"), tok("called on")
	cands := []candidate{
		{cue: cueSpan{a: calledOn.a, b: calledOn.b}, content: tok("revellers to leave the car at home"), source: src, score: 2, parent: -1},
		{cue: cueSpan{a: called.a, b: called.b}, content: tok(`"The trains will run all night."`), source: src, score: 1, parent: -1},
	}
	got := resolveConflicts(c, cands)
	if len(got) != 1 || got[0].cue.b != calledOn.b {
		t.Fatalf("kept %d statements (%+v), want only the one cued by \"called on\"", len(got), got)
	}
}

func TestSharedCues(t *testing.T) {
	d := &doc.Document{Text: `"We found two," Ana Ruiz, the director, said in a call with reporters.`}
	quote := spanOf(t, d, `"We found two,"`)
	said := spanOf(t, d, "said")
	long := doc.Span{Start: said.Start, End: spanOf(t, d, "with").End}
	sts := []doc.Statement{
		{Content: []doc.Span{quote}, Quotes: []doc.Span{quote}, Cue: said, Source: spanOf(t, d, "Ana Ruiz"), Parent: -1, Continues: -1},
		{Content: []doc.Span{spanOf(t, d, "reporters")}, Cue: long, Source: spanOf(t, d, "Ana Ruiz"), Parent: -1, Continues: -1},
		{Content: []doc.Span{spanOf(t, d, "the director")}, Cue: spanOf(t, d, "call"), Parent: -1, Continues: -1},
	}
	got := sharedCues(sts)
	if len(got) != 2 || got[0].Content[0] != quote || d.Slice(got[1].Cue) != "call" {
		t.Fatalf("kept %d statements, want the quotation's and the one whose cue it does not share: %+v", len(got), got)
	}
}

func TestAccordingTo(t *testing.T) {
	tests := []struct {
		name, text, cue, source, content string
	}{
		{"quotation in the clause", `According to the Harbour Guard, the device had been "hidden inside a grey van."`, "According to", "the Harbour Guard", `the device had been "hidden inside a grey van."`},
		{"quotation before the comma", `According to "the Harbour Guard", the device was small.`, "", "", ""},
		{"not opening the sentence", `The device, according to the Harbour Guard, had been "hidden inside a grey van."`, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			o := d.TokenAt(strings.LastIndex(d.Text, `"`) - 1)
			cue, src, content, ok := accordingTo(c, o)
			if !ok {
				cue, src, content = doc.Span{}, doc.Span{}, doc.Span{}
			}
			checkCueSource(t, d, cue, src, tc.cue, tc.source)
			if got := d.Slice(content); got != tc.content {
				t.Errorf("content %q, want %q", got, tc.content)
			}
		})
	}
}

func TestQuoteBeforeRelative(t *testing.T) {
	tests := []struct {
		name, text, content, want string
	}{
		{"relative clause after the quotation", `Dahl told him in Norwegian: “See you in Oslo,” which the minister said he might regret.`, `“See you in Oslo,” which the minister said he might regret.`, `“See you in Oslo,”`},
		{"the quotation's own sentence goes on", `Dahl told him in Norwegian: “See you in Oslo,” and then she left the room.`, `“See you in Oslo,” and then she left the room.`, `“See you in Oslo,” and then she left the room.`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			sts := []doc.Statement{{Content: []doc.Span{spanOf(t, d, tc.content)}, Cue: spanOf(t, d, "told"), Source: spanOf(t, d, "Dahl"), Parent: -1, Continues: -1}}
			if strings.Contains(tc.text, "said") {
				sts = append(sts, doc.Statement{Content: []doc.Span{spanOf(t, d, "he might regret")}, Cue: spanOf(t, d, "said"), Source: spanOf(t, d, "the minister"), Parent: 0, Continues: -1})
			}
			quoteBeforeRelative(c, sts, 0)
			if got := d.Slice(sts[0].Content[0]); got != tc.want {
				t.Errorf("content %q, want %q", got, tc.want)
			}
			if len(sts) > 1 && sts[1].Parent != -1 {
				t.Errorf("the relative clause's statement kept parent %d", sts[1].Parent)
			}
		})
	}
}

func TestAntecedentContent(t *testing.T) {
	tests := []struct {
		name, text, content, want string
	}{
		{"relative pronoun before the subject", `There was no word on the fare rise that Berg proposed last year.`, `There was no word on the fare rise that`, `that`},
		{"which", `Nobody mentioned the new toll, which Berg proposed last year.`, `Nobody mentioned the new toll, which`, `which`},
		{"no pronoun", `The fare rise Berg proposed last year.`, `The fare rise`, `The fare rise`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			st := doc.Statement{Content: []doc.Span{spanOf(t, d, tc.content)}, Cue: spanOf(t, d, "proposed"), Source: spanOf(t, d, "Berg"), Parent: -1, Continues: -1}
			antecedentContent(c, &st)
			if got := d.Slice(st.Content[0]); len(st.Content) != 1 || got != tc.want {
				t.Errorf("content %q (%d parts), want %q", got, len(st.Content), tc.want)
			}
		})
	}
}

func TestNamingClauses(t *testing.T) {
	tests := []struct {
		name, text, cue string
		drop            bool
	}{
		{"as the thing is called", `The ferries serve the western islands, which make up the Outer Ring, as the busiest stretch is called.`, "is called", true},
		{"as it is known", `The ferries serve the Outer Ring, as it was known to sailors.`, "was known", true},
		{"a report", `The ferries will stop at the Outer Ring, the port was told.`, "was told", false},
		{"no as", `The ferries serve the western islands, which is called the Outer Ring.`, "is called", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			sts := []doc.Statement{{Content: []doc.Span{spanOf(t, d, "The ferries")}, Cue: spanOf(t, d, tc.cue), Parent: -1, Continues: -1}}
			if dropped := len(namingClauses(c, sts)) == 0; dropped != tc.drop {
				t.Errorf("dropped = %v, want %v", dropped, tc.drop)
			}
		})
	}
}

// A participle of saying after a comma says what follows it: the clause
// before it, with its own verb of saying, is not its content.
func TestResolveConflicts_ParticipleAfterClause(t *testing.T) {
	d := testPreparer(t)("The harbour master said before the meeting that the pier “never closes early”, responding to the mayor’s remarks that the last ferry would leave at nine.")
	c := newContext(d, lexicon.MustDefault(), nil)
	tok := func(s string) span { return tokSpan(t, d, s) }
	said, responding := tok("said"), tok("responding to")
	cands := []candidate{
		{cue: cueSpan{a: responding.a, b: responding.b}, content: tok("The harbour master said before the meeting that the pier “never closes early”"), source: tok("the mayor’s remarks"), score: 2, parent: -1},
		{cue: cueSpan{a: said.a, b: said.b}, content: tok("that the pier “never closes early”"), source: tok("The harbour master"), score: 1, parent: -1},
	}
	got := resolveConflicts(c, cands)
	if len(got) != 1 || got[0].cue.a != said.a {
		t.Fatalf("kept %d statements (%+v), want only the one cued by \"said\"", len(got), got)
	}
}

func TestWholeQuotes(t *testing.T) {
	tests := []struct {
		name, text, content, want string
	}{
		{"closed, content opens before it", `Ruiz said the deal “opens the port to ships, which the town has waited for,” and left.`,
			`the deal “opens the port to ships`, `the deal “opens the port to ships, which the town has waited for,”`},
		{"closed, content opens with it", `Ruiz said “the port opens to ships, which the town has waited for,” and left.`,
			`“the port opens to ships`, `“the port opens to ships, which the town has waited for,”`},
		{"running over paragraphs, content opens before it", "Ruiz said the deal “opens the port to ships, which the town has waited for.\n\n“We are glad.”",
			`the deal “opens the port to ships`, "the deal “opens the port to ships, which the town has waited for."},
		{"content holds no mark", `Ruiz said the deal “opens the port to ships, which the town has waited for,” and left.`,
			`the deal`, `the deal`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			st := doc.Statement{Content: []doc.Span{spanOf(t, d, tc.content)}, Cue: spanOf(t, d, "said"), Source: spanOf(t, d, "Ruiz"), Parent: -1, Continues: -1}
			wholeQuotes(d, &st)
			if got := d.Slice(st.Content[0]); got != tc.want {
				t.Errorf("content %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCoordinatedClauses(t *testing.T) {
	tests := []struct {
		name, text, content, cue2, content2 string
		fold                                bool
	}{
		{"tense of the clause", "Officers say the driver ignored the signal and refused to stop the van.", "the driver ignored the signal", "refused", "to stop the van", true},
		{"tense of the first cue", "Officers said the driver ignored the signal and refused to stop the van.", "the driver ignored the signal", "refused", "to stop the van", false},
		{"a clause of its own", "Officers say the driver ignored the signal and said he would stop the van.", "the driver ignored the signal", "said", "he would stop the van", false},
		{"a thing for subject", "Officers said the festival had been a success and drew record crowds.", "the festival had been a success", "drew", "record crowds", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			src := spanOf(t, d, "Officers")
			sts := []doc.Statement{
				{Content: []doc.Span{spanOf(t, d, tc.content)}, Cue: spanOf(t, d, strings.Fields(tc.text)[1]), Source: src, Parent: -1, Continues: -1},
				{Content: []doc.Span{spanOf(t, d, tc.content2)}, Cue: spanOf(t, d, tc.cue2), Source: src, Parent: -1, Continues: -1},
			}
			got := coordinatedClauses(c, sts)
			if folded := len(got) == 1; folded != tc.fold {
				t.Fatalf("folded = %v, want %v", folded, tc.fold)
			}
			if want := tc.content + " and " + tc.cue2 + " " + tc.content2; tc.fold && d.Slice(got[0].Content[0]) != want {
				t.Errorf("content %q, want %q", d.Slice(got[0].Content[0]), want)
			}
		})
	}
}

func TestAccordingObject(t *testing.T) {
	tests := []struct {
		name, text, content, source, want string
	}{
		{"subject taken", `Reyes won 62 percent of the vote among fishermen, according to exit polls.`, "Reyes won 62 percent of the vote among fishermen", "Reyes", "exit polls"},
		{"object kept", `Reyes won 62 percent of the vote among fishermen, according to exit polls released Friday.`, "Reyes won 62 percent of the vote among fishermen", "exit polls released Friday", "exit polls released Friday"},
		{"said before", `"It was a courtesy to the council," Holm said, according to Coast Radio.`, `"It was a courtesy to the council,"`, "Holm", "Coast Radio"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			q := tokSpan(t, d, "according to")
			k := candidate{cue: cueSpan{a: q.a, b: q.b}, content: tokSpan(t, d, tc.content), source: tokSpan(t, d, tc.source)}
			if got := spanText(d, accordingObject(c, k)); got != tc.want {
				t.Errorf("source %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSubjectBeforeRelative(t *testing.T) {
	tests := []struct {
		name, text, source, want string
	}{
		{"object in the clause", `Harbour councillor Ana Ruiz, a Liberal who has refused to back the levy, said the vote should wait.`, "the levy,", "Harbour councillor Ana Ruiz, a Liberal"},
		{"pronoun opening the clause", `The ferry company, which has been criticised for months over its late sailings, said the timetable would change.`, "which has been criticised for months over its late sailings,", "The ferry company"},
		{"no relative clause", `Harbour councillor Ana Ruiz, in a statement to the council, said the vote should wait.`, "the council,", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			q := tokSpan(t, d, "said")
			k := candidate{cue: cueSpan{a: q.a, b: q.b}, source: tokSpan(t, d, tc.source)}
			if got := spanText(d, subjectBeforeRelative(c, k)); got != tc.want {
				t.Errorf("source %q, want %q", got, tc.want)
			}
		})
	}
}

// spanText returns the text of token span s of d, or "" for none.
func spanText(d *doc.Document, s span) string {
	if s.none() {
		return ""
	}
	return d.Slice(d.TokenSpan(s.a, s.b))
}

func TestObjectWhen(t *testing.T) {
	tests := []struct {
		name, text, cue, content, want string
	}{
		{"name", `The ferry workers' union endorsed Ana Ruiz in November.`, "endorsed", "Ana Ruiz in November", "Ana Ruiz"},
		{"possessive", `Brekke announced his support for the levy on Thursday night.`, "announced", "his support for the levy on Thursday night", "his support for the levy"},
		{"bare weekday kept", `Brekke cited his endorsements from 40 skippers Tuesday.`, "cited", "his endorsements from 40 skippers Tuesday", "his endorsements from 40 skippers Tuesday"},
		{"event noun kept", `Brekke recalled a similar effort in 2007.`, "recalled", "a similar effort in 2007", "a similar effort in 2007"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			q := tokSpan(t, d, tc.cue)
			k := candidate{cue: cueSpan{a: q.a, b: q.b}, content: tokSpan(t, d, tc.content)}
			if got := spanText(d, objectWhen(c, k)); got != tc.want {
				t.Errorf("content %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSourceOpening(t *testing.T) {
	tests := []struct {
		name, text, source, cue, want string
	}{
		{"time and comma", `The next month, a former board member said the budget had been cut.`, "The next month, a former board member", "said", "a former board member"},
		{"that morning", `That morning, an angry crowd of ferry workers demanded an audit.`, "That morning, an angry crowd of ferry workers", "demanded", "an angry crowd of ferry workers"},
		{"dateline", `WESTBY, May 4 (Coast Wire) - Ferry users said they would boycott the crossing.`, "WESTBY, May 4 (Coast Wire) - Ferry users", "said", "Ferry users"},
		{"apposition stays", `The board's chair, Ana Ruiz, said the pier would reopen.`, "The board's chair, Ana Ruiz,", "said", "The board's chair, Ana Ruiz,"},
		{"no time", `Ferry users, angry crew members said the levy was unfair.`, "Ferry users, angry crew members", "said", "Ferry users, angry crew members"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			ss, cs := spanOf(t, d, tc.source), spanOf(t, d, tc.cue)
			s := span{a: d.TokenAt(ss.Start), b: d.TokenAt(ss.End-1) + 1}
			if got := spanText(d, sourceOpening(c, s, d.TokenAt(cs.Start))); got != tc.want {
				t.Errorf("source %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTimeContents_Parents(t *testing.T) {
	d := testPreparer(t)("The alerts went out at 2.40 a.m. Ruiz said the pier was safe because the engineers had said so.")
	c := newContext(d, lexicon.MustDefault(), nil)
	tok := func(s string) span { return tokSpan(t, d, s) }
	cands := []candidate{
		{cue: cueSpan{a: tok("went out at").a, b: tok("went out at").b}, content: tok("2.40 a.m."), source: tok("The alerts"), score: 1, parent: -1},
		{cue: cueSpan{a: tok("said the").a, b: tok("said the").a + 1}, content: tok("the pier was safe because the engineers had said so"), source: tok("Ruiz"), score: 1, parent: -1},
		{cue: cueSpan{a: tok("said so").a, b: tok("said so").a + 1}, content: tok("so"), source: tok("the engineers"), score: 1, parent: 1},
	}
	got := timeContents(c, cands)
	if len(got) != 2 || got[1].parent != 0 {
		t.Fatalf("kept %+v, want the two statements of the second sentence, the child's parent renumbered to 0", got)
	}
}
