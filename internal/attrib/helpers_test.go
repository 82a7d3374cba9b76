package attrib

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/tag"
)

// testPreparer readies texts for attribution the way the pipeline does.
func testPreparer(t testing.TB) Prepare {
	t.Helper()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	lex := lexicon.MustDefault()
	seg := segment.New(lex)
	res, err := entity.New(lex)
	if err != nil {
		t.Fatal(err)
	}
	return func(text string) *doc.Document {
		d := &doc.Document{Text: text}
		seg.Segment(d)
		tg.Tag(d)
		quote.Scan(d)
		res.Resolve(d)
		return d
	}
}

// devSetup returns the PolNeAR dev articles, the default Attributor and
// a preparer, skipping the test when the corpus is absent.
func devSetup(t testing.TB) ([]*polnear.Article, *Attributor, Prepare) {
	t.Helper()
	arts, err := polnear.Load(shareddata.Dir(t, "polnear", "dev"), false)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return arts, a, testPreparer(t)
}
