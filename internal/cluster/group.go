package cluster

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Quote is one quoted passage to cluster: an occurrence of someone's
// words in one article.
type Quote struct {
	ID        int64  // the caller's id; also the last tie-break of every order
	Article   int64  // the article it occurs in
	Speaker   string // the speaker's cross-article key, "" when unknown
	Published string // the article's date, YYYY-MM-DD, "" when unknown
	Text      string // the exact wording, without its outer quote marks
}

// Member is a quote's place in its group.
type Member struct {
	Quote    int  // index into the quotes given to Build
	Kind     Kind // how its wording differs from the canonical text
	Misquote bool // a possible misquote (see Classify)
	Diff     Diff // its words against the canonical text
}

// Group is one utterance: every quote of it, across articles.
type Group struct {
	Speaker   string   // the most frequent known speaker key, "" when none is known
	Canonical int      // index of the quote whose wording is canonical
	Members   []Member // earliest first (unknown dates last), then by article and id
}

// shortContent is the number of content words below which a quotation
// is short: short quotations ("extremely productive") are grouped only
// with quotations of the same content words, published within
// shortWindow of each other.
const (
	shortContent = 3
	shortWindow  = 7 * 24 * time.Hour
)

// A quotation with fewer than phraseContent content words (repeats
// counted) is grouped
// only with quotations of about its length; one with at least
// fragmentContent may be grouped with a passage much longer than itself.
const (
	phraseContent   = 4
	fragmentContent = 5
)

// Build groups quotes that are the same utterance. Two quotes are the
// same utterance when their speakers do not conflict (an unknown speaker
// conflicts with none) and
//
//   - their words are the same (Text.Key), or
//   - one of them is short (fewer than three content words): both have
//     the same words once intensifiers, quantifiers and articles are set
//     aside ("very productive", "extremely productive"), and their dates,
//     where known, are at most a week apart; or
//   - otherwise, aligning their words (weighted: content words count
//     most) covers at least 70% of the shorter and 40% of the longer
//     (a variant, a translation, a truncation with changes), or 90% of
//     a shorter one that has at least five content words (a fragment of
//     a long passage); a shorter one with fewer than four content words
//     needs 70% of both. Words that the longer one itself quotes from
//     someone else (a nested quotation) do not count for this.
//
// Quotes are taken longest first; each joins the group whose first
// (longest) quote it matches best, or a group that already has a quote
// of its very words (the larger such group on a tie), or starts a group. The order is
// fixed by the quotes themselves, so the result does not depend on the
// order they are given in. The canonical wording of a group is its most
// frequent one (ties: the longest, then the earliest).
func Build(quotes []Quote) []Group {
	texts := make([]Text, len(quotes))
	info := make([]qinfo, len(quotes))
	for i, q := range quotes {
		texts[i] = Normalize(q.Text)
		info[i] = newInfo(texts[i], q.Published)
	}
	order := make([]int, len(quotes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(info[b].weight, info[a].weight); c != 0 {
			return c
		}
		qa, qb := quotes[a], quotes[b]
		return cmp.Or(cmp.Compare(info[a].key, info[b].key), compareDates(qa.Published, qb.Published),
			cmp.Compare(qa.Speaker, qb.Speaker), cmp.Compare(qa.Text, qb.Text), cmp.Compare(qa.ID, qb.ID))
	})

	type building struct {
		leader     int
		speaker    string
		members    []int
		first, end time.Time // the known dates of the members
	}
	var groups []*building
	byStem := map[string][]int{} // content stem -> groups whose leader has it
	byKey := map[string][]int{}  // member key -> groups with a member of those words
	seen := map[int]int{}
	for _, qi := range order {
		clear(seen)
		var cands []int
		for _, g := range byKey[info[qi].key] {
			seen[g] = 1 << 20
			cands = append(cands, g)
		}
		same := len(cands) // cands[:same] have a member of the same words
		for s := range info[qi].content {
			for _, g := range byStem[s] {
				if seen[g] == 0 {
					cands = append(cands, g)
				}
				seen[g]++
			}
		}
		best, bestScore := -1, 0.0
		need := len(info[qi].content) * 6 / 10
		if need == 0 {
			need = 1
		}
		slices.Sort(cands[:same])
		slices.Sort(cands[same:])
		for i, g := range cands {
			if seen[g] < need {
				continue
			}
			b := groups[g]
			if sh, qc, lc := float64(seen[g]), float64(len(info[qi].content)), float64(len(info[b.leader].content)); seen[g] < 1<<20 &&
				qc >= shortContent && lc >= shortContent && sh < 0.35*lc && sh < 0.85*qc {
				continue // too few content words in common for link to accept
			}
			if sp := quotes[qi].Speaker; sp != "" && b.speaker != "" && !SameSpeaker(sp, b.speaker) {
				continue
			}
			if d := info[qi].date; !d.IsZero() && !b.first.IsZero() && (d.Sub(b.first) > shortWindow || b.end.Sub(d) > shortWindow) &&
				(len(info[qi].content) < shortContent || len(info[b.leader].content) < shortContent) {
				continue // a short quotation far in time from the group's
			}
			ok, score := true, 3.0 // the words of one of its members
			if i >= same {
				ok, score = link(texts[qi], info[qi], texts[b.leader], info[b.leader])
			}
			if ok && (score > bestScore || best >= 0 && score == bestScore && len(b.members) > len(groups[best].members)) {
				best, bestScore = g, score
			}
		}
		if best < 0 {
			best = len(groups)
			groups = append(groups, &building{leader: qi})
			for s := range info[qi].content {
				byStem[s] = append(byStem[s], best)
			}
		}
		b := groups[best]
		if k := info[qi].key; k != "" && !slices.Contains(byKey[k], best) {
			byKey[info[qi].key] = append(byKey[info[qi].key], best)
		}
		b.members = append(b.members, qi)
		if d := info[qi].date; !d.IsZero() {
			if b.first.IsZero() || d.Before(b.first) {
				b.first = d
			}
			if d.After(b.end) {
				b.end = d
			}
		}
		if sp := quotes[qi].Speaker; len(sp) > len(b.speaker) {
			b.speaker = sp // the fullest name the group has seen
		}
	}

	out := make([]Group, 0, len(groups))
	for _, b := range groups {
		out = append(out, finish(quotes, texts, info, b.members))
	}
	slices.SortFunc(out, func(a, b Group) int {
		return cmp.Or(cmp.Compare(len(b.Members), len(a.Members)),
			cmp.Compare(info[a.Canonical].key, info[b.Canonical].key),
			cmp.Compare(quotes[a.Canonical].ID, quotes[b.Canonical].ID))
	})
	return out
}

