package quantity

import "github.com/verbatim-news/verbatim/internal/doc"

// temperatureDifference makes q, a temperature on a scale with an offset
// (Celsius, Fahrenheit) read from word i to word end, a difference of
// temperatures when the words around say so: a word of change or
// comparison after it, past a conversion in brackets ("1.9C (3.4F) of
// warming", "2C warmer", "1.5C above pre-industrial levels"; not "above
// zero"), or a noun of change and "of", or a verb of change and "by",
// before it ("a rise of 1.5C", "rose by 2C"). A difference converts
// without the offset: its SI value is 1.9 K for "1.9C", and its kind
// "temperature difference".
func (r *run) temperatureDifference(q *doc.Quantity, i, end int) {
	if q.Kind != "temperature" || q.Unit == "" {
		return
	}
	u := r.f.units.Lookup(q.Unit)
	if u == nil || u.Offset == 0 || !r.differenceAfter(end) && !r.differenceBefore(i, q.Qualifier) {
		return
	}
	q.Kind = "temperature difference"
	q.SIValue, q.SIMax = q.Value*u.Factor, q.Max*u.Factor
}

// differenceAfter reports whether a word of change or comparison follows
// word end, over a bracketed conversion or the bracket closing one.
func (r *run) differenceAfter(end int) bool {
	t := &r.t
	k := end
	switch t.W(k) {
	case "(":
		for k < end+8 && k < len(t.Words) && t.W(k) != ")" {
			k++
		}
		k++
	case ")":
		k++
	}
	switch t.W(k) {
	case "of":
		return t.Is(k+1, "warming", "heating", "cooling", "global")
	case "warmer", "hotter", "colder", "cooler", "higher", "lower", "rise", "increase", "drop", "fall", "more", "less":
		return true
	case "above", "below":
		return !t.Is(k+1, "zero", "freezing", "0")
	}
	return false
}

// differenceBefore reports whether word i, after its hedge, follows a
// noun of change and "of" ("a rise of") or a verb of change and "by"
// ("rose by"), or opens a conversion in brackets of a difference.
func (r *run) differenceBefore(i int, qualifier string) bool {
	t := &r.t
	k := i
	for k > 0 && qualifier != "" && t.Kind(k-1) == Letters && t.W(k-1) != "of" && t.W(k-1) != "by" {
		k-- // over the hedge's words
	}
	switch t.W(k - 1) {
	case "of":
		return t.Is(k-2, "rise", "increase", "drop", "fall", "warming", "cooling", "change")
	case "by":
		return t.Is(k-2, "rise", "rises", "rose", "risen", "increase", "increased", "increases", "fell", "fallen", "falls", "drop", "dropped", "warm", "warmed", "cool", "cooled")
	case "(":
		n := len(r.out)
		return n > 0 && r.out[n-1].Kind == "temperature difference" && r.out[n-1].End <= t.Words[k-1].Start
	}
	return false
}
