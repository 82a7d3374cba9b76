package attrib

import (
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// The cue tagger runs with a bias towards cues, so it proposes more
// candidates than there are attributions; an acceptance classifier then
// looks at each candidate together with the content and source the
// rankers chose for it, and keeps the ones that form a real attribution.
// The classifier is trained on candidates the tagger proposes for
// articles it was not trained on (k-fold), so it sees realistic mistakes.

// proposeSlack is how far short of starting a cue a token may fall and
// still be proposed as one (in the tagger's score units).
const proposeSlack = 15

var acceptClasses = []string{"reject", "accept"}

// Acceptance feature templates.
const (
	aBias uint32 = iota + 300
	aMargin
	aLemma
	aPOS
	aCueLen
	aContentSide
	aContentLen
	aContentKind
	aContentFirst
	aContentScore
	aSourceNone
	aSourceHead
	aSourceLen
	aInQuote
	aLemmaSide
	aLemmaKind
	aMarginKind
	aSourceScore
)

// lastPair is paired with the cue features of a cue's last token, so
// that the classifier weighs them apart from its first token's.
const lastPair = 77

// acceptFeatures appends the features of a decoded candidate.
func acceptFeatures(dst []uint64, c *context, k candidate) []uint64 {
	o := acceptOut{dst: dst}
	acceptHead(&o, c, k)
	dst = o.dst
	// The tagger's view of the cue's first and last tokens, in this
	// classifier's own weights.
	sa, sb := c.sentRange(k.cue.a)
	dst = cueFeatures(dst, c, k.cue.a, sa, sb, labO)
	if k.cue.b-1 > k.cue.a {
		n := len(dst)
		dst = cueFeatures(dst, c, k.cue.b-1, sa, sb, labI)
		for i := n; i < len(dst); i++ {
			dst[i] = linear.Pair(dst[i], lastPair)
		}
	}
	o.dst = dst
	acceptTail(&o, c, k)
	return o.dst
}

// acceptOut takes the acceptance features acceptHead and acceptTail
// give, in order: it appends them to dst or, with tables, adds their
// weights to sc.
type acceptOut struct {
	dst []uint64
	t   *acceptScorer
	sc  cueVec // the scores of reject and accept, and a lane unused
}

// int takes the feature linear.Int(tmpl, v): from t's table of tmpl when
// it has v.
func (o *acceptOut) int(tmpl uint32, v int) {
	if o.t == nil {
		o.dst = append(o.dst, linear.Int(tmpl, v))
		return
	}
	if tb := &o.t.ints[tmpl-aBias]; v >= tb.lo && v-tb.lo < len(tb.w) {
		o.sc.add(&tb.w[v-tb.lo])
		return
	}
	o.t.m.Add(linear.Int(tmpl, v), o.sc[:])
}

// feat takes feature f.
func (o *acceptOut) feat(f uint64) {
	if o.t == nil {
		o.dst = append(o.dst, f)
		return
	}
	o.t.m.Add(f, o.sc[:])
}

// acceptHead gives o the features acceptFeatures lists before the cue
// features.
func acceptHead(o *acceptOut, c *context, k candidate) {
	d := c.d
	lem := c.toks[k.cue.b-1].lemma
	kind := 0
	ct := k.content
	if !ct.none() {
		opens := c.opens[ct.b] - c.opens[ct.a]
		switch {
		case opens > 0 && c.toks[ct.a].quote&qOpen != 0:
			kind = 1
		case opens > 0:
			kind = 2
		default:
			kind = 3
		}
	}
	mb := scoreBucket(k.cue.score / 10)
	o.int(aBias, 0)
	o.int(aMargin, mb)
	o.feat(linear.Str(aLemma, lem))
	o.int(aPOS, int(d.Tokens[k.cue.b-1].POS))
	o.int(aCueLen, min(k.cue.b-k.cue.a, 4))
	o.int(aContentSide, ct.side)
	o.int(aContentLen, bucket(ct.b-ct.a))
	o.int(aContentKind, kind)
	o.int(aContentScore, scoreBucket(ct.score/10))
	o.int(aSourceScore, scoreBucket(k.source.score/10))
	o.feat(linear.Pair(linear.Str(aLemmaSide, lem), uint64(ct.side+1)))
	o.feat(linear.Pair(linear.Str(aLemmaKind, lem), uint64(kind)))
	o.feat(linear.Pair(linear.Int(aMarginKind, mb), uint64(kind)))
	o.int(aInQuote, int(c.toks[k.cue.a].quote&qIn))
	if !ct.none() {
		o.feat(linear.Str(aContentFirst, c.toks[ct.a].lower))
	}
}

// acceptTail gives o the features acceptFeatures lists after the cue
// features.
func acceptTail(o *acceptOut, c *context, k candidate) {
	if k.source.none() {
		o.int(aSourceNone, 1)
		return
	}
	o.int(aSourceHead, int(c.d.Tokens[k.source.b-1].POS))
	o.int(aSourceLen, bucket(k.source.b-k.source.a))
}

// acceptScorer scores candidates with the acceptance classifier m: what
// m.Score gives for acceptFeatures, bit for bit
// (TestAcceptScorer_SameAsFeatures), but with the weights of the
// features with a small domain (tags, buckets, quote states) read from
// tables, as the cue tagger's formScorer reads its own, rather than
// hashed and looked up in m's large table. It is safe for concurrent use.
type acceptScorer struct {
	m *linear.Model
	// The tables of m for the cue features of a cue's first token and,
	// paired with lastPair, of its last.
	first, last formScorer
	// ints holds, by template (less aBias), the weights of the features
	// linear.Int(template, v) for v from lo.
	ints [aSourceScore - aBias + 1]struct {
		lo int
		w  []cueVec
	}
}

// acceptRanges gives the values acceptScorer's tables hold for the
// acceptance templates of integers (beyond any value they take):
// templates not listed have none.
var acceptRanges = map[uint32][2]int{
	aBias: {0, 1}, aMargin: {-4, 4}, aPOS: {0, doc.NumPOS}, aCueLen: {0, 5},
	aContentSide: {-2, 3}, aContentLen: {-4, 11}, aContentKind: {0, 4}, aContentScore: {-4, 4},
	aSourceScore: {-4, 4}, aInQuote: {0, 8}, aSourceNone: {0, 2}, aSourceHead: {0, doc.NumPOS},
	aSourceLen: {-4, 11},
}

func newAcceptScorer(m *linear.Model) *acceptScorer {
	s := &acceptScorer{m: m, first: formScorer{m: m}, last: formScorer{m: m, pair: lastPair}}
	s.first.tables()
	s.last.tables()
	for tmpl, r := range acceptRanges {
		tb := &s.ints[tmpl-aBias]
		tb.lo = r[0]
		for v := r[0]; v < r[1]; v++ {
			tb.w = append(tb.w, cueVecOf(m, linear.Int(tmpl, v)))
		}
	}
	return s
}

// margin returns the classifier's margin for accepting k (the accept
// score less the reject score).
func (s *acceptScorer) margin(c *context, k candidate) float32 {
	o := acceptOut{t: s}
	acceptHead(&o, c, k)
	sa, sb := c.sentRange(k.cue.a)
	s.first.addCueFeatures(c, k.cue.a, sa, sb, labO, &o.sc)
	if k.cue.b-1 > k.cue.a {
		s.last.addCueFeatures(c, k.cue.b-1, sa, sb, labI, &o.sc)
	}
	acceptTail(&o, c, k)
	return o.sc[1] - o.sc[0]
}

func scoreBucket(x float32) int {
	switch {
	case x < -8:
		return -4
	case x < -4:
		return -3
	case x < -2:
		return -2
	case x < 0:
		return -1
	case x < 2:
		return 0
	case x < 4:
		return 1
	case x < 8:
		return 2
	}
	return 3
}
