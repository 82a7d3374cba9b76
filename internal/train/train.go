// Package train rebuilds Verbatim's embedded models from the shared
// corpora, deterministically: the same data gives byte-identical model
// files. `verbatim train` drives it.
package train

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/tag"
)

// Options say where the data is and where the models go.
type Options struct {
	Data string    // the shared data root (holding polnear/)
	Repo string    // the repository root; models are written below it
	Log  io.Writer // progress messages
	// Holdout, when in 1..5, leaves out of attribution training the
	// training articles whose index is Holdout-1 modulo 5, so that they
	// can serve as a second validation set while developing features.
	Holdout int
	// Seeds, when set, replace attribSeeds: the draws train attrib
	// scores on polnear/dev, logging each, and chooses the best of.
	Seeds []uint64
}

// POS trains the part-of-speech tagger on the CoreNLP tags of the PolNeAR
// training split and writes internal/tag/model/pos.vblm.
func POS(o Options) error {
	start := time.Now()
	arts, err := polnear.Load(filepath.Join(o.Data, "polnear", "train"), true)
	if err != nil {
		return err
	}
	sents := POSSentences(arts)
	fmt.Fprintf(o.Log, "pos: %d sentences from %d articles\n", len(sents), len(arts))
	m := tag.Train(sents, 8)
	if err := writeModel(filepath.Join(o.Repo, "internal", "tag", "model", "pos.vblm"), m, o.Log); err != nil {
		return err
	}
	fmt.Fprintf(o.Log, "pos: trained in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// POSSentences turns the CoreNLP tokens of arts into tagged sentences.
// Tokens with a tag outside the Penn Treebank set are skipped with their
// sentence.
func POSSentences(arts []*polnear.Article) []tag.Sentence {
	var out []tag.Sentence
	for _, a := range arts {
		var cur tag.Sentence
		sent, ok := -1, true
		flush := func() {
			if len(cur.Words) > 0 && ok {
				out = append(out, cur)
			}
			cur, ok = tag.Sentence{}, true
		}
		for _, t := range a.Tokens {
			if t.Sent != sent {
				flush()
				sent = t.Sent
			}
			p, valid := doc.ParsePOS(t.POS)
			if !valid {
				ok = false
			}
			cur.Words = append(cur.Words, a.Text[t.Start:t.End])
			cur.Tags = append(cur.Tags, p)
		}
		flush()
	}
	return out
}

func writeModel(path string, m *linear.Model, log io.Writer) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s (%d features, %.1f MB)\n", path, m.NumFeatures(), float64(n)/1e6)
	return nil
}
