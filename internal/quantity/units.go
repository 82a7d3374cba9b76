package quantity

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/genunits

//go:embed data/units.tsv
var unitsTSV string

// Unit is a unit of measurement or a currency.
type Unit struct {
	Name   string  // canonical name: "kilometre", "pound sterling", "percentage"
	Kind   string  // "length", "money", "duration", "percent" ...
	Factor float64 // value in SI = value*Factor + Offset
	Offset float64
	SI     string // the SI unit ("m", "kg", "s", "K") or, for money, the ISO currency code
}

// ToSI converts v in u to u.SI.
func (u *Unit) ToSI(v float64) float64 { return v*u.Factor + u.Offset }

// form is one written form of a unit: a surface ("kilometres"), matched
// without regard to ASCII case, or a symbol ("km", "$"), matched exactly.
// A form several units share ("b": bit or barn) lists them all in alts,
// the unit it names without context first.
type form struct {
	text   string
	symbol bool
	unit   int
	alts   []int
}

// Units is a table of units, indexed for matching in running text. It is
// read-only after construction and safe for concurrent use.
type Units struct {
	list    []Unit
	byName  map[string]int
	byFirst map[string][]form // by the form's first key (see firstKey), longest first
	// firstFilter holds the keys of byFirst, to answer quickly that most
	// words begin no form.
	firstFilter WordFilter
}

