package attrib

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// tokInfo is what the models read of one token, computed once per
// document.
type tokInfo struct {
	word    string // surface form, typographic quotes normalised
	lower   string
	lemma   string
	cue     lexicon.CueClass
	noun    bool // an attribution noun
	quote   uint8
	sentEnd bool // last token of its sentence
	paraEnd bool // last token of its paragraph
	// Mentions (from package entity): the kind of mention that starts
	// or ends at this token (a mentionKind), and where a mention that
	// starts here ends (exclusive token index; 0 when none starts here).
	mStart, mEnd uint8
	mSpanEnd     int32
	comp         uint8 // compKind
	kind         uint8 // wordKind of word
}

// Word kinds (tokInfo.kind): what the decoders test a token's word for.
const (
	wPunct  uint8 = 1 << iota // isPunctWord
	wComma                    // ","
	wColon                    // ":"
	wAndBut                   // "and" or "but"
)

// wordKind returns the kind bits of word w.
func wordKind(w string) uint8 {
	var k uint8
	if isPunctWord(w) {
		k |= wPunct
	}
	switch w {
	case ",":
		k |= wComma
	case ":":
		k |= wColon
	case "and", "but":
		k |= wAndBut
	}
	return k
}

// punct reports whether t's word is punctuation (isPunctWord).
func (t *tokInfo) punct() bool { return t.kind&wPunct != 0 }

// Mention kinds as the models see them.
const (
	mNone uint8 = iota
	mPerson
	mOrg
	mPlace
	mGroup
	mPronoun
	numMention
)

func mentionKind(m doc.Mention) uint8 {
	if m.Kind == doc.PronounMention {
		return mPronoun
	}
	switch m.Type {
	case doc.Person:
		return mPerson
	case doc.Organization:
		return mOrg
	case doc.Place:
		return mPlace
	case doc.Group:
		return mGroup
	}
	return mNone
}

// Quote states of a token.
const (
	qOpen uint8 = 1 << iota
	qClose
	qIn
)

// context holds a document and the per-token facts the models share.
type context struct {
	d    *doc.Document
	toks []tokInfo
	// Prefix counts over tokens, for O(1) span tests: opens[i] is the
	// number of opening marks among tokens [0, i).
	opens, closes, sentStarts []int32
	// bal[i] is opens[i] - closes[i], so that a range [a, b) has as
	// many opening marks as closing ones when bal[a] == bal[b].
	bal []int32
	// prevMark[i] and nextMark[i] are the last quotation mark before token
	// i (-1 for none) and the first after it (len(toks) for none).
	prevMark, nextMark []int32
	// prevSubj[i] is the last token before i whose tag may end a
	// subject (subjectTag; -1 for none), and nextComp[i] the first after
	// it that begins a complement (compKind; len(toks) for none).
	prevSubj, nextComp []int32
	lowerBuf           []byte
	// cueMargin is the cue tagger's margin for starting a cue at each
	// token (set by proposeCues).
	cueMargin []float32
	// marginBuf and inCue are proposeCues' storage: the margins (which
	// cueMargin shows) and the tokens of the tagger's cues.
	marginBuf []float32
	inCue     []bool
	// forms holds each token's formInfo for the cue scorer formsOf (set
	// by formScorer.begin).
	forms   []*formInfo
	formsOf *formScorer
	// local holds the infos of the forms fs.forms could not keep, for
	// this document; its storage is reused by the next.
	local []formInfo
}

// newContext computes the per-token facts of d the models share.
//
// With fs, the lexicon's facts come from fs's cache of word forms, and
// c.forms is set for fs (see formScorer.begin).
func newContext(d *doc.Document, lex *lexicon.Set, fs *formScorer) *context {
	return new(context).reset(d, lex, fs)
}

