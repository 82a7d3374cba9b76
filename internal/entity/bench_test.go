package entity_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// BenchmarkResolve measures the entity stage alone on the PolNeAR dev
// texts, segmented, tagged and quote-scanned beforehand.
func BenchmarkResolve(b *testing.B) {
	arts, err := polnear.Load(shareddata.Dir(b, "polnear", "dev"), false)
	if err != nil {
		b.Fatal(err)
	}
	texts := make([]string, len(arts))
	size := 0
	for i, a := range arts {
		texts[i] = a.Text
		size += len(a.Text)
	}
	docs, err := eval.Prepare(texts)
	if err != nil {
		b.Fatal(err)
	}
	r, err := entity.New(lexicon.MustDefault())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			r.Resolve(d)
		}
	}
	_ = doc.Document{}
}
