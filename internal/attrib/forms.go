package attrib

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// formInfo is what the models read of a word form alone, computed once
// per form and cached (see formCache); it never changes a result, only
// saves work.
type formInfo struct {
	lower  string
	isWord bool // a doc.Word token: the lexicon gives its lemma and classes
	lemma  string
	class  lexicon.CueClass // tokInfo.cue
	noun   bool             // tokInfo.noun
	cue    cueForm
	bnd    bndForm
}

// wordFacts returns what the lexicon says of a token whose lower-case form
// is lower: its lemma, its cue verb classes and whether it is an
// attribution noun. Only words (doc.Word) have more than their own form
// as lemma.
func wordFacts(lex *lexicon.Set, lower string, isWord bool) (lemma string, cue lexicon.CueClass, noun bool) {
	if !isWord {
		return lower, 0, false
	}
	lemma = lex.Lemma(lower)
	return lemma, lex.CueVerb(lemma), lex.CueNoun(lower) || lex.CueNoun(lemma)
}

// formCache holds the formInfo of the word forms met first, up to its
// size: a slot, once filled, keeps its form, so readers need no lock.
type formCache struct {
	seed  maphash.Seed
	slots []atomic.Pointer[formInfo]
}

// formCacheSize is the number of word forms a formScorer remembers (a
// power of two). News text draws most of its tokens from a few thousand
// forms.
const formCacheSize = 1 << 15

// formWays is the number of slots a form may take: a form that finds them
// all taken by others is not cached.
const formWays = 4

// maxCachedForm is the length of the longest form cached; longer ones
// (URLs, long names) are rare and would crowd out the frequent.
const maxCachedForm = 32

func newFormCache(size int) formCache {
	return formCache{seed: maphash.MakeSeed(), slots: make([]atomic.Pointer[formInfo], max(size, formWays))}
}

// cached returns the cached info of the form lower (of a word when
// isWord), adding it when a slot is free, or nil when it is not cached.
func (s *formScorer) cached(lower string, isWord bool) *formInfo {
	fc := &s.forms
	if len(lower) > maxCachedForm {
		return nil
	}
	i := maphash.String(fc.seed, lower) & uint64(len(fc.slots)-1)
	for k := range uint64(formWays) {
		slot := &fc.slots[i^k]
		fi := slot.Load()
		if fi == nil {
			fi = &formInfo{}
			s.describe(fi, strings.Clone(lower), isWord)
			s.tag(&fi.cue)
			if slot.CompareAndSwap(nil, fi) {
				return fi
			}
			fi = slot.Load() // another goroutine filled it first
		}
		if fi.lower == lower && fi.isWord == isWord {
			return fi
		}
	}
	return nil
}

// describe fills fi, which is zero, for a form.
func (s *formScorer) describe(fi *formInfo, lower string, isWord bool) {
	fi.lower, fi.isWord = lower, isWord
	fi.lemma, fi.class, fi.noun = wordFacts(s.lex, lower, isWord)
	s.describeCue(&fi.cue, lower, fi.lemma)
	if s.bnd != nil {
		s.bnd.describe(&fi.bnd, lower)
	}
}

// form returns the info of the form lower: the cached one, or one
// described in local, whose storage it extends a chunk at a time so that
// earlier pointers stay valid.
func (s *formScorer) form(lower string, isWord bool, local *[]formInfo) *formInfo {
	if fi := s.cached(lower, isWord); fi != nil {
		return fi
	}
	if len(*local) == cap(*local) {
		*local = make([]formInfo, 0, 64)
	}
	*local = append(*local, formInfo{})
	fi := &(*local)[len(*local)-1]
	s.describe(fi, lower, isWord)
	return fi
}

// begin sets c.forms, each token's formInfo, unless newContext set them
// with s.
func (s *formScorer) begin(c *context) {
	if c.formsOf == s {
		return
	}
	c.formsOf = s
	c.forms = make([]*formInfo, len(c.toks))
	var local []formInfo
	for i := range c.toks {
		c.forms[i] = s.form(c.toks[i].lower, c.d.Tokens[i].Kind == doc.Word, &local)
	}
}
