package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPageTitle_Cases(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"http://en.wikipedia.org/wiki/Maren_Holt", "Maren Holt"},
		{"http://en.wikipedia.org/wiki/Tom_Farrow_(footballer)", "Tom Farrow"},
		{"http://en.wikipedia.org/wiki/Harbour_Lights_(1998_TV_series,_season_2)", "Harbour Lights"},
		{"http://en.wikipedia.org/wiki/Ad%C3%A8le_Brun", "Adèle Brun"},
		{"http://en.wikipedia.org/wiki/It's_Only_Tuesday", "It's Only Tuesday"},
		{"http://en.wikipedia.org/wiki/(Untitled)", "(Untitled)"},
		{"http://en.wikipedia.org/wiki/Bad%ZZescape", ""},
		{"http://en.wikipedia.org/wiki/Ned_Carr#Career", "Ned Carr"},
		{"no-slash", ""},
		{"", ""},
	} {
		if got := PageTitle(tc.url); got != tc.want {
			t.Errorf("PageTitle(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestPageContext_Offsets(t *testing.T) {
	text := "Maren Holt met Ida Lund in Bergen. She later wrote about her."
	ex := GAPExample{
		Text:    text,
		Pronoun: Span{35, 38},
		A:       Span{0, 10},
		B:       Span{15, 23},
		URL:     "http://en.wikipedia.org/wiki/Maren_Holt_(writer)",
	}
	none := ex
	none.URL = ""
	got := PageContext([]GAPExample{ex, none})
	if want := "Maren Holt\n\n" + text; got[0].Text != want {
		t.Fatalf("text %q, want %q", got[0].Text, want)
	}
	for _, c := range []struct {
		s    Span
		want string
	}{{got[0].Pronoun, "She"}, {got[0].A, "Maren Holt"}, {got[0].B, "Ida Lund"}} {
		if s := got[0].Text[c.s.Start:c.s.End]; s != c.want {
			t.Errorf("span %v is %q, want %q", c.s, s, c.want)
		}
	}
	if got[1].Text != text || got[1].A != ex.A {
		t.Errorf("a row without a URL changed: %+v", got[1])
	}
	if ex.Text != text {
		t.Errorf("PageContext changed its input")
	}
}

func TestReadGAP_URL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gap.tsv")
	rows := "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n" +
		"t-1\tÅse Berg thanked Ida Lund, who hugged her.\ther\t38\tÅse Berg\t0\tTRUE\tIda Lund\t17\tFALSE\thttp://en.wikipedia.org/wiki/%C3%85se_Berg\n"
	if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	exs, err := ReadGAP(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 1 || exs[0].URL != "http://en.wikipedia.org/wiki/%C3%85se_Berg" {
		t.Fatalf("got %+v", exs)
	}
	p := PageContext(exs)[0]
	if !strings.HasPrefix(p.Text, "Åse Berg\n\n") || p.Text[p.Pronoun.Start:p.Pronoun.End] != "her" || p.Text[p.A.Start:p.A.End] != "Åse Berg" {
		t.Errorf("page context %q, pronoun %v, A %v", p.Text, p.Pronoun, p.A)
	}
}

func FuzzPageTitle(f *testing.F) {
	for _, s := range []string{"http://en.wikipedia.org/wiki/A_(b)", "/%", "x/ (", "/_(_)", "/%C3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, url string) {
		title := PageTitle(url)
		if !utf8.ValidString(title) {
			t.Fatalf("PageTitle(%q) = %q, not UTF-8", url, title)
		}
		if strings.ContainsRune(title, '_') || strings.TrimSpace(title) != title {
			t.Fatalf("PageTitle(%q) = %q keeps an underscore or outer space", url, title)
		}
	})
}
