package cluster

import "strings"

// Op is one kind of word-level edit.
type Op uint8

// The edit kinds, from the canonical text to a variant.
const (
	Equal  Op = iota + 1 // the word is in both (Variant may differ in inflection)
	Delete               // the canonical word is missing from the variant
	Insert               // the variant has a word the canonical text lacks
	Elide                // the canonical word is missing where the variant shows an elision mark
)

// Edit is one step of a word-level diff.
type Edit struct {
	Op      Op
	Canon   string // the canonical word (Equal, Delete, Elide)
	Variant string // the variant's word (Equal, Insert)
	Class   Class  // the class of the word that is there
}

// Diff is a word-level diff of a variant against the canonical text.
type Diff []Edit

// String renders the diff in the style of git's word diff: "[-very-]"
// for a canonical word the variant lacks, "{+extremely+}" for a word it
// adds, "[…until…]" for words left out at an elision mark, and the bare
// word where both agree.
func (d Diff) String() string {
	var b strings.Builder
	for i := 0; i < len(d); {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		e := d[i]
		j := i + 1
		for j < len(d) && d[j].Op == e.Op && e.Op != Equal {
			j++
		}
		words := make([]string, 0, j-i)
		for _, x := range d[i:j] {
			switch x.Op {
			case Insert:
				words = append(words, x.Variant)
			default:
				words = append(words, x.Canon)
			}
		}
		run := strings.Join(words, " ")
		switch e.Op {
		case Equal:
			if e.Canon != e.Variant {
				run = "[-" + e.Canon + "-]{+" + e.Variant + "+}"
			}
		case Delete:
			run = "[-" + run + "-]"
		case Insert:
			run = "{+" + run + "+}"
		case Elide:
			run = "[…" + run + "…]"
		}
		b.WriteString(run)
		i = j
	}
	return b.String()
}

