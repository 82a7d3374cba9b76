package attrib

import (
	"cmp"
	"slices"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// Cue labels: a cue is one or more tokens (B I*).
const (
	labO = iota
	labB
	labI
	numCueLabels
)

var cueClasses = []string{"O", "B", "I"}

// Cue feature templates. Their numbers are part of the model format.
const (
	cBias uint32 = iota + 1
	cWord
	cLemma
	cPOS
	cPrevWord
	cNextWord
	cPrev2Word
	cNext2Word
	cPrevPOS
	cNextPOS
	cPOSPrevCur
	cPOSCurNext
	cCueClass
	cCueNoun
	cLemmaPOS
	cQuote
	cPrevQuote
	cNextQuote
	cQuoteLeft
	cQuoteRight
	cSentQuote
	cNextLower
	cPrevLower
	cFirst
	cLast
	cShape
	cPrevLabel
	cPrevLabelWord
	cPrevLabelPOS
	cPrevLemmaCue
	cNextLemmaCue
	cLemmaNext
	cLemmaPrev
	cLemmaNextPOS
	cPOSTri
	cCompAhead
	cSubjBehind
	cSuffix
	cLemmaQuote
	cPrevMention
	cNextMention
	cPrevClassPOS
	cNextClassPOS
	cNext2ClassPOS
	cPrevLabelTags
)

// cueFeatures appends the features of token i (within sentence [a, b))
// given the label chosen for token i-1.
func cueFeatures(dst []uint64, c *context, i, a, b, prevLab int) []uint64 {
	d := c.d
	sentQuote := c.opens[b]-c.opens[a]+c.closes[b]-c.closes[a] > 0
	left, right := quoteDists(c, i, a, b)
	t := &c.toks[i]
	pos := d.Tokens[i].POS
	dst = append(dst,
		linear.Int(cBias, 0),
		linear.Str(cWord, t.lower),
		linear.Str(cLemma, t.lemma),
		linear.Int(cPOS, int(pos)),
		linear.Pair(linear.Str(cLemmaPOS, t.lemma), uint64(pos)),
		linear.Int(cQuote, int(t.quote)),
		linear.Int(cPrevLabel, prevLab),
		linear.Pair(linear.Int(cPrevLabelWord, prevLab), linear.Str(cPrevLabelWord, t.lower)),
		linear.Pair(linear.Int(cPrevLabelPOS, prevLab), uint64(pos)),
		linear.Int(cQuoteLeft, bucketDist(left)),
		linear.Int(cQuoteRight, bucketDist(right)),
	)
	if t.cue != 0 {
		for k := lexicon.CueClass(1); k != 0 && k <= t.cue; k <<= 1 {
			if t.cue&k != 0 {
				dst = append(dst, linear.Pair(linear.Int(cCueClass, int(k)), uint64(pos)))
			}
		}
	}
	if t.noun {
		dst = append(dst, linear.Int(cCueNoun, 1))
	}
	if sentQuote {
		dst = append(dst, linear.Int(cSentQuote, 1))
	}
	if i == a {
		dst = append(dst, linear.Int(cFirst, 1))
	}
	if i == b-1 {
		dst = append(dst, linear.Int(cLast, 1))
	}
	if d.Tokens[i].Has(doc.Upper) {
		dst = append(dst, linear.Int(cShape, 1))
	}
	if i > a {
		p := &c.toks[i-1]
		ppos := d.Tokens[i-1].POS
		dst = append(dst,
			linear.Str(cPrevWord, p.lower),
			linear.Int(cPrevPOS, int(ppos)),
			linear.Pair(linear.Int(cPOSPrevCur, int(ppos)), uint64(pos)),
			linear.Int(cPrevQuote, int(p.quote)),
		)
		if p.cue != 0 {
			dst = append(dst, linear.Int(cPrevLemmaCue, int(p.cue)))
		}
	} else {
		dst = append(dst, linear.Str(cPrevWord, "<s>"))
	}
	if i+1 < b {
		n := &c.toks[i+1]
		npos := d.Tokens[i+1].POS
		dst = append(dst,
			linear.Str(cNextWord, n.lower),
			linear.Int(cNextPOS, int(npos)),
			linear.Pair(linear.Int(cPOSCurNext, int(pos)), uint64(npos)),
			linear.Int(cNextQuote, int(n.quote)),
		)
		if n.cue != 0 {
			dst = append(dst, linear.Int(cNextLemmaCue, int(n.cue)))
		}
	} else {
		dst = append(dst, linear.Str(cNextWord, "</s>"))
	}
	if i > a+1 {
		dst = append(dst, linear.Str(cPrev2Word, c.toks[i-2].lower))
	}
	// Lexical conjunctions: the lemma with its neighbours.
	lem := linear.Str(cLemma, t.lemma)
	nextW, prevW := "</s>", "<s>"
	var nextPOS, prevPOS doc.POS
	if i+1 < b {
		nextW, nextPOS = c.toks[i+1].lower, d.Tokens[i+1].POS
	}
	if i > a {
		prevW, prevPOS = c.toks[i-1].lower, d.Tokens[i-1].POS
	}
	dst = append(dst,
		linear.Pair(lem, linear.Str(cLemmaNext, nextW)),
		linear.Pair(lem, linear.Str(cLemmaPrev, prevW)),
		linear.Pair(lem, linear.Int(cLemmaNextPOS, int(nextPOS))),
		linear.Pair(linear.Pair(linear.Int(cPOSTri, int(prevPOS)), uint64(pos)), uint64(nextPOS)),
		linear.Pair(lem, linear.Int(cLemmaQuote, int(t.quote)|b2i(sentQuote)<<4)),
	)
	if len(t.lower) > 3 {
		dst = append(dst, linear.Str(cSuffix, t.lower[len(t.lower)-3:]))
	}
	// Who could be speaking: a mention ending just before (the subject)
	// or starting just after (an inverted subject: "said Putin").
	if i > a && c.toks[i-1].mEnd != mNone {
		dst = append(dst, linear.Pair(linear.Int(cPrevMention, int(c.toks[i-1].mEnd)), uint64(pos)))
	}
	if i+1 < b && c.toks[i+1].mStart != mNone {
		dst = append(dst, linear.Pair(linear.Int(cNextMention, int(c.toks[i+1].mStart)), uint64(pos)))
	}
	dst = append(dst, linear.Pair(linear.Int(cCompAhead, compAhead(c, i, b)), uint64(pos)))
	dst = append(dst, linear.Pair(linear.Int(cSubjBehind, subjBehind(c, i, a)), uint64(pos)))
	if i+2 < b {
		dst = append(dst, linear.Str(cNext2Word, c.toks[i+2].lower))
	}
	// What is around a cue word, whatever the word: the lexicon classes
	// of the words before and after, with this token's tag (an auxiliary
	// before a cue verb, a particle after it), and the previous label
	// with the tags of both tokens.
	if i > a && c.toks[i-1].cue != 0 {
		dst = append(dst, linear.Pair(linear.Int(cPrevClassPOS, int(c.toks[i-1].cue)), uint64(pos)))
	}
	if i+1 < b && c.toks[i+1].cue != 0 {
		dst = append(dst, linear.Pair(linear.Int(cNextClassPOS, int(c.toks[i+1].cue)), uint64(pos)))
	}
	if i+2 < b && c.toks[i+2].cue != 0 {
		dst = append(dst, linear.Pair(linear.Int(cNext2ClassPOS, int(c.toks[i+2].cue)), uint64(pos)))
	}
	dst = append(dst, linear.Pair(linear.Pair(linear.Int(cPrevLabelTags, prevLab), uint64(prevPOS)), uint64(pos)))
	return dst
}

// quoteDists returns the distance from token i to the nearest quotation
// mark in sentence [a, b), left and right (-1 for none within 12 tokens).
func quoteDists(c *context, i, a, b int) (left, right int) {
	left, right = -1, -1
	if j := int(c.prevMark[i]); j >= a && j >= i-12 {
		left = i - j
	}
	if j := int(c.nextMark[i]); j < b && j < i+12 {
		right = j - i
	}
	return left, right
}

// compAhead returns what first follows token i within six tokens of its
// sentence (which ends at b): a that-clause (1), a colon (2), a quotation
// (3), "to" (4), or none of them (0).
func compAhead(c *context, i, b int) int {
	if j := int(c.nextComp[i]); j < b && j <= i+6 {
		return int(c.toks[j].comp)
	}
	return 0
}

// compKind returns what token t begins, as compAhead counts it: a
// that-clause (1), a colon (2), a quotation (3), "to" (4), or none of
// them (0).
func compKind(t *tokInfo) uint8 {
	switch {
	case t.lower == "that":
		return 1
	case t.lower == ":":
		return 2
	case t.quote&qOpen != 0:
		return 3
	case t.lower == "to":
		return 4
	}
	return 0
}

// subjBehind returns where a name, noun or personal pronoun that could be
// the subject of token i lies within three tokens before it in its
// sentence (which starts at a): 1 just before, up to 3; 0 for none.
func subjBehind(c *context, i, a int) int {
	if j := int(c.prevSubj[i]); j >= a && j >= i-3 {
		return 1 + (i - 1 - j)
	}
	return 0
}

// subjectTag reports the tags of the words that may end a subject, as
// subjBehind counts them: a name, a noun or a personal pronoun.
func subjectTag(p doc.POS) bool {
	return p == doc.TagNNP || p == doc.TagPRP || p == doc.TagNNS || p == doc.TagNN
}

func bucketDist(n int) int {
	if n < 0 {
		return -1
	}
	return bucket(n)
}

// scorer is what decoding needs of a model: the Model at run time, the
// Trainer while training.
type scorer interface {
	Score(feats []uint64, scores []float32)
}

// cueSpan is one cue found by the tagger, as a token range.
type cueSpan struct {
	a, b  int
	score float32 // the tagger's margin for starting the cue (> 0: it would without bias)
}

// tagCues runs the cue tagger greedily over every sentence of c and
// returns the cues found, in order, each with the tagger's margin for
// starting it. When gold is not nil (training), the labels in gold drive
// the previous-label features. fn, when not nil, is called with each
// token's scores, guess and gold label (-1 without gold).
func tagCues(c *context, ts tokScorer, gold []uint8, fn func(scores []float32, guess, gold int)) []cueSpan {
	d := c.d
	var out []cueSpan
	var scores cueVec
	ts.begin(c)
	for _, s := range d.Sentences {
		a, b := s.FirstTok, s.EndTok
		prev := labO
		cur := -1
		var curScore float32
		for i := a; i < b; i++ {
			ts.scoreTok(c, i, a, b, prev, &scores)
			guess := linear.Argmax(scores[:])
			if guess == labI && prev == labO {
				guess = labB
			}
			g := -1
			if gold != nil {
				g = int(gold[i])
			}
			if fn != nil {
				fn(scores[:], guess, g)
			}
			lab := guess
			if gold != nil {
				lab = g
			}
			margin := max(scores[labB], scores[labI]) - scores[labO]
			switch lab {
			case labB:
				if cur >= 0 {
					out = append(out, cueSpan{a: cur, b: i, score: curScore})
				}
				cur, curScore = i, margin
			case labI:
				if cur < 0 {
					cur, curScore = i, margin
				}
			default:
				if cur >= 0 {
					out = append(out, cueSpan{a: cur, b: i, score: curScore})
					cur = -1
				}
			}
			prev = lab
		}
		if cur >= 0 {
			out = append(out, cueSpan{a: cur, b: b, score: curScore})
		}
	}
	return out
}

// proposeCues returns the cues the tagger finds and, besides them, the
// tokens where starting a cue falls short by less than slack, each
// extended over the following tokens as the tagger would continue it.
// The extra candidates have a margin <= 0; the acceptance classifier
// decides which are real.
func proposeCues(c *context, ts tokScorer, slack float32) []cueSpan {
	d := c.d
	n := len(d.Tokens)
	c.marginBuf = reuse.Zeroed(c.marginBuf, n)
	margin := c.marginBuf
	k := 0
	cues := tagCues(c, ts, nil, func(sc []float32, _, _ int) {
		margin[k] = max(sc[labB], sc[labI]) - sc[labO]
		k++
	})
	c.cueMargin = margin
	c.inCue = reuse.Zeroed(c.inCue, n)
	in := c.inCue
	for _, q := range cues {
		for i := q.a; i < q.b; i++ {
			in[i] = true
		}
	}
	var scores cueVec
	out := cues
	for _, s := range d.Sentences {
		a, b := s.FirstTok, s.EndTok
		for i := a; i < b; i++ {
			if in[i] || margin[i] <= -slack || c.toks[i].quote != 0 && c.toks[i].quote != qIn {
				continue
			}
			j := i + 1
			prev := labB
			for j < b && !in[j] {
				ts.scoreTok(c, j, a, b, prev, &scores)
				if linear.Argmax(scores[:]) != labI {
					break
				}
				prev = labI
				j++
			}
			out = append(out, cueSpan{a: i, b: j, score: margin[i]})
		}
	}
	// The cues start at distinct tokens (the tagger's are disjoint, and a
	// proposal starts outside them, one a token), so that any sort gives
	// one order.
	slices.SortFunc(out, func(x, y cueSpan) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return out
}
