package attrib

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// benchDocs returns the PolNeAR dev articles ready for attribution, and
// their size in bytes.
func benchDocs(b *testing.B) ([]*doc.Document, *Attributor, int) {
	arts, a, prep := devSetup(b)
	docs := make([]*doc.Document, len(arts))
	size := 0
	for i, art := range arts {
		docs[i] = prep(art.Text)
		size += len(art.Text)
	}
	return docs, a, size
}

// BenchmarkAttributor_Attribute attributes the PolNeAR dev articles.
func BenchmarkAttributor_Attribute(b *testing.B) {
	docs, a, size := benchDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			c := *d
			a.Attribute(&c)
		}
	}
}

// BenchmarkFormScorer scores every token of the PolNeAR dev articles with
// the cue tagger (after an O) and as a span boundary.
func BenchmarkFormScorer(b *testing.B) {
	docs, a, size := benchDocs(b)
	cs := make([]*context, len(docs))
	for i, d := range docs {
		cs[i] = newContext(d, a.lex, a.fs)
	}
	b.Run("cue", func(b *testing.B) {
		b.SetBytes(int64(size))
		var sc cueVec
		for b.Loop() {
			for _, c := range cs {
				for _, s := range c.d.Sentences {
					for i := s.FirstTok; i < s.EndTok; i++ {
						a.fs.scoreTok(c, i, s.FirstTok, s.EndTok, labO, &sc)
					}
				}
			}
		}
	})
	b.Run("boundary", func(b *testing.B) {
		b.SetBytes(int64(size))
		var sc [numBoundary]float32
		for b.Loop() {
			for _, c := range cs {
				for i := range c.toks {
					a.fs.bnd.score(c, i, sc[:])
				}
			}
		}
	})
}

// BenchmarkRanker_Decode decodes the content and source of every proposed
// cue of the PolNeAR dev articles, with the boundary scores already made.
func BenchmarkRanker_Decode(b *testing.B) {
	docs, a, size := benchDocs(b)
	type job struct {
		r    *ranker
		cues []cueSpan
	}
	jobs := make([]job, len(docs))
	for i, d := range docs {
		c := newContext(d, a.lex, a.fs)
		cues := proposeCues(c, a.fs, proposeSlack)
		jobs[i] = job{a.ranker(c, cues), cues}
		for _, q := range cues {
			decodeCue(jobs[i].r, q)
		}
	}
	for _, part := range []struct {
		name string
		fn   func(*ranker, cueSpan) []span
	}{{"contents", (*ranker).contents}, {"sources", (*ranker).sources}} {
		b.Run(part.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, j := range jobs {
					for _, q := range j.cues {
						part.fn(j.r, q)
					}
				}
			}
		})
	}
}
