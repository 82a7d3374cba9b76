package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// devTexts returns the PolNeAR dev articles (real news text), skipping
// the test or benchmark when the corpus is absent.
func devTexts(b testing.TB) []string {
	dir := shareddata.Dir(b, "polnear", "dev", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Skip("no PolNeAR dev texts")
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		t, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(t))
	}
	return out
}

// benchSetup returns the PolNeAR dev articles and the default pipeline,
// and sets b to report MB/s of the articles and allocations per pass.
func benchSetup(b *testing.B) ([]string, *Pipeline) {
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
	return texts, p
}

// BenchmarkPipeline runs the whole default pipeline over the PolNeAR dev
// articles on one goroutine; MB/s is per core.
func BenchmarkPipeline(b *testing.B) {
	texts, p := benchSetup(b)
	ctx := context.Background()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			d := &doc.Document{Text: t}
			if err := p.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkProcessBatch runs the whole default pipeline over the PolNeAR
// dev articles on one goroutine, as BenchmarkPipeline does, but in
// batches of batchDocs articles as Run's workers do; MB/s is per core.
func BenchmarkProcessBatch(b *testing.B) {
	texts, p := benchSetup(b)
	ctx := context.Background()
	docs := make([]*doc.Document, 0, batchDocs)
	errs := make([]error, batchDocs)
	cpu := cpuTime()
	for b.Loop() {
		for i := 0; i < len(texts); i += batchDocs {
			docs = docs[:0]
			for _, t := range texts[i:min(i+batchDocs, len(texts))] {
				docs = append(docs, &doc.Document{Text: t})
			}
			p.ProcessBatch(ctx, docs, errs[:len(docs)])
			for _, err := range errs[:len(docs)] {
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the process's CPU time per pass since start (metric
// cpu-ms/op, garbage collection included), which other work on a shared
// machine disturbs less than the wall-clock ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkStage runs the pipeline's stages one at a time over the dev
// articles, each on documents already carried through the stages before
// it, to show where the time goes.
func BenchmarkStage(b *testing.B) {
	texts := devTexts(b)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	ctx := context.Background()
	stages := p.Stages()
	for i, s := range stages {
		// Documents ready for stage i.
		docs := make([]*doc.Document, len(texts))
		for k, t := range texts {
			docs[k] = &doc.Document{Text: t}
			for _, prev := range stages[:i] {
				if err := prev.Process(ctx, docs[k]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(s.Name(), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				for _, d := range docs {
					c := *d
					if err := s.Process(ctx, &c); err != nil {
						b.Fatal(err)
					}
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkPipelineStages runs the whole pipeline one document at a time
// (One, as Process does) and in batches of batchDocs (Batch, as Run's
// workers do), and reports each stage's share in milliseconds per pass
// (metric <stage>-ms): one document at a time, a stage finds its tables
// colder in the caches than BenchmarkStage's repeated runs of one stage.
func BenchmarkPipelineStages(b *testing.B) {
	for _, size := range []int{1, batchDocs} {
		name := "One"
		if size > 1 {
			name = "Batch"
		}
		b.Run(name, func(b *testing.B) {
			texts, p := benchSetup(b)
			ctx := context.Background()
			stages := p.Stages()
			spent := make([]time.Duration, len(stages))
			docs := make([]*doc.Document, 0, size)
			for b.Loop() {
				for k := 0; k < len(texts); k += size {
					docs = docs[:0]
					for _, t := range texts[k:min(k+size, len(texts))] {
						docs = append(docs, &doc.Document{Text: t})
					}
					for i, s := range stages {
						start := time.Now()
						for _, d := range docs {
							if err := s.Process(ctx, d); err != nil {
								b.Fatal(err)
							}
						}
						spent[i] += time.Since(start)
					}
				}
			}
			for i, s := range stages {
				b.ReportMetric(float64(spent[i].Microseconds())/1e3/float64(b.N), s.Name()+"-ms")
			}
		})
	}
}
