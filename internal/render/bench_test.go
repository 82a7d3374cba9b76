package render_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// BenchmarkJSON renders the PolNeAR dev articles, analysed once, as
// `verbatim analyze --format jsonl` does; MB/s is of the articles' text,
// so that it compares with the pipeline's benchmarks.
func BenchmarkJSON(b *testing.B) {
	names, err := filepath.Glob(filepath.Join(shareddata.Dir(b, "polnear", "dev", "text"), "*.txt"))
	if err != nil || len(names) == 0 {
		b.Skip("no PolNeAR dev texts")
	}
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Document
	size := 0
	for _, n := range names {
		t, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		d := &doc.Document{Text: string(t)}
		if err := p.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := render.JSON(io.Discard, d, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}