// align returns the weighted longest common subsequence of a and b,
// matching words by stem and weighting each match by its class: the
// matched index pairs in order, and the matched weight.
func align(a, b []Word) (pairs [][2]int, matched float64) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil, 0
	}
	w := m + 1
	dp := make([]float64, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := dp[(i+1)*w+j]
			if v := dp[i*w+j+1]; v > best {
				best = v
			}
			if sameWord(a[i], b[j]) {
				if v := dp[(i+1)*w+j+1] + a[i].weight(); v > best {
					best = v
				}
			}
			dp[i*w+j] = best
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		match := sameWord(a[i], b[j]) && dp[i*w+j] == dp[(i+1)*w+j+1]+a[i].weight()
		if match && (i+1 >= n || j+1 >= m || !sameWord(a[i+1], b[j+1])) &&
			(dp[i*w+j+1] == dp[i*w+j] || dp[(i+1)*w+j] == dp[i*w+j]) {
			// An isolated match that a later one can replace at no cost:
			// prefer the later one, so that matches run together ("we are
			// not there yet … there is no deal" matches the second "there").
			match = false
		}
		switch {
		case match:
			pairs = append(pairs, [2]int{i, j})
			i++
			j++
		case dp[(i+1)*w+j] >= dp[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return pairs, dp[0]
}

// sameWord reports whether two words match: the same stem, or long
// words one letter apart ("Zelensky", "Zelenskyy"), as transliterations
// of one name differ.
func sameWord(a, b Word) bool {
	if a.Stem == b.Stem {
		return true
	}
	x, y := a.Stem, b.Stem
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 6 || len(y)-len(x) > 1 || x[0] != y[0] {
		return false
	}
	// One substitution, or one insertion into x.
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		return x[i+1:] == y[i+1:]
	}
	return x[i:] == y[i+1:]
}

// Compare returns the word-level diff of variant against canon.
func Compare(canon, variant Text) Diff {
	pairs, _ := align(canon.Words, variant.Words)
	var d Diff
	ci, vi := 0, 0
	gap := func(toC, toV int, elided bool) {
		op := Delete
		if elided {
			op = Elide
		}
		for ; ci < toC; ci++ {
			d = append(d, Edit{Op: op, Canon: canon.Words[ci].Norm, Class: canon.Words[ci].Class})
		}
		for ; vi < toV; vi++ {
			d = append(d, Edit{Op: Insert, Variant: variant.Words[vi].Norm, Class: variant.Words[vi].Class})
		}
	}
	for _, p := range pairs {
		// Words the variant left out right before an elision mark of its
		// own were elided, not dropped.
		gap(p[0], p[1], variant.Words[p[1]].Elided)
		d = append(d, Edit{Op: Equal, Canon: canon.Words[p[0]].Norm, Variant: variant.Words[p[1]].Norm, Class: canon.Words[p[0]].Class})
		ci, vi = p[0]+1, p[1]+1
	}
	gap(len(canon.Words), len(variant.Words), variant.ElidedEnd)
	return d
}

// Kind says how a variant's wording differs from its cluster's
// canonical text.
type Kind string

// The variant kinds.
const (
	// Same: the words are the same; only punctuation, case, quote marks
	// or contractions differ.
	Same Kind = "same"
	// Truncated: the variant is a part of the canonical text, cut at
	// either end or at elision marks.
	Truncated Kind = "truncated"
	// Longer: the variant holds the canonical text whole and goes on at
	// either end: the outlet quoted more of the utterance.
	Longer Kind = "longer"
	// Reworded: inside the quotation only function words, intensifiers
	// left out, or inflections differ.
	Reworded Kind = "reworded"
	// Changed: meaning-bearing words were changed, added or silently
	// left out: a possible misquote.
	Changed Kind = "changed"
	// Paraphrase: most words differ, as between two translations of one
	// utterance or a paraphrase inside quotation marks: a possible
	// misquote.
	Paraphrase Kind = "paraphrase"
)

// Classify says how a variant differs from the canonical text, given
// their diff, and whether it is a possible misquote: a variant that
// changes, adds, or silently drops meaning-bearing words inside the
// quotation. Words missing at either end are a truncation, words only
// added there a longer quotation, and words missing at an elision mark
// were left out openly; none of these is a misquote.
func Classify(d Diff) (Kind, bool) {
	first, last := -1, -1
	for i, e := range d {
		if e.Op == Equal {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return Paraphrase, true
	}
	// Words both missing and added at one end are a substitution, not a
	// cut: judge them as inner edits.
	if mixedOps(d[:first]) {
		first = 0
	}
	if mixedOps(d[last+1:]) {
		last = len(d) - 1
	}
	edges, reworded, changed := first > 0 || last < len(d)-1, false, false
	cut := edges && (hasOp(d[:first], Delete) || hasOp(d[last+1:], Delete))
	var equalW, otherW float64
	for i, e := range d {
		w := Word{Class: e.Class}.weight()
		if e.Op == Equal {
			equalW += w
			if e.Canon != e.Variant {
				reworded = true
			}
			continue
		}
		if i < first || i > last {
			continue
		}
		switch e.Op {
		case Elide:
			edges, cut = true, true
		case Insert:
			otherW += w
			if e.Class == Function || repeated(d, i) {
				reworded = true
			} else {
				changed = true
			}
		case Delete:
			otherW += w
			if e.Class == Content {
				changed = true
			} else {
				reworded = true
			}
		}
	}
	switch {
	case changed && otherW > equalW:
		return Paraphrase, true
	case changed:
		return Changed, true
	case reworded:
		return Reworded, false
	case edges && !cut:
		return Longer, false
	case edges:
		return Truncated, false
	}
	return Same, false
}

// hasOp reports whether edits hold one of op.
func hasOp(d Diff, op Op) bool {
	for _, e := range d {
		if e.Op == op {
			return true
		}
	}
	return false
}

// mixedOps reports whether edits hold both a deletion and an insertion.
func mixedOps(d Diff) bool {
	del, ins := false, false
	for _, e := range d {
		switch e.Op {
		case Delete, Elide:
			del = true
		case Insert:
			ins = true
		}
	}
	return del && ins
}

// repeated reports whether the inserted word d[i] repeats the variant
// word next to it ("many, many points").
func repeated(d Diff, i int) bool {
	return (i > 0 && d[i-1].Variant == d[i].Variant) || (i+1 < len(d) && d[i+1].Variant == d[i].Variant)
}
