package entity_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// seedDoc analyses the seed article from the shared data.
func seedDoc(t *testing.T) *doc.Document {
	t.Helper()
	dir := shareddata.Dir(t, "seed")
	b, err := os.ReadFile(filepath.Join(dir, "000_be86b8ef4b3fb134.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return analyse(t, string(b))
}

// mentionAt returns the mention of kind k whose text is want, in the
// first sentence that begins with prefix (the fixture text is read from
// the shared data, never copied here beyond these short anchors).
func mentionAt(t *testing.T, d *doc.Document, prefix, want string, k doc.MentionKind) *doc.Mention {
	t.Helper()
	at := -1
	for _, s := range d.Sentences {
		if strings.HasPrefix(d.Slice(s.Span), prefix) {
			at = s.Start
			break
		}
	}
	if at < 0 {
		t.Fatalf("no sentence begins with %q", prefix)
	}
	s := d.Sentences[d.SentenceAt(at)]
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Kind == k && s.Span.Contains(m.Span) && d.Slice(m.Span) == want {
			return m
		}
	}
	t.Fatalf("no %s mention %q in the sentence beginning %q", k, want, prefix)
	return nil
}

func entityName(d *doc.Document, m *doc.Mention) string {
	if m.Entity < 0 {
		return "<unresolved>"
	}
	return d.Entities[m.Entity].Name
}

func TestResolve_Seed(t *testing.T) {
	d := seedDoc(t)
	for _, tc := range []struct {
		sentence, mention string
		kind              doc.MentionKind
		want              string
	}{
		{"The president stressed", "The president", doc.TitleMention, "Donald Trump"},
		{"The president stressed", "he", doc.PronounMention, "Donald Trump"},
		{"But he stressed", "he", doc.PronounMention, "Vitali Klitschko"},
		{"There was no mention", "he", doc.PronounMention, "Donald Trump"},
		{"Putin suggested to Trump", "the president", doc.TitleMention, "Donald Trump"},
		{"Putin suggested to Trump", "he", doc.PronounMention, "Donald Trump"},
		{"The mayor of Kyiv", "The mayor of Kyiv", doc.TitleMention, "Vitali Klitschko"},
		{"Trump added that", "his", doc.PronounMention, "Donald Trump"},
		{"“So there’s no deal", "Trump", doc.NameMention, "Donald Trump"},
		{"The reality that Ukraine", "Zelensky", doc.NameMention, "Volodymyr Zelensky"},
		{"Putin appeared optimistic", "he", doc.PronounMention, "Vladimir Putin"},
	} {
		m := mentionAt(t, d, tc.sentence, tc.mention, tc.kind)
		if got := entityName(d, m); got != tc.want {
			t.Errorf("%q in the sentence beginning %q resolves to %q, want %q", tc.mention, tc.sentence, got, tc.want)
		}
	}
	titles := map[string][]string{}
	ids := map[string]string{}
	for _, e := range d.Entities {
		titles[e.Name] = e.Titles
		ids[e.Name] = e.ID
	}
	for name, want := range map[string]string{
		"Vitali Klitschko":   "mayor of Kyiv",
		"Volodymyr Zelensky": "Ukrainian president",
		"Donald Trump":       "President",
		"Vladimir Putin":     "Russian leader",
	} {
		found := false
		for _, got := range titles[name] {
			if got == want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s has titles %q, want %q among them", name, titles[name], want)
		}
	}
	if ids["Vladimir Putin"] != "person/vladimir-putin" {
		t.Errorf("Putin's id is %q", ids["Vladimir Putin"])
	}
	// The source of Klitschko's concession, title and name in apposition.
	src := "The mayor of Kyiv, Vitali Klitschko"
	at := strings.Index(d.Text, src)
	if at < 0 {
		t.Fatalf("no %q in the seed", src)
	}
	e, conf := entity.SpeakerOf(d, doc.Span{Start: at, End: at + len(src)})
	if e < 0 || d.Entities[e].Name != "Vitali Klitschko" || conf < 0.9 {
		t.Errorf("SpeakerOf(%q) = %d (%v)", src, e, conf)
	}
}
