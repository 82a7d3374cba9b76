package attrib

import (
	"fmt"
	"math"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// The content and source of a cue are chosen by span rankers: every
// candidate span gets a score that decomposes into
//
//	boundary(start) + boundary(end) + relation(span, cue)
//
// The boundary part depends only on the token and its neighbours, so one
// 8-class model scores every token once per document (as a content or
// source start or end, left or right of its cue). The relation part ties
// the span to the cue: the words between them, the cue's lemma, the
// span's length, whether its quotation marks balance. Relation features
// with small integer domains are looked up in dense tables built once per
// decode, so scoring a candidate costs a few array reads.

// Boundary classes: a content start or end, on either side of the cue,
// for each way a content joins its cue (nearKind: a that-clause, a
// quotation, an object, …); a source start or end on either side.
const (
	roleStart = 0
	roleEnd   = 1
	numNear   = 6
	// numBoundary is the number of boundary classes.
	numBoundary = 2*2*numNear + 4
)

// contentClass returns the boundary class of a content start or end.
func contentClass(role, side, nk int) int { return (role*2+side)*numNear + nk }

// sourceClass returns the boundary class of a source start or end.
func sourceClass(role, side int) int { return 2*2*numNear + role*2 + side }

var boundaryClasses = func() []string {
	out := make([]string, numBoundary)
	for role, rn := range []string{"start", "end"} {
		for side, sn := range []string{"left", "right"} {
			for nk := 0; nk < numNear; nk++ {
				out[contentClass(role, side, nk)] = fmt.Sprintf("content-%s-%s-%d", rn, sn, nk)
			}
			out[sourceClass(role, side)] = fmt.Sprintf("source-%s-%s", rn, sn)
		}
	}
	return out
}()

const (
	sideLeft  = 0 // the span precedes the cue
	sideRight = 1 // the span follows the cue
)

// Window limits, in tokens.
const (
	contentNear    = 16  // tokens between a cue and its content's near end
	contentFar     = 160 // longest content
	sourceNear     = 24  // tokens between a cue and its source's near end
	sourceNearLeft = 48  // the same for a source before the cue, which may be the shared subject of coordinated verbs
	sourceMaxLen   = 24  // longest source (appositions run long)
	topK           = 4   // candidates kept per role for joint decoding
)

// Boundary feature templates.
const (
	bfBias uint32 = iota + 100
	bfWord
	bfPrevWord
	bfNextWord
	bfPOS
	bfPrevPOS
	bfNextPOS
	bfPOSPrevCur
	bfPOSCurNext
	bfQuote
	bfPrevQuote
	bfNextQuote
	bfSentStart
	bfSentEnd
	bfNextSentEnd
	bfParaStart
	bfParaEnd
	bfCue
	bfShape
	bfPrev2POS
	bfNext2POS
)

// boundaryFeatures appends the cue-independent features of token i as a
// span boundary.
func boundaryFeatures(dst []uint64, c *context, i int) []uint64 {
	d := c.d
	t := &c.toks[i]
	tok := d.Tokens[i]
	pos := tok.POS
	dst = append(dst,
		linear.Int(bfBias, 0),
		linear.Str(bfWord, t.lower),
		linear.Int(bfPOS, int(pos)),
		linear.Int(bfQuote, int(t.quote)),
	)
	if tok.Has(doc.SentStart) {
		dst = append(dst, linear.Int(bfSentStart, 1))
	}
	if tok.Has(doc.ParaStart) {
		dst = append(dst, linear.Int(bfParaStart, 1))
	}
	if t.sentEnd {
		dst = append(dst, linear.Int(bfSentEnd, 1))
	}
	if t.paraEnd {
		dst = append(dst, linear.Int(bfParaEnd, 1))
	}
	if t.cue != 0 {
		dst = append(dst, linear.Int(bfCue, int(t.cue)))
	}
	if tok.Has(doc.Upper) {
		dst = append(dst, linear.Int(bfShape, 1))
	}
	if i > 0 {
		p := &c.toks[i-1]
		ppos := d.Tokens[i-1].POS
		dst = append(dst,
			linear.Str(bfPrevWord, p.lower),
			linear.Int(bfPrevPOS, int(ppos)),
			linear.Pair(linear.Int(bfPOSPrevCur, int(ppos)), uint64(pos)),
			linear.Int(bfPrevQuote, int(p.quote)),
		)
		if i > 1 {
			dst = append(dst, linear.Int(bfPrev2POS, int(d.Tokens[i-2].POS)))
		}
	}
	if i+1 < len(d.Tokens) {
		n := &c.toks[i+1]
		npos := d.Tokens[i+1].POS
		dst = append(dst,
			linear.Str(bfNextWord, n.lower),
			linear.Int(bfNextPOS, int(npos)),
			linear.Pair(linear.Int(bfPOSCurNext, int(pos)), uint64(npos)),
			linear.Int(bfNextQuote, int(n.quote)),
		)
		if n.sentEnd {
			dst = append(dst, linear.Int(bfNextSentEnd, 1))
		}
		if i+2 < len(d.Tokens) {
			dst = append(dst, linear.Int(bfNext2POS, int(d.Tokens[i+2].POS)))
		}
	}
	return dst
}

// Relation feature templates. Those marked dense have a small integer
// value domain and are read from tables while decoding.
const (
	rfSideCue uint32 = iota + 200
	rfSideCuePOS
	rfGap
	rfGapPOS
	rfGapCue
	rfSrcSideCue
	rfSrcGap
	rfSrcGapPOS
	rfSrcNoneCue
	rfSrcNonePOS
	rfSrcNoneFirst
	rfSrcNoneGapLeft
	firstDense // dense templates follow
)

// Dense templates and their domain sizes (value = side*size + x).
const (
	dContentLen = iota
	dContentGapLen
	dContentSents
	dContentQuotes
	dContentWhole
	dContentHasCue
	dContentNextCue
	dContentFarNear
	dContentFarPOS
	dContentClauses
	dSourceLen
	dSourceGapLen
	dSourceHead
	dSourceFirst
	dSourceComma
	dSourceVerb
	dSourceQuoted
	dSourceCuesBetween
	dSourceCoord
	dSourceParticiple
	dSourceMention
	numDense
)

var denseSize = [numDense]int{
	dContentLen:        11,
	dContentGapLen:     11,
	dContentSents:      5,
	dContentQuotes:     8,
	dContentWhole:      4,
	dContentHasCue:     2,
	dContentNextCue:    8,
	dContentFarNear:    8 * 6,
	dContentFarPOS:     6 * doc.NumPOS,
	dContentClauses:    3 * numNear,
	dSourceLen:         11,
	dSourceGapLen:      11,
	dSourceHead:        doc.NumPOS,
	dSourceFirst:       doc.NumPOS,
	dSourceComma:       2,
	dSourceVerb:        2,
	dSourceQuoted:      2,
	dSourceCuesBetween: 3,
	dSourceCoord:       4,
	dSourceParticiple:  4,
	dSourceMention:     3 * int(numMention),
}

func denseFeature(tmpl, side, x int) uint64 {
	return linear.Int(uint32(firstDense)+uint32(tmpl), side*denseSize[tmpl]+x)
}

// tables holds the dense relation weights for one decode, and for each
// side the most the content pair terms can add (a bound that lets the
// decoder skip pairs that cannot make the list).
type tables struct {
	w       [numDense][]float32
	pairMax [2]float32
	most    [numDense][2]float32 // each template's largest weight on each side
	// content and source hold, by side, the weights of the templates
	// the decoders' inner loops read again, in arrays of their sizes,
	// which they read without the slices' indirection.
	content [2]contentWeights
	source  [2]sourceWeights
}

// sourceWeights holds the weights of the dense source templates that a
// source candidate's far end sets, on one side.
type sourceWeights struct {
	len                 [11]float32
	head, first         [doc.NumPOS]float32
	comma, verb, quoted [2]float32
	participle          [4]float32
	mention             [3 * numMention]float32
}

// fill copies the weights of side from tb.w.
func (sw *sourceWeights) fill(tb *tables, side int) {
	tb.copyOut(side, []denseOut{
		{dSourceLen, sw.len[:]}, {dSourceHead, sw.head[:]}, {dSourceFirst, sw.first[:]},
		{dSourceComma, sw.comma[:]}, {dSourceVerb, sw.verb[:]}, {dSourceQuoted, sw.quoted[:]},
		{dSourceParticiple, sw.participle[:]}, {dSourceMention, sw.mention[:]},
	})
}

// denseOut is where copyOut copies the weights of a dense template.
type denseOut struct {
	t   int
	dst []float32
}

// copyOut copies the weights of each template of outs on side to its
// destination, which has the template's domain size.
func (tb *tables) copyOut(side int, outs []denseOut) {
	for _, o := range outs {
		n := denseSize[o.t]
		if len(o.dst) != n {
			panic("attrib: a dense weight array out of step with denseSize")
		}
		copy(o.dst, tb.w[o.t][side*n:(side+1)*n])
	}
}

// contentWeights holds the weights of the dense content templates on one
// side, each an array of the template's domain size.
type contentWeights struct {
	len     [11]float32
	gapLen  [11]float32
	sents   [5]float32
	quotes  [8]float32
	whole   [4]float32
	hasCue  [2]float32
	nextCue [8]float32
	farNear [8 * 6]float32
	farPOS  [6 * doc.NumPOS]float32
	clauses [3 * numNear]float32
}

// fill copies the weights of side from tb.w.
func (cw *contentWeights) fill(tb *tables, side int) {
	tb.copyOut(side, []denseOut{
		{dContentLen, cw.len[:]}, {dContentGapLen, cw.gapLen[:]}, {dContentSents, cw.sents[:]},
		{dContentQuotes, cw.quotes[:]}, {dContentWhole, cw.whole[:]}, {dContentHasCue, cw.hasCue[:]},
		{dContentNextCue, cw.nextCue[:]}, {dContentFarNear, cw.farNear[:]}, {dContentFarPOS, cw.farPOS[:]},
		{dContentClauses, cw.clauses[:]},
	})
}

// pairTemplates are the dense templates a content pair adds beyond its
// boundaries.
var pairTemplates = []int{dContentLen, dContentSents, dContentQuotes, dContentWhole, dContentHasCue,
	dContentNextCue, dContentFarNear, dContentFarPOS, dContentClauses}

// sourceTemplates are the dense templates a source candidate adds.
var sourceTemplates = []int{dSourceLen, dSourceGapLen, dSourceHead, dSourceFirst, dSourceComma, dSourceVerb,
	dSourceQuoted, dSourceCuesBetween, dSourceCoord, dSourceParticiple, dSourceMention}

func (tb *tables) build(rel scorer) {
	var one [1]uint64
	var s [1]float32
	for t := 0; t < numDense; t++ {
		n := 2 * denseSize[t]
		if cap(tb.w[t]) < n {
			tb.w[t] = make([]float32, n)
		}
		tb.w[t] = tb.w[t][:n]
		for v := 0; v < n; v++ {
			one[0] = linear.Int(uint32(firstDense)+uint32(t), v)
			rel.Score(one[:], s[:])
			tb.w[t][v] = s[0]
		}
	}
	for side := 0; side < 2; side++ {
		tb.pairMax[side] = tb.maxOf(pairTemplates, side)
		tb.maxOf(sourceTemplates, side) // sets most, which sourceRow reads
		tb.content[side].fill(tb, side)
		tb.source[side].fill(tb, side)
	}
}

// maxOf returns the most the templates can add together on a side.
func (tb *tables) maxOf(templates []int, side int) float32 {
	var sum float32
	for _, t := range templates {
		n := denseSize[t]
		m := tb.w[t][side*n]
		for _, x := range tb.w[t][side*n : (side+1)*n] {
			m = max(m, x)
		}
		tb.most[t][side] = m
		sum += m
	}
	return sum
}

func (tb *tables) get(t, side, x int) float32 { return tb.w[t][side*denseSize[t]+x] }

// span is a candidate content or source: tokens [a, b) on a side of the
// cue, and its score.
type span struct {
	a, b, side int
	score      float32
}

func (s span) none() bool { return s.b <= s.a }

// ranker scores the content and source candidates of the cues of one
// document.
type ranker struct {
	c   *context
	bnd scorer
	rel scorer
	// relM is rel when it is a model, whose weights do not change: then
	// cueKeys also sums the weights of the near features a cue fixes.
	relM   *linear.Model
	bscore []float32 // token*numBoundary + class
	bdone  []bool
	// fm bounds the far ends' boundary scores of the cue contents decodes.
	fm farMax
	tb tables
	// farEnd and farStart describe each token as a content's far end
	// (see setFar), once farDone.
	farEnd, farStart []farInfo
	farDone          bool
	// nextVerb[i] and nextRel[i] are the first finite verb and the first
	// relative pronoun at or after token i (len(tokens) when none).
	nextVerb, nextRel []int32
	// clauses[i] counts the tokens before i that start a new clause after
	// a comma (", Trump avoided …"): a subject and a finite verb.
	clauses []int32
	cueTok  []bool  // tokens inside any (unbiased) cue
	cues    []int32 // prefix counts of cueTok
	commas  []int32
	verbs   []int32
	fb      []uint64
	nb      []uint64 // near features (see nearRel)
	keys    cueKeys  // for the cues ending at token keysAt (see cueKeys)
	keysAt  int
	sc      [numBoundary]float32
	// fs, when not nil, scores the boundaries from its tables and the
	// forms of c it has set (it must hold the boundary model bnd).
	fs  *formScorer
	one [1]float32
	// contentBuf and sourceBuf hold what contents and sources return.
	contentBuf, sourceBuf [topK]span
}

// newRanker prepares the rankers for one document. tb holds the dense
// relation weights of rel; nil builds them (while training, when the
// weights change).
func newRanker(c *context, bnd, rel scorer, tb *tables, cues []cueSpan) *ranker {
	return new(ranker).reset(c, bnd, rel, tb, cues)
}

// reset makes r the ranker of c, as newRanker does, reusing r's storage.
func (r *ranker) reset(c *context, bnd, rel scorer, tb *tables, cues []cueSpan) *ranker {
	n := len(c.d.Tokens)
	r.c, r.bnd, r.rel, r.fs, r.keysAt, r.farDone = c, bnd, rel, nil, -1, false
	r.relM, _ = rel.(*linear.Model)
	if cap(r.bscore) < n*numBoundary {
		r.bscore = make([]float32, n*numBoundary) // read only where bdone is set
	}
	r.bscore = r.bscore[:n*numBoundary]
	r.bdone = reuse.Zeroed(r.bdone, n)
	r.cueTok = reuse.Zeroed(r.cueTok, n)
	r.cues = reuse.Zeroed(r.cues, n+1)
	r.commas = reuse.Zeroed(r.commas, n+1)
	r.verbs = reuse.Zeroed(r.verbs, n+1)
	for _, q := range cues {
		if q.score <= 0 {
			continue // proposed only thanks to the bias
		}
		for i := q.a; i < q.b; i++ {
			r.cueTok[i] = true
		}
	}
	for i, t := range c.d.Tokens {
		r.cues[i+1] = r.cues[i] + int32(b2i(r.cueTok[i]))
		r.commas[i+1] = r.commas[i]
		r.verbs[i+1] = r.verbs[i]
		if c.toks[i].kind&wComma != 0 {
			r.commas[i+1]++
		}
		if t.POS.IsVerb() || t.POS == doc.TagMD {
			r.verbs[i+1]++
		}
	}
	r.nextVerb = reuse.Zeroed(r.nextVerb, n+1)
	r.nextRel = reuse.Zeroed(r.nextRel, n+1)
	r.nextVerb[n], r.nextRel[n] = int32(n), int32(n)
	for i := n - 1; i >= 0; i-- {
		r.nextVerb[i], r.nextRel[i] = r.nextVerb[i+1], r.nextRel[i+1]
		switch p := c.d.Tokens[i].POS; p {
		case doc.TagVBD, doc.TagVBZ, doc.TagVBP, doc.TagMD:
			r.nextVerb[i] = int32(i)
		case doc.TagWP, doc.TagWDT, doc.TagWPS:
			r.nextRel[i] = int32(i)
		}
	}
	r.clauses = reuse.Zeroed(r.clauses, n+1)
	for i := 0; i < n; i++ {
		r.clauses[i+1] = r.clauses[i] + int32(b2i(clauseStart(c, i)))
	}
	if tb != nil {
		r.tb = *tb
	} else {
		r.tb.build(rel)
	}
	return r
}

// b returns the boundary score of token i for class k.
func (r *ranker) b(i, k int) float32 {
	if !r.bdone[i] {
		r.scoreBoundary(i)
	}
	return r.bscore[i*numBoundary+k]
}

// scoreBoundary sets the boundary scores of token i. From the tables of
// r.fs, it scores the other tokens of i's sentence too, in one run while
// the tables are in the cache: decoding reads most of a sentence once it
// reads a token of it.
func (r *ranker) scoreBoundary(i int) {
	if fs := r.fs; fs != nil && fs.bnd != nil && r.c.formsOf == fs {
		a, b := r.c.sentRange(i)
		for j := a; j < b; j++ {
			if !r.bdone[j] {
				r.scoreOne(j, fs.bnd)
			}
		}
		if !r.bdone[i] { // outside its sentence's range
			r.scoreOne(i, fs.bnd)
		}
		return
	}
	r.scoreOne(i, nil)
}

// scoreOne sets the boundary scores of token i, from bt when not nil.
func (r *ranker) scoreOne(i int, bt *bndTables) {
	if bt == nil || !bt.score(r.c, i, r.bscore[i*numBoundary:(i+1)*numBoundary]) {
		r.fb = boundaryFeatures(r.fb[:0], r.c, i)
		r.bnd.Score(r.fb, r.bscore[i*numBoundary:(i+1)*numBoundary])
	}
	r.bdone[i] = true
}

// tabled reports whether r scores boundaries from the tables of r.fs, a
// sentence at a time (see scoreBoundary): then scoring a token ahead of
// need costs little.
func (r *ranker) tabled() bool {
	fs := r.fs
	return fs != nil && fs.bnd != nil && r.c.formsOf == fs
}

// farMax holds, for the content window of one cue, the largest
// boundary score of the class a content's far end adds over every far end
// a near end may reach: right[nk][i-q.b] is the largest score of class
// contentClass(roleEnd, sideRight, nk) over the tokens [i, hi), and
// left[nk][i-lo] that of contentClass(roleStart, sideLeft, nk) over
// [lo, i), each made when first asked for (done). A content decoder adds
// one of these scores to a near end's base and then at most
// tables.pairMax: when base, the largest and pairMax cannot beat the
// list, no far end of that near end can (float addition rounds
// monotonically), and it skips them all.
type farMax struct {
	lo, hi, qa, qb int
	done           [2][numNear]bool
	right, left    [numNear][]float32
}

// reset readies m for the content window of cue q whose far ends lie in
// [lo, hi).
func (m *farMax) reset(q cueSpan, lo, hi int) {
	m.lo, m.hi, m.qa, m.qb = lo, hi, q.a, q.b
	m.done = [2][numNear]bool{}
}

// rightMax returns the largest score of class contentClass(roleEnd,
// sideRight, nk) over the tokens [near, m.hi), near >= m.qb.
func (r *ranker) rightMax(m *farMax, nk, near int) float32 {
	v := m.right[nk]
	if !m.done[sideRight][nk] {
		m.done[sideRight][nk] = true
		cls := contentClass(roleEnd, sideRight, nk)
		v = reuse.Sized(v, max(m.hi-m.qb, 0))
		best := negInf
		for i := m.hi - 1; i >= m.qb; i-- {
			best = max(best, r.b(i, cls))
			v[i-m.qb] = best
		}
		m.right[nk] = v
	}
	return v[near-m.qb]
}

// leftMax returns the largest score of class contentClass(roleStart,
// sideLeft, nk) over the tokens [m.lo, near), near <= m.qa.
func (r *ranker) leftMax(m *farMax, nk, near int) float32 {
	v := m.left[nk]
	if !m.done[sideLeft][nk] {
		m.done[sideLeft][nk] = true
		cls := contentClass(roleStart, sideLeft, nk)
		v = reuse.Sized(v, max(m.qa-m.lo+1, 0))
		best := negInf
		for i := m.lo; i <= m.qa; i++ {
			v[i-m.lo] = best
			if i < m.qa {
				best = max(best, r.b(i, cls))
			}
		}
		m.left[nk] = v
	}
	return v[near-m.lo]
}

// longGap is the gap between a cue and a span's near end beyond which the
// near features name no word or tag of the gap (they say "<long>"), so
// that they are the same for every longer gap.
const longGap = 4

// nearMemo holds the relation score of the near features of a cue's
// spans on one side at a long gap, computed once per decode.
type nearMemo struct {
	score float32
	ok    bool
}

// nearRel returns the relation score of the near features of a content
// (a source, when source) of q whose near end is at near on side: what
// relScore gives for contentNearFeatures or sourceNearFeatures, taken from
// memo at a long gap once computed there.
func (r *ranker) nearRel(q cueSpan, side, near int, source bool, memo *nearMemo) float32 {
	gap := near - q.b
	if side == sideLeft {
		gap = q.a - near
	}
	long := gap > longGap
	if long && memo.ok {
		return memo.score
	}
	var s float32
	switch k := r.cueKeys(q); {
	case r.relM != nil:
		// The sum of the cue's features, then the gap's, as relScore
		// adds them.
		if source {
			r.nb = r.sourceGapFeatures(r.nb[:0], q, side, near)
			r.one[0] = k.srcPre[side]
		} else {
			r.nb = r.contentGapFeatures(r.nb[:0], q, side, near)
			r.one[0] = k.pre[side]
		}
		r.relM.AddAll(r.nb, r.one[:])
		s = r.one[0]
	case source:
		s = r.relScore(r.sourceNearFeatures(r.nb[:0], q, side, near))
	default:
		s = r.relScore(r.contentNearFeatures(r.nb[:0], q, side, near))
	}
	if long {
		*memo = nearMemo{s, true}
	}
	return s
}

func (r *ranker) relScore(feats []uint64) float32 {
	r.rel.Score(feats, r.one[:])
	return r.one[0]
}

// gapFeature returns the feature of template tmpl for the tokens [a, b):
// their lower-case words (or tags, when pos) joined by spaces when there
// are at most max of them, else "<long>". It equals
// linear.Str(tmpl, that string) and does not allocate.
func (r *ranker) gapFeature(tmpl uint32, a, b, max int, pos bool) uint64 {
	if b-a > max {
		return linear.Str(tmpl, "<long>")
	}
	h := linear.NewHasher(tmpl)
	for i := a; i < b; i++ {
		if i > a {
			h.AddByte(' ')
		}
		if pos {
			h.WriteString(r.c.d.Tokens[i].POS.String())
		} else {
			h.WriteString(r.c.toks[i].lower)
		}
	}
	return h.Sum()
}

// contentNearFeatures appends the relation features of a content whose
// near end is at token near (the first token for a right content, one past
// the last for a left one) for cue q.
func (r *ranker) contentNearFeatures(dst []uint64, q cueSpan, side, near int) []uint64 {
	k := r.cueKeys(q)
	return r.contentGapFeatures(append(dst, k.sideCue[side], k.sideCuePOS[side]), q, side, near)
}

// contentGapFeatures appends the features contentNearFeatures lists after
// the cue's: those of the gap between the cue and near.
func (r *ranker) contentGapFeatures(dst []uint64, q cueSpan, side, near int) []uint64 {
	var ga, gb int
	if side == sideRight {
		ga, gb = q.b, near
	} else {
		ga, gb = near, q.a
	}
	dst = append(dst,
		linear.Pair(sideKeys[side].gap, r.gapFeature(rfGap, ga, gb, longGap, false)),
		linear.Pair(sideKeys[side].gapPOS, r.gapFeature(rfGapPOS, ga, gb, longGap, true)),
	)
	if gb-ga <= 2 {
		dst = append(dst, linear.Pair(r.cueKeys(q).gapCue[side], r.gapFeature(rfGapCue, ga, gb, 4, false)))
	}
	return dst
}

// cueKeys holds the hashes that the near features of the cues ending at
// one token share: they depend on the cue's last token alone.
type cueKeys struct {
	sideCue, sideCuePOS, gapCue, srcSideCue [2]uint64 // by side
	// With r.relM, the sum of the weights of sideCue and sideCuePOS (for
	// a content) and of srcSideCue (for a source), by side.
	pre, srcPre [2]float32
}

// sideKeys holds the hashes of the near features' templates paired with
// each side.
var sideKeys = func() (t [2]struct{ gap, gapPOS, srcGap, srcGapPOS uint64 }) {
	for side := range t {
		t[side].gap = linear.Int(rfGap, side)
		t[side].gapPOS = linear.Int(rfGapPOS, side)
		t[side].srcGap = linear.Int(rfSrcGap, side)
		t[side].srcGapPOS = linear.Int(rfSrcGapPOS, side)
	}
	return t
}()

// cueKeys returns the shared hashes of q's near features, made once for
// the cues that end where q does.
func (r *ranker) cueKeys(q cueSpan) *cueKeys {
	if r.keysAt == q.b {
		return &r.keys
	}
	c := r.c
	lem := c.toks[q.b-1].lemma
	lc, lg, ls := linear.Str(rfSideCue, lem), linear.Str(rfGapCue, lem), linear.Str(rfSrcSideCue, lem)
	pos := uint64(c.d.Tokens[q.b-1].POS)
	k := &r.keys
	for side := range 2 {
		k.sideCue[side] = linear.Pair(linear.Int(rfSideCue, side), lc)
		k.sideCuePOS[side] = linear.Pair(linear.Int(rfSideCuePOS, side), pos)
		k.gapCue[side] = linear.Pair(linear.Int(rfGapCue, side), lg)
		k.srcSideCue[side] = linear.Pair(linear.Int(rfSrcSideCue, side), ls)
		if m := r.relM; m != nil {
			var one [1]float32
			m.Add(k.sideCue[side], one[:])
			m.Add(k.sideCuePOS[side], one[:])
			k.pre[side] = one[0]
			one[0] = 0
			m.Add(k.srcSideCue[side], one[:])
			k.srcPre[side] = one[0]
		}
	}
	r.keysAt = q.b
	return k
}

// spanDense starts the dense feature values of a span [a, b) on a side of
// cue q: every template unset but its length and its gap to the cue.
func spanDense(q cueSpan, side, a, b, lenT, gapT int) [numDense]int {
	var v [numDense]int
	for i := range v {
		v[i] = -1
	}
	v[lenT] = bucket(b - a)
	if side == sideRight {
		v[gapT] = bucket(a - q.b)
	} else {
		v[gapT] = bucket(q.a - b)
	}
	return v
}

// contentDense returns the dense feature values of content [a, b).
func (r *ranker) contentDense(q cueSpan, side, a, b int) [numDense]int {
	c := r.c
	v := spanDense(q, side, a, b, dContentLen, dContentGapLen)
	sents := int(c.sentStarts[b] - c.sentStarts[a+1])
	if sents > 4 {
		sents = 4
	}
	v[dContentSents] = sents
	opens, closes := c.opens[b]-c.opens[a], c.closes[b]-c.closes[a]
	qs := 0
	if opens == closes {
		qs |= 1
	}
	if c.toks[a].quote&qOpen != 0 {
		qs |= 2
	}
	last := b - 1
	for last > a && c.toks[last].quote&qClose == 0 && c.toks[last].punct() {
		last--
	}
	if c.toks[last].quote&qClose != 0 {
		qs |= 4
	}
	v[dContentQuotes] = qs
	whole := 0
	if c.d.Tokens[a].Has(doc.SentStart) {
		whole |= 1
	}
	if c.toks[b-1].sentEnd || (b < len(c.toks) && c.toks[b].sentEnd && c.toks[b].punct()) {
		whole |= 2
	}
	v[dContentWhole] = whole
	v[dContentHasCue] = b2i(r.cues[b]-r.cues[a] > 0)
	// How far beyond the far end the next proposed cue lies: a content
	// often ends where another attribution begins.
	nc := r.nextCueBefore(a)
	if side == sideRight {
		nc = r.nextCueAfter(b)
	}
	v[dContentNextCue] = nc
	nk := nearKind(c, q, side, a, b)
	v[dContentFarNear] = farKind(c, side, a, b)*6 + nk
	// The word class just beyond the far end, by how the content joins
	// its cue: an object noun phrase stops before a prepositional phrase
	// about the speaking ("in a statement"), a that-clause runs on.
	var beyond doc.POS
	if side == sideRight && b < len(c.toks) {
		beyond = c.d.Tokens[b].POS
	} else if side == sideLeft && a > 0 {
		beyond = c.d.Tokens[a-1].POS
	}
	v[dContentFarPOS] = nk*doc.NumPOS + int(beyond)
	v[dContentClauses] = min(int(r.clauses[b]-r.clauses[a+1]), 2)*numNear + nk
	return v
}

func (r *ranker) denseScore(side int, v *[numDense]int) float32 {
	var s float32
	for t, x := range v {
		if x >= 0 {
			s += r.tb.get(t, side, x)
		}
	}
	return s
}

func appendDense(dst []uint64, side int, v *[numDense]int) []uint64 {
	for t, x := range v {
		if x >= 0 {
			dst = append(dst, denseFeature(t, side, x))
		}
	}
	return dst
}

// contentsRef is the plain form of contents: it scores every candidate
// with contentDense. Tests check that contents agrees with it.
func (r *ranker) contentsRef(q cueSpan) []span { return r.contentsAvoiding(q, span{}) }

// contentsAvoiding is contentsRef without the candidates that overlap
// span avoid (none when avoid is).
func (r *ranker) contentsAvoiding(q cueSpan, avoid span) []span {
	c := r.c
	pa, pb := r.contentWindow(q)
	var best topList
	var fb []uint64
	// Right of the cue.
	for near := q.b; near < pb && near < q.b+contentNear; near++ {
		fb = r.contentNearFeatures(fb[:0], q, sideRight, near)
		nk := nearKind(c, q, sideRight, near, near+1)
		base := r.b(near, contentClass(roleStart, sideRight, nk)) + r.relScore(fb)
		home := c.d.Tokens[near].Sent
		for e := near + 1; e <= pb && e <= near+contentFar; e++ {
			if c.d.Tokens[e-1].Sent != home && !endsUnit(c, e-1, pb) {
				continue
			}
			if !avoid.none() && avoid.a < e && near < avoid.b {
				continue
			}
			v := r.contentDense(q, sideRight, near, e)
			s := base + r.b(e-1, contentClass(roleEnd, sideRight, nk)) + r.denseScore(sideRight, &v)
			best.add(span{a: near, b: e, side: sideRight, score: s})
		}
	}
	// Left of the cue.
	for near := q.a; near > pa && near > q.a-contentNear; near-- {
		fb = r.contentNearFeatures(fb[:0], q, sideLeft, near)
		nk := nearKind(c, q, sideLeft, near-1, near)
		base := r.b(near-1, contentClass(roleEnd, sideLeft, nk)) + r.relScore(fb)
		home := c.d.Tokens[near-1].Sent
		for a := near - 1; a >= pa && a >= near-contentFar; a-- {
			if c.d.Tokens[a].Sent != home && !startsUnit(c, a) {
				continue
			}
			if !avoid.none() && avoid.a < near && a < avoid.b {
				continue
			}
			v := r.contentDense(q, sideLeft, a, near)
			s := base + r.b(a, contentClass(roleStart, sideLeft, nk)) + r.denseScore(sideLeft, &v)
			best.add(span{a: a, b: near, side: sideLeft, score: s})
		}
	}
	return best.list()
}

// contentWindow returns the paragraph range a content of q may take.
func (r *ranker) contentWindow(q cueSpan) (int, int) {
	c := r.c
	pa, pb := c.paraRange(q.a)
	if pb < len(c.toks) && c.toks[pb-1].kind&wColon != 0 && pb-1 >= q.b && pb-1-q.b <= contentNear {
		// "… said:" ending a paragraph introduces the next one.
		_, pb = c.paraRange(pb)
	}
	return pa, pb
}

// farInfo holds what the dense features need to know of one far end of a
// content, computed once per document rather than once per pair.
type farInfo struct {
	ok     bool  // may end (or start) a content running over sentences, the window's end aside
	whole  uint8 // the sentence-boundary bit this end contributes
	next   uint8 // dContentNextCue value
	kind   uint8 // farKind
	beyond uint8 // POS just beyond
	// skip is how far, for an end, the next end after it that is ok
	// lies, and for a start, the last start before it that is ok (at
	// most 255, beyond any content's length). A decoder that meets a far
	// end it passes over for not being ok jumps there, past the others
	// it would pass over too.
	skip    uint8
	sent    int32 // the sentence of the content's token at this end
	closeAt int32 // for an end: last token before it that is a closing mark or not punctuation (-1 for none)
}

// nextCueAfter returns how far after token e, in its paragraph, the next
// proposed cue begins (at most 6; 7 for none within 9 tokens).
func (r *ranker) nextCueAfter(e int) int {
	c := r.c
	for j := e; j < len(c.toks) && j < e+9 && !c.toks[j].paraEnd; j++ {
		if r.cueTok[j] {
			return min(j-e, 6)
		}
	}
	return 7
}

// nextCueBefore returns how far before token a, in its paragraph, the
// nearest proposed cue ends (at most 6; 7 for none within 9 tokens).
func (r *ranker) nextCueBefore(a int) int {
	c := r.c
	for j := a - 1; j >= 0 && j >= a-9; j-- {
		if r.cueTok[j] {
			return min(a-1-j, 6)
		}
		if c.toks[j].paraEnd {
			break
		}
	}
	return 7
}

// setFar sets r.farEnd (for a content ending before token e, right of
// its cue) and r.farStart (for one starting at token a, left of it), once
// per document.
func (r *ranker) setFar() {
	if r.farDone {
		return
	}
	r.farDone = true
	c := r.c
	n := len(c.toks)
	r.farEnd = reuse.Zeroed(r.farEnd, n+1)
	r.farStart = reuse.Zeroed(r.farStart, n+1)
	last := int32(-1)
	for e := 1; e <= n; e++ {
		i := e - 1
		if c.toks[i].quote&qClose != 0 || !c.toks[i].punct() {
			last = int32(i)
		}
		f := &r.farEnd[e]
		f.ok = endsUnit(c, i, n+1)
		f.sent = int32(c.d.Tokens[i].Sent)
		f.closeAt = last
		if c.toks[i].sentEnd || (e < n && c.toks[e].sentEnd && c.toks[e].punct()) {
			f.whole = 2
		}
		f.kind = uint8(farKind(c, sideRight, 0, e))
		if e < n {
			f.beyond = uint8(c.d.Tokens[e].POS)
		}
	}
	// The next cue after each far end, as nextCueAfter finds it: a scan
	// from e stops before a paragraph's last token.
	next, nextOK := -1, n+255
	for e := n; e >= 1; e-- {
		r.farEnd[e].skip = uint8(min(nextOK-e, 255))
		if r.farEnd[e].ok {
			nextOK = e
		}
		if e < n {
			switch {
			case c.toks[e].paraEnd:
				next = -1
			case r.cueTok[e]:
				next = e
			}
		}
		r.farEnd[e].next = 7
		if next >= 0 && next-e < 9 {
			r.farEnd[e].next = uint8(min(next-e, 6))
		}
	}
	// The nearest cue before each far start, as nextCueBefore finds it: a
	// scan back from a-1 stops after a paragraph's last token.
	prev := -1
	for a := 0; a < n; a++ {
		if a > 0 {
			switch {
			case r.cueTok[a-1]:
				prev = a - 1
			case c.toks[a-1].paraEnd:
				prev = -1
			}
		}
		r.farStart[a].next = 7
		if prev >= 0 && a-1-prev <= 8 {
			r.farStart[a].next = uint8(min(a-1-prev, 6))
		}
	}
	prevOK := -255
	for a := 0; a < n; a++ {
		f := &r.farStart[a]
		f.skip = uint8(min(a-prevOK, 255))
		f.ok = startsUnit(c, a)
		if f.ok {
			prevOK = a
		}
		f.sent = int32(c.d.Tokens[a].Sent)
		if c.d.Tokens[a].Has(doc.SentStart) {
			f.whole = 1
		}
		f.kind = uint8(farKind(c, sideLeft, a, 0))
		if a > 0 {
			f.beyond = uint8(c.d.Tokens[a-1].POS)
		}
	}
}

// contents returns the best content candidates of cue q, best first, in
// r's storage (valid until the next call). It computes exactly what
// contentsRef does, with the per-token parts of the dense features
// hoisted out of the pair loops.
func (r *ranker) contents(q cueSpan) []span {
	c := r.c
	pa, pb := r.contentWindow(q)
	var best topList
	var memo [2]nearMemo
	tb := &r.tb
	n := len(c.toks)
	r.setFar()
	// Bound the far ends' scores where scoring a token costs little.
	bound := r.tabled()
	if bound {
		r.fm.reset(q, max(pa, q.a-contentNear-contentFar), min(pb, q.b+contentNear+contentFar))
	}
	// Right of the cue: far ends e.
	far := r.farEnd
	bal, sentStarts, cues, clauses := c.bal, c.sentStarts, r.cues, r.clauses
	cw := &tb.content[sideRight]
	for near := q.b; near < pb && near < q.b+contentNear; near++ {
		rel := r.nearRel(q, sideRight, near, false, &memo[sideRight])
		nk := nearKind(c, q, sideRight, near, near+1)
		cls := contentClass(roleEnd, sideRight, nk)
		base := r.b(near, contentClass(roleStart, sideRight, nk)) + rel +
			cw.gapLen[bucket(near-q.b)]
		startBits := 0
		if c.toks[near].quote&qOpen != 0 {
			startBits = 2
		}
		wholeStart := 0
		if c.d.Tokens[near].Has(doc.SentStart) {
			wholeStart = 1
		}
		home := c.d.Tokens[near].Sent
		if bound && best.n == topK && base+r.rightMax(&r.fm, nk, near)+tb.pairMax[sideRight] <= best.items[topK-1].score {
			continue // no far end can enter the list (see farMax)
		}
		// What the pair terms read of near, read once.
		balNear, sentsNear, cuesNear, clausesNear := bal[near], sentStarts[near+1], cues[near], clauses[near+1]
		for e := near + 1; e <= pb && e <= near+contentFar; e++ {
			f := &far[e]
			if f.sent != home && !f.ok && e != pb { // endsUnit(c, e-1, pb)
				// So are the ends up to the next that is ok, which lie
				// beyond home too, the window's end aside.
				e = min(e+int(f.skip), pb) - 1
				continue
			}
			partial := base + r.b(e-1, cls)
			if best.n == topK && partial+tb.pairMax[sideRight] <= best.items[topK-1].score {
				continue // cannot enter the list whatever the pair terms add
			}
			qs := startBits
			if bal[e] == balNear { // as many opening marks as closing in [near, e)
				qs |= 1
			}
			lastTok := max(int(f.closeAt), near)
			if c.toks[lastTok].quote&qClose != 0 {
				qs |= 4
			}
			s := partial +
				cw.len[bucket(e-near)] +
				cw.sents[min(int(sentStarts[e]-sentsNear), 4)] +
				cw.quotes[qs] +
				cw.whole[wholeStart|int(f.whole)] +
				cw.hasCue[b2i(cues[e]-cuesNear > 0)] +
				cw.nextCue[f.next] +
				cw.farNear[int(f.kind)*6+nk] +
				cw.farPOS[nk*doc.NumPOS+int(f.beyond)] +
				cw.clauses[min(int(clauses[e]-clausesNear), 2)*numNear+nk]
			best.add(span{a: near, b: e, side: sideRight, score: s})
		}
	}
	// Left of the cue: far starts a.
	far = r.farStart
	cw = &tb.content[sideLeft]
	for near := q.a; near > pa && near > q.a-contentNear; near-- {
		rel := r.nearRel(q, sideLeft, near, false, &memo[sideLeft])
		nk := nearKind(c, q, sideLeft, near-1, near)
		cls := contentClass(roleStart, sideLeft, nk)
		base := r.b(near-1, contentClass(roleEnd, sideLeft, nk)) + rel +
			cw.gapLen[bucket(q.a-near)]
		wholeEnd := 0
		if c.toks[near-1].sentEnd || (near < n && c.toks[near].sentEnd && c.toks[near].punct()) {
			wholeEnd = 2
		}
		// The last token before near that is a closing mark or not
		// punctuation.
		lastTok := near - 1
		for lastTok >= 0 && c.toks[lastTok].quote&qClose == 0 && c.toks[lastTok].punct() {
			lastTok--
		}
		home := c.d.Tokens[near-1].Sent
		if bound && best.n == topK && base+r.leftMax(&r.fm, nk, near)+tb.pairMax[sideLeft] <= best.items[topK-1].score {
			continue // no far start can enter the list (see farMax)
		}
		balNear, sentsNear, cuesNear, clausesNear := bal[near], sentStarts[near], cues[near], clauses[near]
		for a := near - 1; a >= pa && a >= near-contentFar; a-- {
			f := &far[a]
			if f.sent != home && !f.ok {
				// So are the starts down to the last that is ok, which
				// lie before home too.
				a -= int(f.skip) - 1
				continue
			}
			partial := base + r.b(a, cls)
			if best.n == topK && partial+tb.pairMax[sideLeft] <= best.items[topK-1].score {
				continue // cannot enter the list whatever the pair terms add
			}
			qs := 0
			if bal[a] == balNear { // as many opening marks as closing in [a, near)
				qs |= 1
			}
			if c.toks[a].quote&qOpen != 0 {
				qs |= 2
			}
			if c.toks[max(lastTok, a)].quote&qClose != 0 {
				qs |= 4
			}
			s := partial +
				cw.len[bucket(near-a)] +
				cw.sents[min(int(sentsNear-sentStarts[a+1]), 4)] +
				cw.quotes[qs] +
				cw.whole[int(f.whole)|wholeEnd] +
				cw.hasCue[b2i(cuesNear-cues[a] > 0)] +
				cw.nextCue[f.next] +
				cw.farNear[int(f.kind)*6+nk] +
				cw.farPOS[nk*doc.NumPOS+int(f.beyond)] +
				cw.clauses[min(int(clausesNear-clauses[a+1]), 2)*numNear+nk]
			best.add(span{a: a, b: near, side: sideLeft, score: s})
		}
	}
	return best.appendTo(r.contentBuf[:0])
}

// clauseStart reports a token that begins a new clause after a comma: a
// subject of up to three words (a name, noun or personal pronoun at its
// end) followed by a finite verb.
func clauseStart(c *context, i int) bool {
	d := c.d
	if i == 0 || c.toks[i-1].kind&wComma == 0 {
		return false
	}
	for j := i; j < len(d.Tokens) && j < i+3; j++ {
		p := d.Tokens[j].POS
		if !(p.IsNoun() || p == doc.TagPRP || p == doc.TagDT || p.IsAdjective()) {
			return false
		}
		if (p.IsNoun() || p == doc.TagPRP) && j+1 < len(d.Tokens) {
			if d.Tokens[j+1].POS.IsFinite() {
				return true
			}
		}
	}
	return false
}

// endsUnit reports whether a content running over sentences may end at
// token i: at a sentence's end (or before its final punctuation), after a
// closing quotation mark, or at the end of the window.
func endsUnit(c *context, i, end int) bool {
	t := &c.toks[i]
	if t.sentEnd || t.quote&qClose != 0 || i+1 >= end {
		return true
	}
	n := &c.toks[i+1]
	return n.sentEnd && n.punct()
}

// startsUnit reports whether a content running over sentences may start
// at token i: at a sentence's start or at an opening quotation mark.
func startsUnit(c *context, i int) bool {
	return c.d.Tokens[i].Has(doc.SentStart) || c.toks[i].quote&qOpen != 0 ||
		i > 0 && c.d.Tokens[i-1].Has(doc.SentStart) && c.toks[i-1].punct()
}

// contentFeatures returns every relation and boundary feature of a
// content candidate (for training updates): boundary features go to
// bnd with their class, relation features to rel.
func (r *ranker) contentUpdate(q cueSpan, s span, delta float32, bnd, rel *linear.Trainer) {
	near := s.a
	if s.side == sideLeft {
		near = s.b
	}
	nk := nearKind(r.c, q, s.side, s.a, s.b)
	startCls, endCls := contentClass(roleStart, s.side, nk), contentClass(roleEnd, s.side, nk)
	r.fb = boundaryFeatures(r.fb[:0], r.c, s.a)
	bnd.Update(r.fb, startCls, delta)
	r.fb = boundaryFeatures(r.fb[:0], r.c, s.b-1)
	bnd.Update(r.fb, endCls, delta)
	r.fb = r.contentNearFeatures(r.fb[:0], q, s.side, near)
	v := r.contentDense(q, s.side, s.a, s.b)
	r.fb = appendDense(r.fb, s.side, &v)
	rel.Update(r.fb, 0, delta)
}

// sourceNearFeatures appends the relation features of a source whose near
// end is at token near, for cue q.
func (r *ranker) sourceNearFeatures(dst []uint64, q cueSpan, side, near int) []uint64 {
	return r.sourceGapFeatures(append(dst, r.cueKeys(q).srcSideCue[side]), q, side, near)
}

// sourceGapFeatures appends the features sourceNearFeatures lists after
// the cue's: those of the gap between the cue and near.
func (r *ranker) sourceGapFeatures(dst []uint64, q cueSpan, side, near int) []uint64 {
	var ga, gb int
	if side == sideRight {
		ga, gb = q.b, near
	} else {
		ga, gb = near, q.a
	}
	dst = append(dst,
		linear.Pair(sideKeys[side].srcGap, r.gapFeature(rfSrcGap, ga, gb, 3, false)),
		linear.Pair(sideKeys[side].srcGapPOS, r.gapFeature(rfSrcGapPOS, ga, gb, longGap, true)),
	)
	return dst
}

// sourceCue holds what the dense source features of a cue need that does
// not depend on the candidate.
type sourceCue struct {
	q          cueSpan
	coord      int // a coordinating conjunction just before the cue
	participle int // the cue is a participle after a comma
	sa         int // the start of the cue's sentence
}

func (r *ranker) sourceCue(q cueSpan) sourceCue {
	c := r.c
	k := sourceCue{q: q}
	for j := q.a - 1; j >= 0 && j >= q.a-2; j-- {
		if w := c.toks[j].lower; w == "and" || w == "but" || w == "or" {
			k.coord = 1
		}
	}
	// A participle after a comma (", urging …") takes the subject of its
	// sentence, which is usually where the sentence starts.
	k.participle = b2i(c.d.Tokens[q.a].POS == doc.TagVBG && q.a > 0 && c.toks[q.a-1].word == ",")
	k.sa, _ = c.sentRange(q.a)
	return k
}

// numSourceDense is the number of dense source templates, which run from
// dSourceLen to dSourceMention.
const numSourceDense = dSourceMention - dSourceLen + 1

// sourceValues returns the values of the dense source templates of
// candidate [a, b) on a side of cue k.q, in template order.
func (r *ranker) sourceValues(k *sourceCue, side, a, b int) [numSourceDense]int {
	c := r.c
	q := k.q
	var v [numSourceDense]int
	v[dSourceLen-dSourceLen] = bucket(b - a)
	if side == sideRight {
		v[dSourceGapLen-dSourceLen] = bucket(a - q.b)
	} else {
		v[dSourceGapLen-dSourceLen] = bucket(q.a - b)
	}
	v[dSourceHead-dSourceLen] = int(c.d.Tokens[b-1].POS)
	v[dSourceFirst-dSourceLen] = int(c.d.Tokens[a].POS)
	v[dSourceComma-dSourceLen] = b2i(r.commas[b]-r.commas[a] > 0)
	v[dSourceVerb-dSourceLen] = b2i(r.verbs[b]-r.verbs[a] > 0)
	v[dSourceQuoted-dSourceLen] = sourceQuoted(c, a, b)
	// Cues between the source and this cue: a subject shared by
	// coordinated verbs ("X stressed that …, and said …").
	var between int32
	if side == sideLeft {
		between = r.cues[q.a] - r.cues[b]
	} else {
		between = r.cues[a] - r.cues[q.b]
	}
	v[dSourceCuesBetween-dSourceLen] = min(int(between), 2)
	v[dSourceCoord-dSourceLen] = k.coord*2 + b2i(between > 0)
	v[dSourceParticiple-dSourceLen] = k.participle*2 + b2i(a <= k.sa+1)
	v[dSourceMention-dSourceLen] = sourceMention(c, a, b)
	return v
}

// sourceQuoted returns the dSourceQuoted value of source [a, b): 1 when
// it starts or ends inside a quotation.
func sourceQuoted(c *context, a, b int) int {
	return b2i(c.toks[a].quote&qIn != 0 || c.toks[b-1].quote&qIn != 0)
}

// sourceMention returns the dSourceMention value of source [a, b): how it
// lines up with the mentions of people and organisations (exactly one,
// ending with one, or neither) and the kind of that mention.
func sourceMention(c *context, a, b int) int {
	align, kind := 0, c.toks[b-1].mEnd
	switch {
	case c.toks[a].mStart != mNone && int(c.toks[a].mSpanEnd) == b:
		align, kind = 1, c.toks[a].mStart
	case kind != mNone:
		align = 2
	}
	return align*int(numMention) + int(kind)
}

// sourceDense returns the dense feature values of source [a, b) on a side
// of cue q.
func (r *ranker) sourceDense(q cueSpan, side, a, b int) [numDense]int {
	var v [numDense]int
	for i := range v {
		v[i] = -1
	}
	k := r.sourceCue(q)
	sv := r.sourceValues(&k, side, a, b)
	copy(v[dSourceLen:], sv[:])
	return v
}

// sourceRow holds what the near end of a source candidate fixes: the
// weights of the dense source templates whose value it fixes (the start
// of one on the right: its gap, first tag, the cues between and the
// coordination and participle values; the end of one on the left: its
// gap, head tag, the cues between and the coordination value; the others
// are left zero), and the bound of the row.
type sourceRow struct {
	w     [numSourceDense]float32
	bound float32
}

// sourceRow returns the row of the candidates of cue k.q whose near end is
// at near on side, its values made as sourceValues makes them. Its bound
// is the most that sourceScore gives for any of them: the weights of the
// templates that near fixes and the largest of the others, added in
// template order. Float addition rounds monotonically, so no candidate's
// sum exceeds it.
func (r *ranker) sourceRow(k *sourceCue, side, near int) sourceRow {
	c, q, tb := r.c, k.q, &r.tb
	var row sourceRow
	w := &row.w
	most := func(t int) float32 { return tb.most[t][side] }
	var between int32
	if side == sideRight {
		w[dSourceGapLen-dSourceLen] = tb.get(dSourceGapLen, side, bucket(near-q.b))
		w[dSourceFirst-dSourceLen] = tb.get(dSourceFirst, side, int(c.d.Tokens[near].POS))
		between = r.cues[near] - r.cues[q.b]
		w[dSourceParticiple-dSourceLen] = tb.get(dSourceParticiple, side, k.participle*2+b2i(near <= k.sa+1))
	} else {
		w[dSourceGapLen-dSourceLen] = tb.get(dSourceGapLen, side, bucket(q.a-near))
		w[dSourceHead-dSourceLen] = tb.get(dSourceHead, side, int(c.d.Tokens[near-1].POS))
		between = r.cues[q.a] - r.cues[near]
	}
	w[dSourceCuesBetween-dSourceLen] = tb.get(dSourceCuesBetween, side, min(int(between), 2))
	w[dSourceCoord-dSourceLen] = tb.get(dSourceCoord, side, k.coord*2+b2i(between > 0))
	// The bound, written out in template order.
	var b float32
	if side == sideRight {
		b += most(dSourceLen)
		b += w[dSourceGapLen-dSourceLen]
		b += most(dSourceHead)
		b += w[dSourceFirst-dSourceLen]
		b += most(dSourceComma)
		b += most(dSourceVerb)
		b += most(dSourceQuoted)
		b += w[dSourceCuesBetween-dSourceLen]
		b += w[dSourceCoord-dSourceLen]
		b += w[dSourceParticiple-dSourceLen]
		b += most(dSourceMention)
	} else {
		b += most(dSourceLen)
		b += w[dSourceGapLen-dSourceLen]
		b += w[dSourceHead-dSourceLen]
		b += most(dSourceFirst)
		b += most(dSourceComma)
		b += most(dSourceVerb)
		b += most(dSourceQuoted)
		b += w[dSourceCuesBetween-dSourceLen]
		b += w[dSourceCoord-dSourceLen]
		b += most(dSourceParticiple)
		b += most(dSourceMention)
	}
	row.bound = b
	return row
}

// rowScore returns what sourceScore returns for candidate [a, b) of row:
// the weights of the templates its near end leaves open, read here, and
// those of row, added in template order.
func (r *ranker) rowScore(k *sourceCue, row *sourceRow, side, a, b int) float32 {
	c := r.c
	sw := &r.tb.source[side]
	w := &row.w
	// The sum in template order, written out, the open templates' weights
	// read in their turn.
	var s float32
	s += sw.len[bucket(b-a)]
	s += w[dSourceGapLen-dSourceLen]
	if side == sideRight {
		s += sw.head[c.d.Tokens[b-1].POS]
		s += w[dSourceFirst-dSourceLen]
	} else {
		s += w[dSourceHead-dSourceLen]
		s += sw.first[c.d.Tokens[a].POS]
	}
	s += sw.comma[b2i(r.commas[b]-r.commas[a] > 0)]
	s += sw.verb[b2i(r.verbs[b]-r.verbs[a] > 0)]
	s += sw.quoted[sourceQuoted(c, a, b)]
	s += w[dSourceCuesBetween-dSourceLen]
	s += w[dSourceCoord-dSourceLen]
	if side == sideRight {
		s += w[dSourceParticiple-dSourceLen]
	} else {
		s += sw.participle[k.participle*2+b2i(a <= k.sa+1)]
	}
	s += sw.mention[sourceMention(c, a, b)]
	return s
}

// rowScore adds numSourceDense weights written out.
var _ = [1]struct{}{}[numSourceDense-11]

// sourceScore returns what denseScore returns for sourceDense: the
// weights of the dense source templates, added in template order.
func (r *ranker) sourceScore(k *sourceCue, side, a, b int) float32 {
	v := r.sourceValues(k, side, a, b)
	var s float32
	for t, x := range v {
		s += r.tb.get(dSourceLen+t, side, x)
	}
	return s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// noneFeatures appends the features of "this cue has no source".
func (r *ranker) noneFeatures(dst []uint64, q cueSpan) []uint64 {
	c := r.c
	sa, _ := c.sentRange(q.a)
	dst = append(dst,
		linear.Str(rfSrcNoneCue, c.toks[q.b-1].lemma),
		linear.Int(rfSrcNonePOS, int(c.d.Tokens[q.a].POS)),
		linear.Int(rfSrcNoneFirst, b2i(q.a == sa)),
		r.gapFeature(rfSrcNoneGapLeft, max(sa, q.a-2), q.a, 2, true),
	)
	return dst
}

// sources returns the best source candidates of cue q, best first, in r's
// storage (valid until the next call); a
// candidate with a == b stands for "no source".
func (r *ranker) sources(q cueSpan) []span {
	c := r.c
	sa, sb := c.sentRange(q.a)
	k := r.sourceCue(q)
	var best topList
	var memo [2]nearMemo
	r.nb = r.noneFeatures(r.nb[:0], q)
	best.add(span{a: q.a, b: q.a, side: -1, score: r.relScore(r.nb)})
	for near := q.b; near < sb && near < q.b+sourceNear; near++ {
		if r.cueTok[near] {
			break
		}
		rel := r.nearRel(q, sideRight, near, true, &memo[sideRight])
		base := r.b(near, sourceClass(roleStart, sideRight)) + rel
		row := r.sourceRow(&k, sideRight, near)
		for e := near + 1; e <= sb && e <= near+sourceMaxLen; e++ {
			if r.cueTok[e-1] {
				break
			}
			if !r.nounPhraseLike(near, e) {
				break
			}
			partial := base + r.b(e-1, sourceClass(roleEnd, sideRight))
			if best.n == topK && partial+row.bound <= best.items[topK-1].score {
				continue
			}
			best.add(span{a: near, b: e, side: sideRight, score: partial + r.rowScore(&k, &row, sideRight, near, e)})
		}
	}
	for near := q.a; near > sa && near > q.a-sourceNearLeft; near-- {
		if r.cueTok[near-1] {
			continue // a source ends before a cue, not in one
		}
		rel := r.nearRel(q, sideLeft, near, true, &memo[sideLeft])
		base := r.b(near-1, sourceClass(roleEnd, sideLeft)) + rel
		row := r.sourceRow(&k, sideLeft, near)
		for a := near - 1; a >= sa && a >= near-sourceMaxLen; a-- {
			if r.cueTok[a] {
				break
			}
			if !r.nounPhraseLike(a, near) {
				continue
			}
			partial := base + r.b(a, sourceClass(roleStart, sideLeft))
			if best.n == topK && partial+row.bound <= best.items[topK-1].score {
				continue
			}
			best.add(span{a: a, b: near, side: sideLeft, score: partial + r.rowScore(&k, &row, sideLeft, a, near)})
		}
	}
	return best.appendTo(r.sourceBuf[:0])
}

// nounPhraseLike reports whether tokens [a, b) could be a source: a
// finite verb may appear only in a relative clause inside it ("Joseph,
// who has four children"), never before one ("Trump is questioning …").
func (r *ranker) nounPhraseLike(a, b int) bool {
	v := r.nextVerb[a]
	return int(v) >= b || r.nextRel[a] < v
}

func (r *ranker) sourceUpdate(q cueSpan, s span, delta float32, bnd, rel *linear.Trainer) {
	if s.none() {
		r.fb = r.noneFeatures(r.fb[:0], q)
		rel.Update(r.fb, 0, delta)
		return
	}
	near := s.a
	if s.side == sideLeft {
		near = s.b
	}
	r.fb = boundaryFeatures(r.fb[:0], r.c, s.a)
	bnd.Update(r.fb, sourceClass(roleStart, s.side), delta)
	r.fb = boundaryFeatures(r.fb[:0], r.c, s.b-1)
	bnd.Update(r.fb, sourceClass(roleEnd, s.side), delta)
	r.fb = r.sourceNearFeatures(r.fb[:0], q, s.side, near)
	v := r.sourceDense(q, s.side, s.a, s.b)
	r.fb = appendDense(r.fb, s.side, &v)
	rel.Update(r.fb, 0, delta)
}

// topList keeps the topK best spans.
type topList struct {
	items [topK]span
	n     int
}

func (t *topList) add(s span) {
	if t.n == topK && s.score <= t.items[t.n-1].score {
		return
	}
	i := t.n
	if t.n < topK {
		t.n++
	} else {
		i = topK - 1
	}
	for i > 0 && t.items[i-1].score < s.score {
		t.items[i] = t.items[i-1]
		i--
	}
	t.items[i] = s
}

func (t *topList) list() []span { return t.appendTo(nil) }

// appendTo appends t's spans, best first, to dst.
func (t *topList) appendTo(dst []span) []span { return append(dst, t.items[:t.n]...) }

func isPunctWord(w string) bool {
	switch w {
	case ".", ",", ";", ":", "!", "?", "...", "--", ")", "(":
		return true
	}
	return false
}

var negInf = float32(math.Inf(-1))

// farKind classifies the far end of a content: what lies just beyond it.
func farKind(c *context, side, a, b int) int {
	if side == sideLeft {
		if c.d.Tokens[a].Has(doc.SentStart) {
			return 0
		}
		switch p := &c.toks[a-1]; {
		case p.quote&qClose != 0:
			return 1
		case p.kind&wComma != 0:
			return 2
		case p.kind&wColon != 0:
			return 3
		case p.kind&wAndBut != 0:
			return 4
		case p.punct():
			return 5
		}
		return 6
	}
	if c.toks[b-1].sentEnd {
		return 0
	}
	if b < len(c.toks) {
		n := &c.toks[b]
		switch {
		case n.sentEnd && n.punct():
			return 7
		case n.kind&wComma != 0:
			return 2
		case n.kind&wAndBut != 0:
			return 4
		case n.quote&qOpen != 0:
			return 1
		case n.punct():
			return 5
		}
	}
	return 6
}

// nearKind classifies what joins a content to its cue.
func nearKind(c *context, q cueSpan, side, a, b int) int {
	if side == sideLeft {
		if b == q.a {
			return 0
		}
		if c.toks[b-1].quote&qClose != 0 || c.toks[b-1].kind&wComma != 0 && b >= 2 && c.toks[b-2].quote&qClose != 0 {
			return 1
		}
		return 2
	}
	switch w := c.toks[a].lower; {
	case w == "that":
		return 3
	case c.toks[a].quote&qOpen != 0:
		return 4
	case a > 0 && c.toks[a-1].kind&wColon != 0:
		return 5
	}
	if a == q.b {
		return 0
	}
	return 2
}