// reset makes c the context of d, as newContext does, reusing c's
// storage.
func (c *context) reset(d *doc.Document, lex *lexicon.Set, fs *formScorer) *context {
	n := len(d.Tokens)
	c.d = d
	c.toks = reuse.Zeroed(c.toks, n)
	c.opens = reuse.Zeroed(c.opens, n+1)
	c.closes = reuse.Zeroed(c.closes, n+1)
	c.sentStarts = reuse.Zeroed(c.sentStarts, n+1)
	c.bal = reuse.Sized(c.bal, n+1)
	c.bal[0] = 0
	c.prevMark = reuse.Zeroed(c.prevMark, n)
	c.nextMark = reuse.Zeroed(c.nextMark, n)
	c.prevSubj = reuse.Zeroed(c.prevSubj, n)
	c.nextComp = reuse.Zeroed(c.nextComp, n)
	c.cueMargin = nil
	c.forms, c.formsOf = c.forms[:0], nil
	local := c.local[:0]
	if fs != nil {
		c.forms, c.formsOf = reuse.Zeroed(c.forms, n), fs
	}
	for i, t := range d.Tokens {
		w := d.Text[t.Start:t.End]
		ti := &c.toks[i]
		ti.word = normWord(w)
		if fs != nil {
			// The lower-case form is looked up from c's buffer; a
			// form met before gives the cache's copy of it, so that only
			// a new one costs a string.
			isWord := t.Kind == doc.Word
			lower, inBuf := c.lowerView(ti.word)
			fi := fs.forms.Get(lower)
			if fi == nil || fi.isWord != isWord {
				if inBuf {
					lower = strings.Clone(lower)
				}
				fi = fs.newForm(lower, isWord, &local)
			}
			c.forms[i] = fi
			ti.lower, ti.lemma, ti.cue, ti.noun = fi.lower, fi.lemma, fi.class, fi.noun
			if !inBuf {
				// The word is its lower-case form; a word with a capital
				// is of no kind.
				ti.kind = fi.kind
			}
		} else {
			ti.lower = c.lower(ti.word)
			ti.lemma, ti.cue, ti.noun = wordFacts(lex, ti.lower, t.Kind == doc.Word)
			ti.kind = wordKind(ti.word)
		}
		if t.Has(doc.OpenQuote) {
			ti.quote |= qOpen
		}
		if t.Has(doc.CloseQuote) {
			ti.quote |= qClose
		}
		if t.Has(doc.InQuote) {
			ti.quote |= qIn
		}
		ti.comp = compKind(ti)
		c.opens[i+1] = c.opens[i]
		c.closes[i+1] = c.closes[i]
		c.sentStarts[i+1] = c.sentStarts[i]
		if ti.quote&qOpen != 0 {
			c.opens[i+1]++
		}
		if ti.quote&qClose != 0 {
			c.closes[i+1]++
		}
		if t.Has(doc.SentStart) && i > 0 {
			c.sentStarts[i+1]++
		}
		c.bal[i+1] = c.opens[i+1] - c.closes[i+1]
	}
	c.local = local
	mark, subj := int32(-1), int32(-1)
	for i := range c.toks {
		c.prevMark[i], c.prevSubj[i] = mark, subj
		if c.toks[i].quote&(qOpen|qClose) != 0 {
			mark = int32(i)
		}
		if subjectTag(d.Tokens[i].POS) {
			subj = int32(i)
		}
	}
	mark, comp := int32(n), int32(n)
	for i := n - 1; i >= 0; i-- {
		c.nextMark[i], c.nextComp[i] = mark, comp
		if c.toks[i].quote&(qOpen|qClose) != 0 {
			mark = int32(i)
		}
		if c.toks[i].comp != 0 {
			comp = int32(i)
		}
	}
	for _, s := range d.Sentences {
		if s.EndTok > s.FirstTok {
			c.toks[s.EndTok-1].sentEnd = true
		}
	}
	for _, m := range d.AttribMentions {
		k := mentionKind(m)
		if k == mNone {
			continue
		}
		a := d.TokenAt(m.Start)
		b := a
		for b < n && d.Tokens[b].Start < m.End {
			b++
		}
		if b <= a {
			continue
		}
		c.toks[a].mStart = k
		c.toks[a].mSpanEnd = int32(b)
		c.toks[b-1].mEnd = k
	}
	for _, p := range d.Paragraphs {
		if p.EndSent > p.FirstSent {
			last := d.Sentences[p.EndSent-1].EndTok - 1
			if last >= 0 {
				c.toks[last].paraEnd = true
			}
		}
	}
	return c
}

// release drops c's references to its document and word forms, so that a
// pooled context pins neither.
func (c *context) release() {
	clear(c.toks)
	clear(c.forms)
	clear(c.local)
	c.d, c.cueMargin, c.formsOf = nil, nil, nil
}

// lower returns w in lower case, without allocating when it already is.
func (c *context) lower(w string) string {
	l, inBuf := c.lowerView(w)
	if inBuf {
		return strings.Clone(l)
	}
	return l
}

// lowerView returns w in lower case: w itself when it already is, else a
// string over c's buffer (inBuf), valid until the next call.
func (c *context) lowerView(w string) (l string, inBuf bool) {
	upper := false
	for i := 0; i < len(w); i++ {
		if b := w[i]; 'A' <= b && b <= 'Z' {
			upper = true
			break
		}
	}
	if !upper {
		return w, false
	}
	c.lowerBuf = c.lowerBuf[:0]
	for i := 0; i < len(w); i++ {
		b := w[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		c.lowerBuf = append(c.lowerBuf, b)
	}
	return unsafe.String(unsafe.SliceData(c.lowerBuf), len(c.lowerBuf)), true
}

// paraRange returns the token range of the paragraph holding token i.
func (c *context) paraRange(i int) (int, int) {
	d := c.d
	s := d.Tokens[i].Sent
	p := d.Paragraphs[d.Sentences[s].Para]
	return d.Sentences[p.FirstSent].FirstTok, d.Sentences[p.EndSent-1].EndTok
}

// sentRange returns the token range of the sentence holding token i.
func (c *context) sentRange(i int) (int, int) {
	s := c.d.Sentences[c.d.Tokens[i].Sent]
	return s.FirstTok, s.EndTok
}

// normWord maps typographic variants to one form so the models see “ and
// " alike.
func normWord(w string) string {
	switch w {
	case "“", "\"", "``", "«", "„", "''", "”", "»", "’’", "‘‘":
		return "\""
	case "‘", "’", "'", "‹", "›", "‚":
		return "'"
	case "—", "–", "--":
		return "--"
	case "…":
		return "..."
	case "’s":
		return "'s"
	case "n’t":
		return "n't"
	}
	if r, _ := utf8.DecodeRuneInString(w); r == '’' {
		return "'" + w[len("’"):]
	}
	return w
}

// bucket returns the length bucket of n: n itself up to 3, then ranges
// growing about half again each time, 10 beyond 60.
func bucket(n int) int {
	if uint(n) < uint(len(buckets)) {
		return int(buckets[n])
	}
	return bucketOf(n)
}

// buckets holds bucketOf for the lengths decoding meets most.
var buckets = func() (t [contentNear + contentFar + 1]uint8) {
	for n := range t {
		t[n] = uint8(bucketOf(n))
	}
	return t
}()

// bucketOf computes bucket(n).
func bucketOf(n int) int {
	switch {
	case n <= 3:
		return n
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	case n <= 60:
		return 9
	}
	return 10
}
