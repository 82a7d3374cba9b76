package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestSeed reads the team's flagship example the way an editor would:
// every quoted passage attributed to the right person, "the president" who
// is Trump, nothing said by Zelensky. The expectations are the issue's;
// the article is read from ../shared, never copied here.
func TestSeed(t *testing.T) {
	path := shareddata.Dir(t, "seed", "000_be86b8ef4b3fb134.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b)}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	speakerOf := func(s doc.Statement) string {
		if s.Speaker < 0 {
			return ""
		}
		return d.Entities[s.Speaker].Name
	}
	// Each quoted passage, found by its first words, and who said it.
	want := []struct{ start, speaker string }{
		{"agreements", "Vladimir Putin"},
		{"brotherly nation", "Vladimir Putin"},
		{"There’s no deal", "Donald Trump"},
		{"I agree with President Trump", "Vladimir Putin"},
		{"Naturally we are prepared", "Vladimir Putin"},
		{"We expect that Kyiv", "Vladimir Putin"},
		{"backroom dealings", "Vladimir Putin"},
		{"primary roots", "Vladimir Putin"},
		{"consider all legitimate", "Vladimir Putin"},
		{"many points that we agreed", "Donald Trump"},
		{"a couple of big ones", "Donald Trump"},
		{"So there’s no deal", "Donald Trump"},
		{"calling up", "Donald Trump"},
		{"very productive", "Donald Trump"},
		{"many points”", "Donald Trump"},
		{"good chance", "Donald Trump"},
		{"Next time in Moscow", "Vladimir Putin"},
		{"get a little heat", "Donald Trump"},
		{"possibly happening", "Donald Trump"},
		{"to the betterment of both", "Donald Trump"},
		{"give up territory”", "Vitali Klitschko"},
		{"One of the scenarios", "Vitali Klitschko"},
		{"never accept occupation", "Vitali Klitschko"},
	}
	count := map[string]int{}
	for _, w := range want {
		key := strings.TrimSuffix(w.start, "”")
		var got []string
		for _, s := range d.Statements {
			for _, q := range s.Quotes {
				text := d.Slice(q)
				if strings.HasPrefix(text, key) && (!strings.HasSuffix(w.start, "”") || text == key) {
					got = append(got, speakerOf(s))
				}
			}
		}
		if len(got) != 1 {
			t.Errorf("quoted passage %q is held by %d statements (speakers %q), want 1", w.start, len(got), got)
			continue
		}
		if got[0] != w.speaker {
			t.Errorf("quoted passage %q: speaker %q, want %q", w.start, got[0], w.speaker)
		}
		count[got[0]]++
	}
	if count["Donald Trump"] != 11 || count["Vladimir Putin"] != 9 || count["Vitali Klitschko"] != 3 {
		t.Errorf("quoted passages by speaker = %v, want Trump 11, Putin 9, Klitschko 3", count)
	}
	// Reported speech: "The president stressed that …" is Trump's.
	found := false
	for _, s := range d.Statements {
		if d.Slice(s.Cue) == "stressed" && strings.EqualFold(d.Slice(s.Source), "The president") {
			found = true
			if speakerOf(s) != "Donald Trump" {
				t.Errorf("“The president stressed that …”: speaker %q, want Donald Trump", speakerOf(s))
			}
		}
	}
	if !found {
		t.Error("no statement for “The president stressed that …”")
	}
	for _, s := range d.Statements {
		if strings.Contains(speakerOf(s), "Zelensk") {
			t.Errorf("statement %q attributed to Zelensky, who says nothing", d.Slice(s.ContentSpan()))
		}
	}
	// Klitschko speaks to the BBC, and carries his role.
	for _, s := range d.Statements {
		if speakerOf(s) == "Vitali Klitschko" && d.Slice(s.Cue) == "told" && d.Slice(s.Addressee) != "the BBC" {
			t.Errorf("Klitschko told %q, want the BBC", d.Slice(s.Addressee))
		}
	}
}
