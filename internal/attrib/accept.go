package attrib

import (
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
	dst = acceptHead(dst, c, k)
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
	return acceptTail(dst, c, k)
}

// acceptHead appends the features acceptFeatures lists before the cue
// features.
func acceptHead(dst []uint64, c *context, k candidate) []uint64 {
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
	dst = append(dst,
		linear.Int(aBias, 0),
		linear.Int(aMargin, mb),
		linear.Str(aLemma, lem),
		linear.Int(aPOS, int(d.Tokens[k.cue.b-1].POS)),
		linear.Int(aCueLen, min(k.cue.b-k.cue.a, 4)),
		linear.Int(aContentSide, ct.side),
		linear.Int(aContentLen, bucket(ct.b-ct.a)),
		linear.Int(aContentKind, kind),
		linear.Int(aContentScore, scoreBucket(ct.score/10)),
		linear.Int(aSourceScore, scoreBucket(k.source.score/10)),
		linear.Pair(linear.Str(aLemmaSide, lem), uint64(ct.side+1)),
		linear.Pair(linear.Str(aLemmaKind, lem), uint64(kind)),
		linear.Pair(linear.Int(aMarginKind, mb), uint64(kind)),
		linear.Int(aInQuote, int(c.toks[k.cue.a].quote&qIn)),
	)
	if !ct.none() {
		dst = append(dst, linear.Str(aContentFirst, c.toks[ct.a].lower))
	}
	return dst
}

// acceptTail appends the features acceptFeatures lists after the cue
// features.
func acceptTail(dst []uint64, c *context, k candidate) []uint64 {
	d := c.d
	if k.source.none() {
		dst = append(dst, linear.Int(aSourceNone, 1))
	} else {
		dst = append(dst,
			linear.Int(aSourceHead, int(d.Tokens[k.source.b-1].POS)),
			linear.Int(aSourceLen, bucket(k.source.b-k.source.a)),
		)
	}
	return dst
}

// acceptScorer scores candidates with the acceptance classifier m: what
// m.Score gives for acceptFeatures, bit for bit
// (TestAcceptScorer_SameAsFeatures), but with the weights of the cue
// features with a small domain read from tables, as the cue tagger's
// formScorer reads its own, rather than hashed and looked up in m's
// large table. It is safe for concurrent use.
type acceptScorer struct {
	m *linear.Model
	// The tables of m for the cue features of a cue's first token and,
	// paired with lastPair, of its last.
	first, last formScorer
}

func newAcceptScorer(m *linear.Model) *acceptScorer {
	s := &acceptScorer{m: m, first: formScorer{m: m}, last: formScorer{m: m, pair: lastPair}}
	s.first.tables()
	s.last.tables()
	return s
}

// margin returns the classifier's margin for accepting k (the accept
// score less the reject score); fb is scratch space for features.
func (s *acceptScorer) margin(c *context, k candidate, fb *[]uint64) float32 {
	var sc cueVec // the scores of reject and accept, and a lane unused
	*fb = acceptHead((*fb)[:0], c, k)
	s.m.AddAll(*fb, sc[:2])
	sa, sb := c.sentRange(k.cue.a)
	s.first.addCueFeatures(c, k.cue.a, sa, sb, labO, &sc)
	if k.cue.b-1 > k.cue.a {
		s.last.addCueFeatures(c, k.cue.b-1, sa, sb, labI, &sc)
	}
	*fb = acceptTail((*fb)[:0], c, k)
	s.m.AddAll(*fb, sc[:2])
	return sc[1] - sc[0]
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
