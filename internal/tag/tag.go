// Package tag assigns Penn Treebank part-of-speech tags to tokens with a
// greedy averaged-perceptron tagger, trained on the CoreNLP tags of the
// PolNeAR training split (silver data: CoreNLP's own accuracy on news is
// about 97%). The model is embedded in the binary and loaded once.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

//go:embed model/pos.vblm
var embedded []byte

// Tagger tags tokens. It is immutable and safe for concurrent use.
type Tagger struct {
	m    *linear.Model
	tags []doc.POS // class index -> tag
}

// Default returns the embedded tagger, loaded once.
var Default = sync.OnceValues(func() (*Tagger, error) {
	m, err := linear.Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return New(m)
})

// New returns a tagger that runs model m, whose classes are tag names.
func New(m *linear.Model) (*Tagger, error) {
	t := &Tagger{m: m, tags: make([]doc.POS, len(m.Classes))}
	for i, c := range m.Classes {
		p, ok := doc.ParsePOS(c)
		if !ok {
			return nil, fmt.Errorf("tag: model class %q is not a Penn Treebank tag", c)
		}
		t.tags[i] = p
	}
	return t, nil
}

// Tag sets the POS of every token of d, sentence by sentence.
func (t *Tagger) Tag(d *doc.Document) {
	var words []string
	var out []doc.POS
	for _, s := range d.Sentences {
		words = words[:0]
		for _, tok := range d.Tokens[s.FirstTok:s.EndTok] {
			words = append(words, d.Text[tok.Start:tok.End])
		}
		out = t.TagWords(words, out[:0])
		for i, p := range out {
			d.Tokens[s.FirstTok+i].POS = p
		}
	}
}

// TagWords appends the tags of one sentence's words to dst.
func (t *Tagger) TagWords(words []string, dst []doc.POS) []doc.POS {
	var fb [32]uint64
	scores := make([]float32, len(t.m.Classes))
	prev, prev2 := "<s>", "<s>"
	for i := range words {
		feats := Features(fb[:0], words, i, prev, prev2)
		t.m.Score(feats, scores)
		p := t.tags[linear.Argmax(scores)]
		dst = append(dst, p)
		prev2, prev = prev, p.String()
	}
	return dst
}

// Feature templates. Their numbers are part of the model format.
const (
	fBias uint32 = iota + 1
	fWord
	fSuffix3
	fSuffix2
	fPrefix1
	fShape
	fPrevTag
	fPrevTags
	fPrevTagWord
	fPrevWord
	fPrevSuffix
	fPrev2Word
	fNextWord
	fNextSuffix
	fNext2Word
	fFirstUpper
	fSentStart
)

// Features appends the features of word i of a sentence, given the tags
// already chosen for the two words before it.
func Features(dst []uint64, words []string, i int, prev, prev2 string) []uint64 {
	w := norm(words[i])
	dst = append(dst,
		linear.Int(fBias, 0),
		linear.Lower(fWord, w),
		linear.Lower(fSuffix3, suffix(w, 3)),
		linear.Lower(fSuffix2, suffix(w, 2)),
		linear.Str(fPrefix1, prefix(w, 1)),
		shapeFeature(fShape, w),
		linear.Str(fPrevTag, prev),
		linear.Pair(linear.Str(fPrevTags, prev), linear.Str(fPrevTags, prev2)),
		linear.Pair(linear.Str(fPrevTagWord, prev), linear.Lower(fPrevTagWord, w)),
	)
	if i == 0 {
		dst = append(dst, linear.Int(fSentStart, 1))
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			dst = append(dst, linear.Int(fFirstUpper, 1))
		}
	}
	if i > 0 {
		p := norm(words[i-1])
		dst = append(dst, linear.Lower(fPrevWord, p), linear.Lower(fPrevSuffix, suffix(p, 3)))
	} else {
		dst = append(dst, linear.Str(fPrevWord, "<s>"))
	}
	if i > 1 {
		dst = append(dst, linear.Lower(fPrev2Word, norm(words[i-2])))
	}
	if i+1 < len(words) {
		n := norm(words[i+1])
		dst = append(dst, linear.Lower(fNextWord, n), linear.Lower(fNextSuffix, suffix(n, 3)))
	} else {
		dst = append(dst, linear.Str(fNextWord, "</s>"))
	}
	if i+2 < len(words) {
		dst = append(dst, linear.Lower(fNext2Word, norm(words[i+2])))
	}
	return dst
}

// norm maps the typographic variants CoreNLP normalises to one form, so
// “ and “ (and ” and ”) look alike to the model.
func norm(w string) string {
	switch w {
	case "“", "\"", "``", "«", "„":
		return "``"
	case "”", "''", "»":
		return "''"
	case "‘":
		return "`"
	case "’":
		return "'"
	case "—", "–", "--":
		return "--"
	case "…":
		return "..."
	case "(", "[", "{":
		return "-LRB-"
	case ")", "]", "}":
		return "-RRB-"
	case "’s", "’S":
		return "'s"
	case "’re":
		return "'re"
	case "’ve":
		return "'ve"
	case "’ll":
		return "'ll"
	case "’d":
		return "'d"
	case "’m":
		return "'m"
	case "n’t", "N’T":
		return "n't"
	}
	return w
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	// Back up to a rune boundary.
	i := len(w) - n
	for i > 0 && !utf8.RuneStart(w[i]) {
		i--
	}
	return w[i:]
}

func prefix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	i := n
	for i < len(w) && !utf8.RuneStart(w[i]) {
		i++
	}
	return w[:i]
}

// Shape returns a word's shape with runs collapsed: "Putin" -> "Xx",
// "1,000" -> "d,d", "U.S." -> "X.X.", "three-year" -> "x-x".
func Shape(w string) string {
	var b [16]byte
	return string(shape(w, &b))
}

func shapeFeature(tmpl uint32, w string) uint64 {
	var b [16]byte
	return linear.Bytes(tmpl, shape(w, &b))
}

func shape(w string, b *[16]byte) []byte {
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return b[:n]
}