// qinfo is what grouping needs of a quote, computed once.
type qinfo struct {
	key     string
	core    string          // the stems of the words that are not modifiers or articles, nested words excluded
	weight  float64         // total word weight, nested words excluded
	content map[string]bool // content stems outside nested quotations
	words   int             // content words outside nested quotations, repeats counted
	date    time.Time       // zero when unknown
}

func newInfo(t Text, published string) qinfo {
	in := qinfo{key: t.Key(), content: map[string]bool{}}
	var core strings.Builder
	for _, w := range t.Words {
		if w.Nested {
			continue
		}
		in.weight += w.weight()
		if w.Class != Modifier && w.Norm != "a" && w.Norm != "an" && w.Norm != "the" {
			core.WriteString(w.Stem)
			core.WriteByte(' ')
		}
		if w.Class == Content {
			in.content[w.Stem] = true
			in.words++
		}
	}
	in.core = core.String()
	if d, err := time.Parse(time.DateOnly, published); err == nil {
		in.date = d
	}
	return in
}

// link reports whether quotations a and b are the same utterance (see
// Build), and how well they match (higher is better).
func link(a Text, ia qinfo, b Text, ib qinfo) (bool, float64) {
	if ia.key == ib.key && ia.key != "" {
		return true, 3
	}
	if len(ia.content) < shortContent || len(ib.content) < shortContent {
		if len(ia.content) == 0 || ia.core != ib.core {
			return false, 0
		}
		if !ia.date.IsZero() && !ib.date.IsZero() {
			if d := ia.date.Sub(ib.date); d > shortWindow || d < -shortWindow {
				return false, 0
			}
		}
		return true, 2.5
	}
	if ia.weight > ib.weight {
		a, ia, b, ib = b, ib, a, ia
	}
	pairs, _ := align(a.Words, b.Words)
	var matched float64
	for _, p := range pairs {
		wa, wb := a.Words[p[0]], b.Words[p[1]]
		if wa.Nested != wb.Nested {
			continue // words one of them only quotes
		}
		if !wa.Nested {
			matched += wa.weight()
		}
	}
	if ia.weight == 0 || ib.weight == 0 {
		return false, 0
	}
	covA, covB := matched/ia.weight, matched/ib.weight
	ok := (covA >= 0.7 && covB >= 0.4) || (covA >= 0.9 && len(ia.content) >= fragmentContent)
	if ia.words < phraseContent {
		// A few words in common with a longer passage are as likely a
		// stock phrase ("come a long way") as a quotation of it.
		ok = covA >= 0.7 && covB >= 0.7
	}
	return ok, covA + covB
}

