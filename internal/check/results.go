package check

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// A result is what a side made of a game: a win, a draw or a defeat.
const (
	resultNone = iota
	resultWin
	resultDraw
	resultLoss
)

// results checks a side's record against the games it is of, in one
// sentence: "took 48 points from 38 matches, with 12 wins, 10 draws and
// 14 defeats" (36 games), "won 24, drew 8 and lost 6 of their 38
// matches". The games are a count of matches, games or fixtures; the
// results are counts of wins, draws and defeats (by their nouns, or by
// "won", "drew" and "lost" before them). Wins and defeats must not add
// up to more than the games, and where draws are given too, the three
// must add up to them exactly; a record with no defeats, or no wins, is
// not checked (it may be of another part of the season).
func results(d *doc.Document, out []doc.Check) []doc.Check {
	return perSentence(d, out, 3, sentenceResults)
}

// sentenceResults checks the record among quantities [i, j) of one
// sentence.
func sentenceResults(d *doc.Document, out []doc.Check, i, j int) []doc.Check {
	qs := d.Quantities[i:j]
	games := -1
	var sum [4]float64
	var seen [4]bool
	var spans []doc.Span
	for k := range qs {
		q := &qs[k]
		if q.Kind != "count" || q.IsRange() || q.Qualifier != "" {
			continue
		}
		if gameNoun(d.Slice(q.Head)) {
			if games >= 0 {
				return out // two counts of games: not one record
			}
			games = k
			continue
		}
		r := resultOf(d, q)
		if r == resultNone {
			continue
		}
		if seen[r] {
			return out // "won 3 … won 5": two records
		}
		seen[r] = true
		sum[r] = q.Value
		spans = append(spans, q.Span)
	}
	if games < 0 || !seen[resultWin] || !seen[resultLoss] {
		return out
	}
	g := &qs[games]
	total := sum[resultWin] + sum[resultDraw] + sum[resultLoss]
	if total == g.Value || !seen[resultDraw] && total < g.Value {
		return out
	}
	var parts []string
	for _, sp := range spans {
		parts = append(parts, d.Slice(sp))
	}
	return append(out, doc.Check{
		Kind: "shares", Severity: "error", Spans: orderedSpans(append(spans, g.Span)),
		Message: fmt.Sprintf("the results %s add up to %s games, not %s", strings.Join(parts, " and "), num(total, 1), d.Slice(g.Span)),
	})
}

// gameNoun reports whether a count's noun counts games played.
func gameNoun(h string) bool {
	for _, g := range []string{"matches", "games", "fixtures", "league games", "league matches", "outings"} {
		if strings.EqualFold(h, g) {
			return true
		}
	}
	return false
}

// resultOf returns the result a count counts: by its noun ("12 wins",
// "14 defeats") or by the verb before it ("won 24", "drew 8", "lost 6").
func resultOf(d *doc.Document, q *doc.Quantity) int {
	if h := d.Slice(q.Head); h != "" {
		for _, r := range resultNouns {
			if strings.EqualFold(h, r.word) {
				return r.result
			}
		}
		return resultNone
	}
	before := strings.TrimSpace(d.Text[max(0, q.Start-8):q.Start])
	for _, r := range resultVerbs {
		if n := len(before) - len(r.word); n >= 0 && before[n:] == r.word && (n == 0 || before[n-1] == ' ') {
			return r.result
		}
	}
	return resultNone
}

type resultWord struct {
	word   string
	result int
}

var (
	resultNouns = []resultWord{{"wins", resultWin}, {"win", resultWin}, {"victories", resultWin}, {"victory", resultWin},
		{"draws", resultDraw}, {"draw", resultDraw}, {"ties", resultDraw}, {"tie", resultDraw},
		{"defeats", resultLoss}, {"defeat", resultLoss}, {"losses", resultLoss}, {"loss", resultLoss}}
	resultVerbs = []resultWord{{"won", resultWin}, {"drew", resultDraw}, {"drawn", resultDraw}, {"tied", resultDraw}, {"lost", resultLoss}}
)

// orderedSpans sorts a few spans by their start.
func orderedSpans(s []doc.Span) []doc.Span {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}
