package entity

import (
	"unicode/utf8"
)

// wordInfo is what Resolve needs of a word form apart from its context:
// what the lexicons say of it alone, and the NER tagger's part of its
// features. A Resolver computes it once per form and caches it (in
// Resolver.words); it never changes a result, only saves work.
//
// The fields read of every token come first, so that they share the cache
// line of the form the cache compares.
type wordInfo struct {
	lex uint32 // the word lists that hold it: lx* flags
	gaz uint32 // the gazetteer flags the word has alone: first-name flags, gOrgNoun
	// Whether the NER tagger scores the word after an O and after a name
	// label (see scored), and whether phrases has any.
	scoredO, scoredIn, hasPhrases bool
	word                          string
	lower                         string  // lowerASCII(word)
	phrases                       []int32 // the lexicon phrases that begin with it (gazetteer.first)
	unlearned                     []int32 // the unlearned roles' phrases that begin with it (gazetteer.unlearned)
	pron                          pronoun // what it says as a pronoun, with lxPronoun
	// For a capitalised word, a name's likely part: fold(word) and
	// translit(fold(word)).
	foldForm, translitForm string
	hasFold                bool
	ner                    nerWord // nothing when the Resolver has no NER model
}

// Word-list flags of a wordInfo: the form is in the list as it is
// written, in lower case (lowerASCII, flags ending in L), or as hasWord
// finds it (flags ending in H).
const (
	lxPronoun uint32 = 1 << iota
	lxFunction
	lxParticle
	lxNameSuffix
	lxPlaceHead
	lxRel
	lxRelL
	lxSub
	lxSubL
	lxPrep
	lxPrepL
	lxDeterminerL
	lxReportH
	lxClauseH
	lxSubordH
	// lxClauseMark: a clause may start or end at the form inside a
	// sentence (chunkClauses): a relative word, a subordinator, one of
	// clauseMarks.
	lxClauseMark
)

// clauseMarks are the forms other than relative words and subordinators
// that chunkClauses looks for inside a sentence: punctuation, dashes and
// brackets, "that" and the coordinators.
var clauseMarks = map[string]bool{
	";": true, ":": true, ",": true, "(": true, "[": true, ")": true, "]": true, "--": true, "—": true, "–": true,
	"that": true, "and": true, "but": true, "or": true, "yet": true,
}

// lexFlags returns the word-list flags of word form w, whose lower-case
// form is lw.
func lexFlags(w, lw string) uint32 {
	var f uint32
	for _, l := range [...]struct {
		set  map[string]bool
		form string
		flag uint32
	}{
		{functionWords, w, lxFunction}, {nameParticles, w, lxParticle}, {nameSuffixes, w, lxNameSuffix},
		{placeHeads, w, lxPlaceHead}, {relWords, w, lxRel}, {relWords, lw, lxRelL}, {subWords, w, lxSub},
		{subWords, lw, lxSubL}, {prepWords, w, lxPrep}, {prepWords, lw, lxPrepL}, {determiners, lw, lxDeterminerL},
	} {
		if l.set[l.form] {
			f |= l.flag
		}
	}
	for _, l := range [...]struct {
		set  map[string]bool
		flag uint32
	}{{reportVerbs, lxReportH}, {clauseWords, lxClauseH}, {subordinators, lxSubordH}} {
		if hasWord(l.set, w) {
			f |= l.flag
		}
	}
	if _, ok := pronouns[w]; ok {
		f |= lxPronoun
	}
	if f&(lxRel|lxSub) != 0 || clauseMarks[w] {
		f |= lxClauseMark
	}
	return f
}

// nerWord is the NER tagger's part of a wordInfo.
type nerWord struct {
	class int32 // wordClass
	// static is the summed weights of the word's own features (the
	// first numNERStatic that nerFeatures makes), added in that order.
	static vec
	// The weights of the word as the previous word, the one before it,
	// the next word and the one after it.
	prev, prev2, next, next2 vec
	// The hashes the word contributes to the bigrams with the word
	// before (nBigramPrev) and after (nBigramNext).
	bigramPrev, bigramNext uint64
	// The weights of the word with each previous label (nPrevLabelWord):
	// labelWordIdx[prev] is 1 + the index of their weights in labelWords,
	// or 0 when the pair has none.
	labelWordIdx [numLabels]uint8
	labelWords   []vec
}

// wordCacheSize is the number of slots of a Resolver's cache of word
// forms (a power of two): as for the tagger's (tag's cacheSize), 1<<16
// slots keep the tokens that miss the cache, which must be described, to
// 0.3% of those of PolNeAR train and dev analysed twice (1.9% with
// 1<<15), for some 500 bytes a form cached.
const wordCacheSize = 1 << 16

// describe fills wi, which is zero, for word form w.
func (r *Resolver) describe(wi *wordInfo, w string) {
	g := r.gaz
	wi.word, wi.lower, wi.phrases, wi.unlearned = w, lowerASCII(w), g.first[w], g.unlearned[w]
	wi.lex, wi.pron = lexFlags(w, wi.lower), pronouns[w]
	if w != "" && (w[0] >= utf8.RuneSelf || 'A' <= w[0] && w[0] <= 'Z') {
		wi.foldForm = fold(w)
		wi.translitForm, wi.hasFold = translit(wi.foldForm), true
	}
	if w != "" && 'A' <= w[0] && w[0] <= 'Z' {
		wi.gaz |= g.nameFlags(w)
	}
	if g.orgs[w] {
		wi.gaz |= gOrgNoun
	}
	wi.scoredO, wi.scoredIn = scoredForm(w, wi.lex, lO), scoredForm(w, wi.lex, lBPer)
	wi.hasPhrases = len(wi.phrases) > 0
	if r.ner != nil {
		r.ner.describe(&wi.ner, w)
	}
}

// folded returns fold(wi.word).
func (wi *wordInfo) folded() string {
	if wi.hasFold {
		return wi.foldForm
	}
	return fold(wi.word)
}

// translitFolded returns translit(fold(wi.word)).
func (wi *wordInfo) translitFolded() string {
	if wi.hasFold {
		return wi.translitForm
	}
	return translit(fold(wi.word))
}

// wordScratch holds the infos of one call's words, and those of the
// words the cache does not hold.
type wordScratch struct {
	infos []*wordInfo
	local []wordInfo
}

// infos returns the infos of words, in sc's storage.
func (r *Resolver) infos(words []string, sc *wordScratch) []*wordInfo {
	sc.infos, sc.local = sc.infos[:0], sc.local[:0]
	missed := 0
	for _, w := range words {
		wi := r.words.Get(w)
		if wi == nil {
			wi = r.words.Fill(w, r.describe)
		}
		if wi == nil {
			missed++
		}
		sc.infos = append(sc.infos, wi)
	}
	if missed == 0 {
		return sc.infos
	}
	// The words the cache cannot hold, described in local, which has
	// room for them all so that pointers into it stay valid.
	if cap(sc.local) < missed {
		sc.local = make([]wordInfo, 0, missed)
	}
	for i, wi := range sc.infos {
		if wi == nil {
			sc.local = append(sc.local, wordInfo{})
			wi = &sc.local[len(sc.local)-1]
			r.describe(wi, words[i])
			sc.infos[i] = wi
		}
	}
	return sc.infos
}

// release drops sc's references to words and infos, so that a pooled
// scratch pins no text.
func (sc *wordScratch) release() {
	clear(sc.infos)
	clear(sc.local)
}
