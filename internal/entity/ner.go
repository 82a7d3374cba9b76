package entity

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// NER labels, in BIO form over the four CoNLL types. Their names are the
// model's class names.
const (
	lO uint8 = iota
	lBPer
	lIPer
	lBOrg
	lIOrg
	lBLoc
	lILoc
	lBMisc
	lIMisc
	numLabels
)

// LabelNames are the NER labels' names, indexed by label.
var LabelNames = [numLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// labelType returns the entity type of label l (B or I), or 0 for O.
func labelType(l uint8) uint8 { return (l + 1) / 2 }

// isInside reports whether l is an I- label.
func isInside(l uint8) bool { return l != lO && l%2 == 0 }

// NERSentence is one sentence for training or scoring the NER tagger: its
// words, their parts of speech and their BIO labels (indexes into
// LabelNames; nil when unknown).
type NERSentence struct {
	Words  []string
	POS    []doc.POS
	Labels []uint8
}

// nerModel runs a trained NER model.
type nerModel struct {
	m     *linear.Model
	label []uint8 // class index -> label
	// The weights of the features that do not depend on the word forms,
	// looked up once: by part of speech of the word, the previous and the
	// next; by label before; by word class (see wordClass); by gazetteer
	// flag for the word, the previous, the next and the one after.
	pos, posPrev, posNext [256]vec
	prevLabel             [numLabels]vec
	prevLabels            [numLabels * numLabels]vec // by prev*numLabels + prev2
	class, sentStart      [numClasses]vec
	classPrev, classNext  [numClasses]vec
	labelClass            [numLabels][numClasses]vec
	labelWord             [numLabels]uint64 // Int(nPrevLabelWord, prev), to pair with the word
	// The weights of the features pairing a part of speech with a word
	// class (nPOSClass): posClassIdx[class][pos] is 1 + the index of
	// their weights in posClass, or 0 when the pair has none.
	posClassIdx        [numClasses][doc.NumPOS]uint16
	posClass           []vec
	gaz                [4][numGaz]vec
	startWord, endWord vec
}

// vec is one feature's weights, one per class (a model has at most
// numLabels classes), as the model adds them: -0, the identity of float
// addition, for a class the feature has no weight for. Adding a vec to
// scores gives, bit for bit, what adding the feature's row gives.
type vec [numLabels]float32

// vecOf returns the weights of feature f in m.
func vecOf(m *linear.Model, f uint64) vec {
	return rowVec(m, m.Row(f))
}

// rowVec returns the weights of row r of m.
func rowVec(m *linear.Model, r linear.Row) vec {
	var v vec
	for c := range v {
		v[c] = float32(math.Copysign(0, -1))
	}
	m.AddRow(r, v[:len(m.Classes)])
	return v
}

// numClasses bounds wordClass's codes.
const numClasses = 3 << 8

// numNERStatic is the number of features at the head of nerFeatures' list
// that depend only on the word itself.
const numNERStatic = 6

// The gazetteer feature templates, in the order of nerModel.gaz.
var gazTemplates = [4]uint32{nGaz, nGazPrev, nGazNext, nGazNext2}

// newNERModel returns the tagger that runs m, whose classes (at most
// numLabels) are labels: label[c] is class c's.
func newNERModel(m *linear.Model, label []uint8) *nerModel {
	nm := &nerModel{m: m, label: label}
	for p := range 256 {
		nm.pos[p] = vecOf(m, linear.Int(nPOS, p))
		nm.posPrev[p] = vecOf(m, linear.Int(nPOSPrev, p))
		nm.posNext[p] = vecOf(m, linear.Int(nPOSNext, p))
	}
	for l := range int(numLabels) {
		nm.prevLabel[l] = vecOf(m, linear.Int(nPrevLabel, l))
		for l2 := range int(numLabels) {
			nm.prevLabels[l*int(numLabels)+l2] = vecOf(m, linear.Int(nPrevLabels, l<<8|l2))
		}
		for wc := range numClasses {
			nm.labelClass[l][wc] = vecOf(m, linear.Int(nPrevLabelClass, l<<12|wc))
		}
		nm.labelWord[l] = linear.Int(nPrevLabelWord, l)
	}
	for wc := range numClasses {
		for p := range doc.NumPOS {
			if r := m.Row(linear.Int(nPOSClass, p<<12|wc)); r != (linear.Row{}) {
				nm.posClass = append(nm.posClass, rowVec(m, r))
				nm.posClassIdx[wc][p] = uint16(len(nm.posClass))
			}
		}
		nm.class[wc] = vecOf(m, linear.Int(nClass, wc))
		nm.sentStart[wc] = vecOf(m, linear.Int(nSentStart, wc))
		nm.classPrev[wc] = vecOf(m, linear.Int(nClassPrev, wc))
		nm.classNext[wc] = vecOf(m, linear.Int(nClassNext, wc))
	}
	for t, tmpl := range gazTemplates {
		for b := range numGaz {
			nm.gaz[t][b] = vecOf(m, linear.Int(tmpl, b))
		}
	}
	nm.startWord = vecOf(m, linear.Str(nPrevWord, "<s>"))
	nm.endWord = vecOf(m, linear.Str(nNextWord, "</s>"))
	return nm
}

// describe fills nw for word form w.
func (nm *nerModel) describe(nw *nerWord, w string) {
	wc := wordClass(w)
	*nw = nerWord{
		class:      int32(wc),
		prev:       vecOf(nm.m, linear.Lower(nPrevWord, w)),
		prev2:      vecOf(nm.m, linear.Lower(nPrev2Word, w)),
		next:       vecOf(nm.m, linear.Lower(nNextWord, w)),
		next2:      vecOf(nm.m, linear.Lower(nNext2Word, w)),
		bigramPrev: linear.Lower(nBigramPrev, w),
		bigramNext: linear.Lower(nBigramNext, w),
	}
	var fb [numNERStatic]uint64
	nm.m.Score(nerStaticFeatures(fb[:0], w, wc), nw.static[:len(nm.m.Classes)])
	lw := linear.Lower(nPrevLabelWord, w)
	for l := range numLabels {
		if r := nm.m.Row(linear.Pair(nm.labelWord[l], lw)); r != (linear.Row{}) {
			nw.labelWords = append(nw.labelWords, rowVec(nm.m, r))
			nw.labelWordIdx[l] = uint8(len(nw.labelWords))
		}
	}
}

// quad holds four label scores of a running sum: plus, plusRow and
// addGaz keep a sum in two quads and a float32, nine scores in registers
// (a vec behind a pointer would go through memory at every addition, each
// waiting on the one before). Each label's score adds the same weights in
// the same order as the model's, so the sums are the same bit for bit.
type quad struct{ x0, x1, x2, x3 float32 }

// plus returns the sum lo, hi, x8 with v added.
func plus(lo, hi quad, x8 float32, v *vec) (quad, quad, float32) {
	return quad{lo.x0 + v[0], lo.x1 + v[1], lo.x2 + v[2], lo.x3 + v[3]},
		quad{hi.x0 + v[4], hi.x1 + v[5], hi.x2 + v[6], hi.x3 + v[7]}, x8 + v[8]
}

// plusRow returns the sum lo, hi, x8 with the weights of row r of m
// added: -0 for a class r has none for, which adds nothing.
func plusRow(m *linear.Model, r linear.Row, lo, hi quad, x8 float32) (quad, quad, float32) {
	v := rowVec(m, r)
	return plus(lo, hi, x8, &v)
}

// addGaz returns the sum lo, hi, x8 with the weights of gazetteer
// template t (an index into gazTemplates) added for each flag set in f,
// as gazFeatures lists them.
func (nm *nerModel) addGaz(t int, f uint32, lo, hi quad, x8 float32) (quad, quad, float32) {
	for f != 0 {
		b := bits.TrailingZeros32(f)
		lo, hi, x8 = plus(lo, hi, x8, &nm.gaz[t][b])
		f &^= 1 << b
	}
	return lo, hi, x8
}

// score sets s to the sum of the weights of nerFeatures(words, pos, gaz,
// i, prev, prev2), adding them in the same order, with the words' parts
// taken from infos and the others from nm's tables.
func (nm *nerModel) score(infos []*wordInfo, pos []doc.POS, gaz []uint32, i int, prev, prev2 uint8, s *vec) {
	m := nm.m
	w := &infos[i].ner
	// The rows of the word pairs, looked up first so that their lookups
	// overlap.
	var bigramPrev, bigramNext linear.Row
	if i > 0 {
		bigramPrev = m.Row(linear.Pair(infos[i-1].ner.bigramPrev, w.bigramPrev))
	}
	if i+1 < len(infos) {
		bigramNext = m.Row(linear.Pair(w.bigramNext, infos[i+1].ner.bigramNext))
	}
	st := &w.static
	lo, hi, x8 := quad{st[0], st[1], st[2], st[3]}, quad{st[4], st[5], st[6], st[7]}, st[8]
	lo, hi, x8 = plus(lo, hi, x8, &nm.pos[pos[i]])
	if int(pos[i]) < doc.NumPOS {
		if k := nm.posClassIdx[w.class][pos[i]]; k != 0 {
			lo, hi, x8 = plus(lo, hi, x8, &nm.posClass[k-1])
		}
	} else {
		lo, hi, x8 = plusRow(m, m.Row(linear.Int(nPOSClass, int(pos[i])<<12|int(w.class))), lo, hi, x8)
	}
	lo, hi, x8 = plus(lo, hi, x8, &nm.prevLabel[prev])
	lo, hi, x8 = plus(lo, hi, x8, &nm.prevLabels[int(prev)*int(numLabels)+int(prev2)])
	lo, hi, x8 = plus(lo, hi, x8, &nm.labelClass[prev][w.class])
	if k := w.labelWordIdx[prev]; k != 0 {
		lo, hi, x8 = plus(lo, hi, x8, &w.labelWords[k-1])
	}
	lo, hi, x8 = nm.addGaz(0, gaz[i], lo, hi, x8)
	if i == 0 {
		lo, hi, x8 = plus(lo, hi, x8, &nm.sentStart[w.class])
		lo, hi, x8 = plus(lo, hi, x8, &nm.startWord)
	} else {
		p := &infos[i-1].ner
		lo, hi, x8 = plus(lo, hi, x8, &p.prev)
		lo, hi, x8 = plus(lo, hi, x8, &nm.classPrev[p.class])
		lo, hi, x8 = plus(lo, hi, x8, &nm.posPrev[pos[i-1]])
		lo, hi, x8 = plusRow(m, bigramPrev, lo, hi, x8)
		lo, hi, x8 = nm.addGaz(1, gaz[i-1], lo, hi, x8)
		if i > 1 {
			lo, hi, x8 = plus(lo, hi, x8, &infos[i-2].ner.prev2)
		}
	}
	if i+1 < len(infos) {
		n := &infos[i+1].ner
		lo, hi, x8 = plus(lo, hi, x8, &n.next)
		lo, hi, x8 = plus(lo, hi, x8, &nm.classNext[n.class])
		lo, hi, x8 = plus(lo, hi, x8, &nm.posNext[pos[i+1]])
		lo, hi, x8 = plusRow(m, bigramNext, lo, hi, x8)
		lo, hi, x8 = nm.addGaz(2, gaz[i+1], lo, hi, x8)
		if i+2 < len(infos) {
			lo, hi, x8 = plus(lo, hi, x8, &infos[i+2].ner.next2)
			lo, hi, x8 = nm.addGaz(3, gaz[i+2]&(gOrgNoun|gRoleB|gLeaderB), lo, hi, x8)
		}
	} else {
		lo, hi, x8 = plus(lo, hi, x8, &nm.endWord)
	}
	*s = vec{lo.x0, lo.x1, lo.x2, lo.x3, hi.x0, hi.x1, hi.x2, hi.x3, x8}
}

// NER feature templates. Their numbers are part of the model format.
const (
	nBias uint32 = iota + 100
	nWord
	nLower
	nSuffix3
	nPrefix3
	nClass
	nClassPrev
	nClassNext
	nPrevWord
	nNextWord
	nPrev2Word
	nNext2Word
	nPOS
	nPOSPrev
	nPOSNext
	nPrevLabel
	nPrevLabels
	nPrevLabelClass
	nPrevLabelWord
	nGaz
	nGazPrev
	nGazNext
	nSentStart
	nPOSClass
	nBigramPrev
	nBigramNext
	nGazNext2
)

// scored reports whether the tagger scores word wi after a word labelled
// prev. After an O, a word that does not begin with an upper-case letter
// begins no entity (under 0.3% of the silver entities do, all of them
// "anti-X"-style MISC), and neither does a capitalised function word at
// the start of a sentence ("The", "But", "He"), so these are labelled O
// unscored; so is a lower-case word after a name, unless names hold it
// ("of", "bin"). That keeps the tagger fast. The word's info holds the
// answer (scoredForm).
func scored(wi *wordInfo, prev uint8) bool {
	if prev != lO {
		return wi.scoredIn
	}
	return wi.scoredO
}

// scoredForm reports whether the tagger scores word form w, whose
// word-list flags are lex, after a word labelled prev: see scored.
func scoredForm(w string, lex uint32, prev uint8) bool {
	if w == "" {
		return false
	}
	if prev != lO {
		// Inside a name, a lower-case word other than the small words
		// names hold can only end it.
		c := w[0]
		return !('a' <= c && c <= 'z') || lex&lxParticle != 0
	}
	c := w[0]
	if c < utf8.RuneSelf {
		return ('A' <= c && c <= 'Z' || '0' <= c && c <= '9') && lex&lxFunction == 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// functionWords are capitalised closed-class words that begin sentences.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`A An And But Or Nor So Yet For In On At By With From To Of As If
		When While After Before Since Because Although Though Until Unless Once Whether Than Then
		He She It They We I You His Her Its Their Our My Your Him Them Us Me This That These Those
		There Here What Who Whom Whose Which Where Why How Some Many Most Much More Few All Both Each
		Every Any No Not None Such Other Another Also Still Even Just Only Instead However Meanwhile
		Indeed Yes Is Are Was Were Be Been Has Have Had Do Does Did Can Could Would Should Might Must
		Will Shall Let According Asked Despite During Without Within Among Between Over Under About Against`) {
		functionWords[w] = true
	}
}

// wordClass returns a small code for a word's form: the class of its first
// character, whether it has lower-case letters, upper-case letters after
// the first, digits, hyphens, periods, and its length in three buckets.
func wordClass(w string) int {
	if w == "" {
		return 0
	}
	code := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			if i == 0 {
				code = 1
			} else {
				code |= 1 << 3
			}
		case unicode.IsLetter(r):
			if i == 0 {
				code = 2
			}
			code |= 1 << 4
		case unicode.IsDigit(r):
			if i == 0 {
				code = 3
			}
			code |= 1 << 5
		case r == '-':
			code |= 1 << 6
		case r == '.':
			code |= 1 << 7
		default:
			if i == 0 {
				code = 4
			}
		}
	}
	switch n := len(w); {
	case n <= 2:
	case n <= 5:
		code |= 1 << 8
	default:
		code |= 2 << 8
	}
	return code
}

// lastRunes returns the last n characters of w (all of w when shorter).
func lastRunes(w string, n int) string {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// firstRunes returns the first n characters of w (all of w when shorter).
func firstRunes(w string, n int) string {
	i := 0
	for ; n > 0 && i < len(w); n-- {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}

// gazFeatures appends one feature per flag set in f.
func gazFeatures(dst []uint64, tmpl uint32, f uint32) []uint64 {
	for b := 0; f != 0 && b < numGaz; b++ {
		if f&(1<<b) != 0 {
			dst = append(dst, linear.Int(tmpl, b))
			f &^= 1 << b
		}
	}
	return dst
}

// nerFeatures appends the features of word i of a sentence, given the
// labels chosen for the two words before it.
func nerFeatures(dst []uint64, words []string, pos []doc.POS, gaz []uint32, i int, prev, prev2 uint8) []uint64 {
	w := words[i]
	wc := wordClass(w)
	dst = nerStaticFeatures(dst, w, wc)
	dst = append(dst,
		linear.Int(nPOS, int(pos[i])),
		linear.Int(nPOSClass, int(pos[i])<<12|wc),
		linear.Int(nPrevLabel, int(prev)),
		linear.Int(nPrevLabels, int(prev)<<8|int(prev2)),
		linear.Int(nPrevLabelClass, int(prev)<<12|wc),
		linear.Pair(linear.Int(nPrevLabelWord, int(prev)), linear.Lower(nPrevLabelWord, w)),
	)
	dst = gazFeatures(dst, nGaz, gaz[i])
	if i == 0 {
		dst = append(dst, linear.Int(nSentStart, wc))
		dst = append(dst, linear.Str(nPrevWord, "<s>"))
	} else {
		p := words[i-1]
		dst = append(dst,
			linear.Lower(nPrevWord, p),
			linear.Int(nClassPrev, wordClass(p)),
			linear.Int(nPOSPrev, int(pos[i-1])),
			linear.Pair(linear.Lower(nBigramPrev, p), linear.Lower(nBigramPrev, w)),
		)
		dst = gazFeatures(dst, nGazPrev, gaz[i-1])
		if i > 1 {
			dst = append(dst, linear.Lower(nPrev2Word, words[i-2]))
		}
	}
	if i+1 < len(words) {
		n := words[i+1]
		dst = append(dst,
			linear.Lower(nNextWord, n),
			linear.Int(nClassNext, wordClass(n)),
			linear.Int(nPOSNext, int(pos[i+1])),
			linear.Pair(linear.Lower(nBigramNext, w), linear.Lower(nBigramNext, n)),
		)
		dst = gazFeatures(dst, nGazNext, gaz[i+1])
		if i+2 < len(words) {
			dst = append(dst, linear.Lower(nNext2Word, words[i+2]))
			dst = gazFeatures(dst, nGazNext2, gaz[i+2]&(gOrgNoun|gRoleB|gLeaderB))
		}
	} else {
		dst = append(dst, linear.Str(nNextWord, "</s>"))
	}
	return dst
}

// nerStaticFeatures appends the numNERStatic features of word w, whose
// class is wc, that do not depend on its context.
func nerStaticFeatures(dst []uint64, w string, wc int) []uint64 {
	return append(dst,
		linear.Int(nBias, 0),
		linear.Str(nWord, w),
		linear.Lower(nLower, w),
		linear.Lower(nSuffix3, lastRunes(w, 3)),
		linear.Lower(nPrefix3, firstRunes(w, 3)),
		linear.Int(nClass, wc),
	)
}

// valid reports whether label l may follow label prev on word w: an I-
// label only continues a B- or I- label of its type, and a word that
// does not begin with a capital or a digit continues a name only when it
// is one of the small words names hold ("of" in "Bank of England", "bin"
// in "Mohammed bin Salman").
func valid(prev, l uint8, wi *wordInfo) bool {
	if !isInside(l) {
		return true
	}
	if prev == lO || labelType(prev) != labelType(l) {
		return false
	}
	return scored(wi, lO) || wi.lex&lxParticle != 0
}

// personParticles are the particles of surnames, in lower case ("di" in
// "Paolo di Ferrante", "bin" in "Karim bin Hassan"). A person's name is
// the same name with them or without ("Di Ferrante", "Ferrante").
var personParticles = map[string]bool{
	"de": true, "du": true, "da": true, "di": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true, "el": true,
	"dos": true, "das": true, "ter": true,
}

// firstNameParticles are surname particles that are also common words or
// parts of places' names ("Promenade des Anglais", "DES MOINES"): they
// join a name only after a first name ("Laurence des Cars").
var firstNameParticles = map[string]bool{"des": true, "do": true}

// nameParticles are the small words names hold in lower case: the
// surname particles and "of", "and", "the" of organisations' names.
var nameParticles = func() map[string]bool {
	m := map[string]bool{
		"of": true, "and": true, "for": true, "the": true, "on": true, "in": true, "at": true, "&": true,
		"y": true, "-": true, ".": true, "'s": true, "’s": true,
	}
	for w := range personParticles {
		m[w] = true
	}
	return m
}()

// nerScratch is the per-call buffers of the tagger.
type nerScratch struct {
	gaz   []uint32
	ms    []match
	words wordScratch
}

// tag labels the words of one sentence, whose infos and gazetteer flags
// are given, appending to dst.
func (nm *nerModel) tag(words []string, infos []*wordInfo, pos []doc.POS, gaz []uint32, dst []uint8) []uint8 {
	var s vec
	scores := s[:len(nm.m.Classes)]
	prev, prev2 := lO, lO
	for i := range words {
		l := lO
		if scored(infos[i], prev) {
			nm.score(infos, pos, gaz, i, prev, prev2, &s)
			best := float32(0)
			l = 255
			for c, s := range scores {
				cl := nm.label[c]
				if !valid(prev, cl, infos[i]) {
					continue
				}
				if l == 255 || s > best {
					l, best = cl, s
				}
			}
			if l == 255 {
				l = lO
			}
		}
		dst = append(dst, l)
		prev2, prev = prev, l
	}
	return dst
}

// TrainNER learns an NER model from sents with the averaged perceptron,
// passing over them epochs times in an order shuffled from seed (so the
// result is deterministic), and returns the trainer, whose Model is the
// averaged model and which linear.Average can combine with other runs.
// After each epoch it calls snapshot, when not nil, with the averaged
// model so far.
func (r *Resolver) TrainNER(sents []NERSentence, epochs int, seed uint64, snapshot func(epoch int, m *linear.Model)) *linear.Trainer {
	classes := LabelNames[:]
	tr := linear.NewTrainer(classes)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 11))
	scores := make([]float32, len(classes))
	var feats []uint64
	var gaz []uint32
	var ms []match
	var ws wordScratch
	for e := 1; e <= epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			if cap(gaz) < len(s.Words) {
				gaz = make([]uint32, len(s.Words))
			}
			gaz = gaz[:len(s.Words)]
			infos := r.infos(s.Words, &ws)
			ms = r.gaz.flags(s.Words, infos, gaz, ms[:0])
			prev, prev2 := lO, lO
			for i := range s.Words {
				gold := s.Labels[i]
				if !scored(infos[i], prev) {
					prev2, prev = prev, lO
					continue
				}
				feats = nerFeatures(feats[:0], s.Words, s.POS, gaz, i, prev, prev2)
				tr.Score(feats, scores)
				guess := uint8(255)
				best := float32(0)
				for c, sc := range scores {
					if !valid(prev, uint8(c), infos[i]) {
						continue
					}
					if guess == 255 || sc > best {
						guess, best = uint8(c), sc
					}
				}
				tr.Tick()
				if guess != gold {
					tr.Update(feats, int(gold), 1)
					tr.Update(feats, int(guess), -1)
				}
				prev2, prev = prev, guess
			}
		}
		if snapshot != nil {
			snapshot(e, tr.Model(1))
		}
	}
	return tr
}
