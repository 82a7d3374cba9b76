package entity_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestGAP_Test scores pronoun resolution on gap-test.tsv as the GAP paper
// defines it, in the snippet-context setting and in the page-context
// setting (the page title first, as a headline), and holds floors. The
// ranker's choices were made by cross-validation on gap-development and
// checked on gap-validation, and the shipped model is trained on both;
// the test split is only scored.
func TestGAP_Test(t *testing.T) {
	dir := shareddata.Dir(t, "gap-coreference")
	exs, err := eval.ReadGAP(filepath.Join(dir, "gap-test.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := entity.New(lexicon.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		setting string
		exs     []eval.GAPExample
		floor   float64
	}{
		// Lowered from 0.76 to 0.755 when a change that raised
		// gap-validation (72.4 -> 72.9, the split choices are made on)
		// moved test from 76.1 to 75.9, and to 0.75 when the tagger learnt
		// hyphenated and capitalised titles (validation 72.9 -> 72.75 and
		// 74.7 -> 75.4, test 75.9 -> 75.5): a floor on a split only
		// scored must not overrule the selection. Up to 0.755 at 75.7,
		// and to 0.76 (page 0.775) at 76.4 (77.8), 0.765 (0.78) at 76.7
		// (78.1). Page back to 0.775 when the relative-clause head fact,
		// chosen on development CV (75.63 -> 75.81) and validation (74.94
		// -> 75.52), moved page test from 78.00 to 77.98. Snippet test
		// 76.6 -> 76.95 with the sex a predicate noun marks (stop 26,
		// chosen on CV: 75.32 -> 75.74, page 76.56 -> 76.62; page test
		// 78.1 -> 78.0). Then 76.7 and 78.2 with a fronted phrase's
		// possessive for the subject after it (CV page 76.62 -> 76.78,
		// snippet 75.74 -> 75.76).
		{"snippet", exs, 0.765},
		{"page", eval.PageContext(exs), 0.775},
	} {
		rep, err := eval.GAPResolver(r, tc.exs)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		rep.Write(&b)
		t.Logf("%s context:\n%s", tc.setting, b.String())
		if f := rep.All.F1(); f < tc.floor {
			t.Errorf("GAP test F1 (%s context) %.4f below floor %.2f", tc.setting, f, tc.floor)
		}
		if bias := rep.Bias(); bias < 0.95 {
			t.Errorf("GAP bias (%s context) %.2f below floor 0.95", tc.setting, bias)
		}
	}
}

// TestGUM_News scores mention detection and typing and person
// coreference on the GUM news documents and holds floors.
func TestGUM_News(t *testing.T) {
	dir := shareddata.Dir(t, "gum-news-interview", "conllu")
	docs, err := eval.LoadGUM(dir, "GUM_news_")
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.GUM(docs, func(text string) (*doc.Document, error) {
		d := &doc.Document{Text: text}
		return d, p.Process(context.Background(), d)
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Logf("\n%s", b.String())
	var named eval.PRF
	for _, c := range rep.Named {
		named.TP, named.Pred, named.Gold = named.TP+c.TP, named.Pred+c.Pred, named.Gold+c.Gold
	}
	// Named: 0.65, then 0.655 at 66.0 (stop 25: places by their names),
	// then 0.66 at 66.5 (stop 32: names the tagger missed after an
	// honorific, a first name, a hyphened given name; "Port", "Fort").
	if f := named.F1(); f < 0.66 {
		t.Errorf("GUM named mention F1 %.4f below floor 0.66", f)
	}
	// Person MUC: 0.60, then 0.635 once the scorer found the heads of
	// names whose words hang flat each from the one before (64.1), then
	// 0.63 when the pronoun ranker learnt two facts that raised GAP
	// (validation 73.8 -> 75.5, test 75.8 -> 76.7) and moved GUM's
	// 24 documents from 64.1 to 63.2, then 0.635 at 63.9 (stop 25: no
	// apposition across a fronted clause, and the pronoun model redrawn),
	// then 0.64 at 64.1 (stop 26: the sex a predicate noun marks, and a
	// fronted phrase's possessive for the subject after it), then 0.635
	// at 63.8 (stop 32: the pronoun model retrained on the names the
	// tagger missed that the stop's rules add; GAP validation 75.8, test
	// 76.7 -> 76.8, Trafilatura speakers 189 -> 190), then 0.64 again at
	// 64.2 (the model retrained once more after "A spokesperson for the
	// Secretary-General, Farid Haddad,": GAP 76.9 / 78.1).
	if _, _, f := rep.MUC(); f < 0.64 {
		t.Errorf("GUM person MUC F1 %.4f below floor 0.64", f)
	}
}
