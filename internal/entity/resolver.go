package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/formcache"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
)

//go:embed model/ner.vblm
var embeddedNER []byte

//go:embed model/pronoun.vblm
var embeddedPronoun []byte

// Resolver finds the people, organisations and places of a document and
// resolves every mention it can to one of them. It is immutable after New
// and safe for concurrent use on different documents.
type Resolver struct {
	lex *lexicon.Set
	gaz *gazetteer
	ner *nerModel // nil: no names are found
	// pron ranks a pronoun's candidate antecedents; nil leaves pronouns
	// unresolved.
	pron  *linear.Model
	cross *crossTable // pron's weights of the pCross conjunctions
	// margin is the least score difference between the best and the
	// second-best antecedent for a pronoun to be resolved.
	margin float32
	// words caches what the passes need of each word form.
	words *formcache.Cache[wordInfo]
	// states holds the per-call work of Resolve for reuse.
	states sync.Pool
}

// models are the embedded models, parsed once.
var models = sync.OnceValues(func() ([2]*linear.Model, error) {
	var ms [2]*linear.Model
	for i, f := range []struct {
		name string
		b    []byte
	}{{"NER", embeddedNER}, {"pronoun", embeddedPronoun}} {
		m, err := linear.Read(bytes.NewReader(f.b))
		if err != nil {
			return ms, fmt.Errorf("entity: embedded %s model: %w", f.name, err)
		}
		ms[i] = m
	}
	return ms, nil
})

// gazetteers caches the gazetteer built for each lexicon set.
var gazetteers sync.Map // *lexicon.Set -> *gazetteer

func gazetteerFor(lex *lexicon.Set) *gazetteer {
	if g, ok := gazetteers.Load(lex); ok {
		return g.(*gazetteer)
	}
	g, _ := gazetteers.LoadOrStore(lex, newGazetteer(lex))
	return g.(*gazetteer)
}

// DefaultMargin is the least score difference between a pronoun's best
// and second-best antecedent for New's Resolver to resolve it.
const DefaultMargin = 0.5

// New returns a Resolver that uses the lexicons lex and the embedded
// models, which are parsed once per process.
func New(lex *lexicon.Set) (*Resolver, error) {
	ms, err := models()
	if err != nil {
		return nil, err
	}
	return NewWith(lex, ms[0], ms[1], DefaultMargin)
}

// NewWith returns a Resolver that runs the given NER model (classes named
// as LabelNames) and pronoun ranker (one class), resolving a pronoun only
// when its best antecedent outscores the second by margin. A nil model
// finds no names, or resolves no pronouns; training uses that.
func NewWith(lex *lexicon.Set, ner, pron *linear.Model, margin float32) (*Resolver, error) {
	if lex == nil {
		return nil, fmt.Errorf("entity: no lexicons")
	}
	r := &Resolver{lex: lex, gaz: gazetteerFor(lex), margin: margin, words: formcache.New[wordInfo](wordCacheSize)}
	if pron != nil {
		if len(pron.Classes) != 1 {
			return nil, fmt.Errorf("entity: pronoun model has %d classes, want 1", len(pron.Classes))
		}
		r.pron = pron
		r.cross = newCrossTable(pron)
	}
	if ner != nil {
		if len(ner.Classes) > int(numLabels) {
			return nil, fmt.Errorf("entity: NER model has %d classes, more than the %d labels", len(ner.Classes), numLabels)
		}
		label := make([]uint8, len(ner.Classes))
		for i, c := range ner.Classes {
			l := -1
			for k, n := range LabelNames {
				if n == c {
					l = k
				}
			}
			if l < 0 {
				return nil, fmt.Errorf("entity: NER model class %q is not a label (want one of %v)", c, LabelNames)
			}
			label[i] = uint8(l)
		}
		r.ner = newNERModel(ner, label)
	}
	return r, nil
}

// TagNER appends the BIO labels (indexes into LabelNames) of one
// sentence's words to dst. It is what Resolve runs on each sentence, and
// what training and the scorers use.
func (r *Resolver) TagNER(words []string, pos []doc.POS, dst []uint8) []uint8 {
	var sc nerScratch
	sc.gaz = make([]uint32, len(words))
	infos := r.infos(words, &sc.words)
	sc.ms = r.gaz.flags(words, infos, sc.gaz, nil)
	if r.ner == nil {
		for range words {
			dst = append(dst, lO)
		}
		return dst
	}
	return r.ner.tag(words, infos, pos, sc.gaz, dst)
}

// NERModel returns the NER model r runs, or nil.
func (r *Resolver) NERModel() *linear.Model {
	if r.ner == nil {
		return nil
	}
	return r.ner.m
}

// WithMargin returns a Resolver like r that resolves a pronoun only when
// its best antecedent outscores the second by margin (0 always decides).
func (r *Resolver) WithMargin(margin float32) *Resolver {
	return &Resolver{lex: r.lex, gaz: r.gaz, ner: r.ner, pron: r.pron, cross: r.cross, margin: margin, words: r.words}
}
