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
	texts, p := benchSetup(b)
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
