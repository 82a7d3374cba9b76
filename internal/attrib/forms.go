package attrib

import (
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// formInfo is what the models read of a word form alone, computed once
// per form and cached (in formScorer.forms); it never changes a result,
// only saves work.
type formInfo struct {
	lower  string
	isWord bool // a doc.Word token: the lexicon gives its lemma and classes
	lemma  string
	class  lexicon.CueClass // tokInfo.cue
	noun   bool             // tokInfo.noun
	kind   uint8            // wordKind(lower)
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

// formCacheSize is the number of word forms a formScorer remembers (a
// power of two). News text draws most of its tokens from a few thousand
// forms.
const formCacheSize = 1 << 15

// describe fills fi, which is zero, for a form.
func (s *formScorer) describe(fi *formInfo, lower string, isWord bool) {
	fi.lower, fi.isWord = lower, isWord
	fi.lemma, fi.class, fi.noun = wordFacts(s.lex, lower, isWord)
	fi.kind = wordKind(lower)
	s.describeCue(&fi.cue, lower, fi.lemma)
	if s.bnd != nil {
		s.bnd.describe(&fi.bnd, lower)
	}
}

// newForm returns the info of the form lower (of a word when isWord),
// which s.forms.Get did not find: cached now if a slot is free, else
// described in local, whose storage it extends a chunk at a time so that
// earlier pointers stay valid. A form's kind follows from its
// characters, so a form cached as the other kind is all but unknown; it
// is then described in local too.
func (s *formScorer) newForm(lower string, isWord bool, local *[]formInfo) *formInfo {
	fi := s.forms.Fill(lower, func(fi *formInfo, lower string) {
		s.describe(fi, lower, isWord)
		s.tag(&fi.cue)
	})
	if fi != nil && fi.isWord == isWord {
		return fi
	}
	if len(*local) == cap(*local) {
		*local = make([]formInfo, 0, 64)
	}
	*local = append(*local, formInfo{})
	fi = &(*local)[len(*local)-1]
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
		lower, isWord := c.toks[i].lower, c.d.Tokens[i].Kind == doc.Word
		fi := s.forms.Get(lower)
		if fi == nil || fi.isWord != isWord {
			fi = s.newForm(lower, isWord, &local)
		}
		c.forms[i] = fi
	}
}