// ParseUnits reads a unit table in the format of data/units.tsv.
func ParseUnits(src string) (*Units, error) {
	u := &Units{byName: map[string]int{}, byFirst: map[string][]form{}}
	// seen holds, by form, the units that have it, in table order.
	seen := map[string][]int{}
	add := func(text string, symbol bool, idx int) {
		key := text
		if !symbol {
			key = strings.ToLower(text)
		}
		k := firstKey(key, !symbol)
		if k == "" {
			return
		}
		id := key
		if symbol {
			id = "\x00" + key
		}
		if have, ok := seen[id]; ok {
			// An earlier unit has it: this one is another reading of it.
			if !slices.Contains(have, idx) {
				seen[id] = append(have, idx)
			}
			return
		}
		seen[id] = []int{idx}
		u.byFirst[k] = append(u.byFirst[k], form{text: key, symbol: symbol, unit: idx})
	}
	err := eachLine(src, func(n int, line string) error {
		c := strings.Split(line, "\t")
		if len(c) != 7 {
			return fmt.Errorf("units: line %d: want 7 tab-separated columns, have %d", n, len(c))
		}
		factor, err1 := strconv.ParseFloat(c[2], 64)
		offset, err2 := strconv.ParseFloat(c[3], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("units: line %d: bad factor or offset", n)
		}
		idx := len(u.list)
		u.list = append(u.list, Unit{Name: c[0], Kind: c[1], Factor: factor, Offset: offset, SI: c[4]})
		u.byName[c[0]] = idx
		for _, s := range split(c[5]) {
			add(s, false, idx)
			for _, p := range plurals(s) {
				add(p, false, idx)
			}
		}
		for _, s := range split(c[6]) {
			add(s, true, idx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, fs := range u.byFirst {
		for i := range fs {
			id := fs[i].text
			if fs[i].symbol {
				id = "\x00" + id
			}
			if have := seen[id]; len(have) > 1 {
				fs[i].alts = have
			}
		}
		slices.SortStableFunc(fs, func(a, b form) int { return len(b.text) - len(a.text) })
		u.byFirst[k] = fs
		u.firstFilter.Add(k)
	}
	return u, nil
}

// eachLine calls fn with each line of src, and its number from 1, that is
// neither blank nor a # comment, and stops at the first error.
func eachLine(src string, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// Lookup returns the unit named name, or nil.
func (u *Units) Lookup(name string) *Unit {
	i, ok := u.byName[name]
	if !ok {
		return nil
	}
	return &u.list[i]
}

// isCode reports whether a symbol is a currency code or another symbol of
// three or more capital letters ("USD", "GBP"), safe after a number in
// words.
func (u *Units) isCode(form string) bool {
	return len(form) >= 3 && (isUpperASCII(form) || isUpperASCII(strings.ToUpper(form)))
}

// firstKey returns the key a form or a text position is indexed by: its
// first run of letters (lower-cased when fold is set), or else its first
// character.
func firstKey(s string, fold bool) string {
	if s == "" {
		return ""
	}
	end := 0
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	if end == 0 {
		_, n := utf8.DecodeRuneInString(s)
		return s[:n]
	}
	if fold {
		return strings.ToLower(s[:end])
	}
	return s[:end]
}

// match finds the longest unit form at byte p of src (lower is src with
// ASCII letters lower-cased). It returns the unit and the end, or nil. A
// form that ends with a letter or digit must not run on into another
// letter or digit. A form several units share gives the first of them
// that accept takes (see matchAlts).
func (u *Units) match(src, lower string, p int, accept func(*Unit) bool) (*Unit, int) {
	x, end, _ := u.matchAlts(src, lower, p, accept)
	return x, end
}

// matchAlts is match that also returns, for a form several units share,
// the indices of all of them in the table (the returned unit first when
// accept is nil); for other forms, nil.
func (u *Units) matchAlts(src, lower string, p int, accept func(*Unit) bool) (*Unit, int, []int) {
	if p >= len(src) {
		return nil, p, nil
	}
	end := p
	for end < len(src) {
		r, n := utf8.DecodeRuneInString(src[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	var keys [2]string
	nk := 0
	if end == p {
		_, n := utf8.DecodeRuneInString(src[p:])
		keys[0], nk = src[p:p+n], 1
	} else {
		keys[0], nk = lower[p:end], 1
		if k := src[p:end]; k != keys[0] {
			keys[1], nk = k, 2
		}
	}
	best, bestEnd := -1, p
	var alts []int
	for _, k := range keys[:nk] {
		if !u.firstFilter.MayHave(k) {
			continue // no form begins with k
		}
		for _, f := range u.byFirst[k] {
			if p+len(f.text) <= bestEnd {
				break
			}
			var ok bool
			if f.symbol {
				ok = strings.HasPrefix(src[p:], f.text)
			} else {
				ok = strings.HasPrefix(lower[p:], f.text)
			}
			if !ok || !boundary(src, p+len(f.text), f.text, f.symbol) {
				continue
			}
			x := f.unit
			if accept != nil {
				x = u.accepted(f, accept)
				if x < 0 {
					continue
				}
			}
			best, bestEnd, alts = x, p+len(f.text), f.alts
			if accept != nil {
				alts = nil
			}
			break
		}
	}
	if best < 0 {
		return nil, p, nil
	}
	return &u.list[best], bestEnd, alts
}

// accepted returns the first unit of form f that accept takes, or -1.
func (u *Units) accepted(f form, accept func(*Unit) bool) int {
	if accept(&u.list[f.unit]) {
		return f.unit
	}
	for _, x := range f.alts {
		if accept(&u.list[x]) {
			return x
		}
	}
	return -1
}

// boundary reports whether a form ending at e of src ends a word there.
// A symbol may be followed by a digit ("USD115"); the caller decides.
func boundary(src string, e int, form string, symbol bool) bool {
	if e >= len(src) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(form)
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(src[e:])
	return !unicode.IsLetter(r) && (symbol || !unicode.IsDigit(r))
}

// plurals returns the plural forms of a surface: the head word (the word
// before " per ", "degree" of "degree Celsius", else the last word) takes
// the plural.
func plurals(s string) []string {
	if strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") && !strings.HasSuffix(s, "us") {
		return nil // already plural, or a name like "celsius"
	}
	words := strings.Split(s, " ")
	h := len(words) - 1
	for i, w := range words {
		if (w == "per" || w == "of" || w == "sterling" || w == "an" || w == "a") && i > 0 {
			h = i - 1
			break
		}
	}
	if words[0] == "degree" || words[0] == "deg" {
		h = 0
	}
	var out []string
	for _, p := range pluralWord(words[h]) {
		ws := slices.Clone(words)
		ws[h] = p
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

// pluralWord returns the plurals of one English word as units use them.
func pluralWord(w string) []string {
	switch w {
	case "foot":
		return []string{"feet"}
	case "penny":
		return []string{"pence", "pennies"}
	case "millennium":
		return []string{"millennia", "millenniums"}
	case "yen", "yuan", "won", "rand", "hertz", "celsius", "fahrenheit", "lux", "naira", "baht",
		"kip", "siemens", "renminbi", "rmb", "kuai", "stone", "deg", "c", "f", "markka", "sterling":
		return nil
	case "real":
		return []string{"reais", "reals"}
	case "krona":
		return []string{"kronor"}
	case "krone":
		return []string{"kroner"}
	case "lira":
		return []string{"lire", "liras"}
	case "kilo":
		return []string{"kilos"}
	}
	if w == "" {
		return nil
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(w[n-2])):
		return []string{w[:n-1] + "ies"}
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return []string{w + "es"}
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLetter(last) {
		return nil
	}
	return []string{w + "s"}
}
