package quantity

import (
	"strings"
	"sync"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// bareAge reports whether q, a whole number with no unit and no noun it
// counts, read from word i to word end, is a person's age in years by
// the words around it:
//   - after "aged", "at the age of", "at age" or a form of "die" and
//     "at" ("dies at 71"); a range only after "aged" ("aged 55 to 80");
//   - as all the predicate of "he" or "she" and "was" or "is" (also with
//     "now"), up to a punctuation mark or "when" ("He was 71.");
//   - between commas right after a name, a proper noun in capitals, with
//     "now" before it or not ("Priya, 34, a nurse", "Brandl, now 79,");
//   - after a comma and "now" right after a noun for a person, up to a
//     comma or the sentence's end ("the skipper, now 62,");
//   - between commas right after a noun for a person that a possessive
//     opens, one word between them at most ("his aunt, 70,", "the
//     couple's younger son, 9,").
func (r *run) bareAge(q *doc.Quantity, i, end int) bool {
	if q.Kind != "count" || q.Unit != "" || q.Value < 1 || q.Max > 130 || !isInt(q.Value) || !isInt(q.Max) {
		return false
	}
	t := &r.t
	k := i // the word before the number and its hedge
	if q.Qualifier != "" {
		k -= strings.Count(q.Qualifier, " ") + 1
	}
	if q.IsRange() {
		return t.W(k-1) == "aged" // "adults aged 55 to 80"
	}
	switch t.W(k - 1) {
	case "aged":
		return true
	case "of":
		return t.Is(k-2, "age") && t.Is(k-3, "the") && t.Is(k-4, "at")
	case "age":
		return t.Is(k-2, "at")
	case "at":
		return t.Is(k-2, "die", "dies", "died", "dying")
	}
	if !q.Head.IsZero() || q.Qualifier != "" {
		return false
	}
	now := t.Is(k-1, "now")
	if now {
		k--
	}
	if t.Is(k-1, "was", "is") && t.Is(k-2, "he", "she") {
		return t.Kind(end) == Other && t.W(end) != "%" && !t.isHyphen(end) || t.W(end) == "when" || end >= len(t.Words)
	}
	if t.W(k-1) != "," {
		return false
	}
	if t.W(end) == "," && r.properName(k-2) {
		return true
	}
	if !personNoun(t.W(k - 2)) {
		return false
	}
	if now {
		return t.Is(end, ",", ".", ";", ")") || end >= len(t.Words)
	}
	return t.W(end) == "," && (possessive(t.W(k-3)) || possessive(t.W(k-4)) && t.Kind(k-3) == Letters)
}

// personNoun reports whether a lower-case word is a noun for a person
// ("father", "skipper"), by the lexicon's list.
func personNoun(w string) bool { return personNouns()(w) }

var personNouns = sync.OnceValue(func() func(string) bool {
	set, err := lexicon.Default()
	if err != nil {
		return func(string) bool { return false }
	}
	return set.PersonNoun
})

// possessive reports whether a lower-case word is a possessive: a
// possessive determiner ("her") or a noun with a possessive mark
// ("couple's", "parents'").
func possessive(w string) bool {
	switch w {
	case "his", "her", "their", "my", "our", "your":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
}

// properName reports whether word j is a name: a word in letters opening
// with a capital, no month or weekday, tagged a proper noun where the
// document has tags.
func (r *run) properName(j int) bool {
	t := &r.t
	if t.Kind(j) != Letters || t.Glued(j) && t.Kind(j-1) == Other && !t.isHyphen(j-1) {
		return false
	}
	if !isUpperFirst(t.Raw(j)) {
		return false
	}
	if w := t.W(j); isMonth(w) || isWeekday(w) {
		return false
	}
	d := r.d
	if len(d.Tokens) == 0 || d.Tokens[0].POS == doc.TagNone {
		return true
	}
	ti := d.TokenAt(t.Words[j].Start)
	return ti < len(d.Tokens) && d.Tokens[ti].POS.IsProperNoun()
}

// sameSentenceHead drops a head noun that lies in another sentence than
// the quantity it would follow ("… dies at 68" over a headline's end).
func (r *run) sameSentenceHead(q *doc.Quantity) {
	if q.Head.IsZero() || len(r.d.Sentences) == 0 {
		return
	}
	if r.d.SentenceAt(q.Head.Start) != r.d.SentenceAt(q.Start) {
		q.Head = doc.Span{}
	}
}
