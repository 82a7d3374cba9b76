package quantity

import (
	_ "embed"
	"fmt"
	"math/bits"
	"strings"
)

//go:embed data/context.tsv
var contextTSV string

// maxKinds is how many kinds a Context can hold (one bit each).
const maxKinds = 32

// Context is a lexicon of context words: for each word, the kinds of unit
// ("temperature", "data", "money") it makes more likely when it stands
// near a unit form that several units share. It is read-only after
// construction and safe for concurrent use.
type Context struct {
	kinds  []string          // a kind's index is its bit in words
	words  map[string]uint32 // word (lower case) → kinds
	filter WordFilter        // the keys of words
}

// ParseContext reads a context lexicon in the format of data/context.tsv:
// lines "kind<TAB>word|word|...", '#' comments and blank lines.
func ParseContext(src string) (*Context, error) {
	c := &Context{words: map[string]uint32{}}
	err := eachLine(src, func(n int, line string) error {
		kind, list, ok := strings.Cut(line, "\t")
		if !ok || kind == "" || list == "" {
			return fmt.Errorf("context: line %d: want a kind, a tab and words", n)
		}
		if c.kind(kind) >= 0 {
			return fmt.Errorf("context: line %d: kind %q twice", n, kind)
		}
		if len(c.kinds) == maxKinds {
			return fmt.Errorf("context: line %d: more than %d kinds", n, maxKinds)
		}
		bit := uint32(1) << len(c.kinds)
		c.kinds = append(c.kinds, kind)
		for _, w := range strings.Split(list, "|") {
			if w == "" || w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
				return fmt.Errorf("context: line %d: bad word %q (want one lower-case word)", n, w)
			}
			c.words[w] |= bit
			c.filter.Add(w)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// kind returns the index of a kind, or -1.
func (c *Context) kind(name string) int {
	for i, k := range c.kinds {
		if k == name {
			return i
		}
	}
	return -1
}

// Kinds returns the kinds c has words for, in file order.
func (c *Context) Kinds() []string { return c.kinds }

// KindsOf returns the kinds (as bits, in the order of Kinds) that the
// lower-case word w makes more likely, also when w adds an ending -s,
// -es, -d, -ed or -ing to a listed word.
func (c *Context) KindsOf(w string) uint32 {
	if c == nil || w == "" {
		return 0
	}
	if k := c.lookup(w); k != 0 {
		return k
	}
	n := len(w)
	var k uint32
	switch {
	case n > 3 && strings.HasSuffix(w, "ing"):
		k = c.lookup(w[:n-3])
	case n > 2 && strings.HasSuffix(w, "ed"):
		k = c.lookup(w[:n-2]) | c.lookup(w[:n-1])
	case n > 2 && strings.HasSuffix(w, "es"):
		k = c.lookup(w[:n-2]) | c.lookup(w[:n-1])
	case n > 1 && (w[n-1] == 's' || w[n-1] == 'd'):
		k = c.lookup(w[:n-1])
	}
	return k
}

func (c *Context) lookup(w string) uint32 {
	if !c.filter.MayHave(w) {
		return 0
	}
	return c.words[w]
}

// kindScores are the context scores of one sentence, by kind index.
type kindScores [maxKinds]int16

// contextScores returns the context scores around byte p: each context
// word of p's sentence counts 2 for its kinds, each of the sentence
// before counts 1 (without sentences, the words from 120 bytes before p
// to 60 after count 2). The scores of the last sentence asked about are
// kept, so asking again costs nothing.
func (r *run) contextScores(p int) *kindScores {
	s := r.d.SentenceAt(p)
	if s >= 0 && r.ctxValid && r.ctxSentence == s {
		return &r.ctx
	}
	r.ctx = kindScores{}
	r.ctxValid, r.ctxSentence = s >= 0, s
	if s < 0 {
		r.addScores(max(0, p-120), min(len(r.t.Src), p+60), 2)
		return &r.ctx
	}
	if s > 0 {
		prev := r.d.Sentences[s-1].Span
		r.addScores(prev.Start, prev.End, 1)
	}
	cur := r.d.Sentences[s].Span
	r.addScores(cur.Start, cur.End, 2)
	return &r.ctx
}

// addScores adds weight to the scores of the kinds of each context word
// that starts in bytes [from, to).
func (r *run) addScores(from, to int, weight int16) {
	c := r.f.context
	t := &r.t
	for k := r.wordAt(from); k < len(t.Words) && t.Words[k].Start < to; k++ {
		kinds := c.KindsOf(t.W(k))
		for kinds != 0 {
			b := bits.TrailingZeros32(kinds)
			r.ctx[b] += weight
			kinds &^= 1 << b
		}
	}
}

// kindScore returns the context score at byte p of the kind of unit
// index x (0 for a kind the context lexicon does not list).
func (r *run) kindScore(sc *kindScores, x int) int16 {
	if k := r.f.unitKind[x]; k >= 0 {
		return sc[k]
	}
	return 0
}

// choose returns the reading of a form that several units share (alts,
// the unit read without context first) that the context at byte p
// favours: the unit whose kind scores highest, the first on a tie. It
// also returns that score.
func (r *run) choose(alts []int, p int) (*Unit, int16) {
	sc := r.contextScores(p)
	best, bestScore := alts[0], r.kindScore(sc, alts[0])
	for _, x := range alts[1:] {
		if s := r.kindScore(sc, x); s > bestScore {
			best, bestScore = x, s
		}
	}
	return &r.f.units.list[best], bestScore
}

// kindFavoured reports whether the context at byte p scores the kind a
// (by name) above the kind b: "degrees" in a sentence about the weather
// are a temperature, not an angle.
func (r *run) kindFavoured(a, b string, p int) bool {
	c := r.f.context
	if c == nil {
		return false
	}
	ka, kb := c.kind(a), c.kind(b)
	if ka < 0 {
		return false
	}
	sc := r.contextScores(p)
	if kb < 0 {
		return sc[ka] > 0
	}
	return sc[ka] > sc[kb]
}
