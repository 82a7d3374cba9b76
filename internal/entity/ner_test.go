package entity_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/tag"
	"github.com/verbatim-news/verbatim/internal/train"
)

// TestNER_DevF1 scores the embedded NER tagger against CoreNLP's labels
// (silver) on the PolNeAR dev split and holds a floor on entity F1.
func TestNER_DevF1(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev")
	arts, err := polnear.Load(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entity.New(lexicon.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	rep := train.ScoreNERWith(r, train.NERSentences(arts, tagger))
	var b strings.Builder
	rep.Write(&b)
	t.Logf("NER against CoreNLP silver labels, %s:\n%s", filepath.Base(dir), b.String())
	if f := rep.All.F1(); f < 0.85 {
		t.Errorf("NER dev F1 %.4f below floor 0.85", f)
	}
}