// finish orders a group's members, picks its canonical wording and
// diffs every member against it.
func finish(quotes []Quote, texts []Text, info []qinfo, members []int) Group {
	slices.SortFunc(members, func(a, b int) int {
		qa, qb := quotes[a], quotes[b]
		return cmp.Or(compareDates(qa.Published, qb.Published), cmp.Compare(qa.Article, qb.Article), cmp.Compare(qa.ID, qb.ID))
	})
	speakers := map[string]int{}
	for _, m := range members {
		if s := quotes[m].Speaker; s != "" {
			speakers[s]++
		}
	}
	g := Group{Canonical: canonical(texts, info, members)}
	// A surname-only key counts for the full name it matches.
	for s, n := range speakers {
		for f := range speakers {
			if f != s && len(f) > len(s) && SameSpeaker(s, f) {
				speakers[f] += n
				delete(speakers, s)
				break
			}
		}
	}
	for s, n := range speakers {
		if n > speakers[g.Speaker] || (n == speakers[g.Speaker] && s < g.Speaker) {
			g.Speaker = s
		}
	}
	canon := g.Canonical
	for _, m := range members {
		d := Compare(texts[canon], texts[m])
		k, mis := Classify(d)
		if info[m].key == info[canon].key {
			k, mis = Same, false
		}
		g.Members = append(g.Members, Member{Quote: m, Kind: k, Misquote: mis, Diff: d})
	}
	return g
}

// compareDates orders YYYY-MM-DD dates, unknown ("") last.
func compareDates(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Compare(a, b)
}

// maxForms bounds the wordings compared to choose a canonical one.
const maxForms = 40

// canonical returns the member whose wording agrees most with the
// others: the highest sum, over every member, of the share of words the
// two have in common (weighted as in Build). Ties go to the longer
// wording, then to the earlier member.
func canonical(texts []Text, info []qinfo, members []int) int {
	type form struct{ first, count int }
	var forms []form
	at := map[string]int{}
	for _, m := range members {
		if i, ok := at[info[m].key]; ok {
			forms[i].count++
			continue
		}
		at[info[m].key] = len(forms)
		forms = append(forms, form{first: m, count: 1})
	}
	if len(forms) == 1 {
		return members[0]
	}
	if len(forms) > maxForms {
		slices.SortStableFunc(forms, func(a, b form) int { return cmp.Compare(b.count, a.count) })
		forms = forms[:maxForms]
	}
	best, bestScore := -1, -1.0
	for i, f := range forms {
		score := float64(f.count)
		for j, g := range forms {
			if i == j {
				continue
			}
			_, m := align(texts[f.first].Words, texts[g.first].Words)
			if tw := info[f.first].weight + info[g.first].weight; tw > 0 {
				score += float64(g.count) * 2 * m / tw
			}
		}
		if best < 0 || score > bestScore+1e-9 ||
			(score > bestScore-1e-9 && len(texts[f.first].Words) > len(texts[forms[best].first].Words)) {
			best, bestScore = i, score
		}
	}
	return forms[best].first
}

// SameSpeaker reports whether two speaker keys may name one person: they
// are equal, or one is a surname alone ("person/trump") and the other a
// full name ending with it ("person/donald-trump").
func SameSpeaker(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	ta, na, ok1 := strings.Cut(a, "/")
	tb, nb, ok2 := strings.Cut(b, "/")
	if !ok1 || !ok2 || ta != tb || strings.Contains(na, "-") {
		return false
	}
	return strings.HasSuffix(nb, "-"+na)
}
