package pipeline

import (
	"context"
	"runtime"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// BenchmarkRun streams the PolNeAR dev articles through Run with one
// worker per core, as `verbatim analyze` does; MB/s is for all cores
// together (BenchmarkPipeline gives it per core).
func BenchmarkRun(b *testing.B) {
	texts := devTexts(b)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		i := 0
		next := func() (Job, bool) {
			if i == len(texts) {
				return Job{}, false
			}
			i++
			return Job{Doc: &doc.Document{Text: texts[i-1]}}, true
		}
		emit := func(j Job) error { return j.Err }
		if err := p.Run(ctx, runtime.GOMAXPROCS(0), next, emit); err != nil {
			b.Fatal(err)
		}
	}
}
