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

// perGame checks an average per game stated after the count it averages
// and the games, in one sentence: "scored 27 goals in 34 league games,
// an average of 0.79 a game", "19 goals in 31 appearances, a rate of 0.71
// per game" (0.61). The average is a number right before "a game" or
// "per game" (or match, appearance, start); the games are the last count
// of games before it, the count averaged the last count of anything else
// before it. The average must be the one over the other, allowing for
// the rounding of the average to its last digit.
func perGame(d *doc.Document, out []doc.Check) []doc.Check {
	return perSentence(d, out, 3, sentencePerGame)
}

// sentencePerGame checks the averages per game among quantities [i, j)
// of one sentence.
func sentencePerGame(d *doc.Document, out []doc.Check, i, j int) []doc.Check {
	qs := d.Quantities
	for k := i + 2; k < j; k++ {
		r := &qs[k]
		if r.Kind != "count" || r.IsRange() || r.Qualifier != "" || !r.Head.IsZero() || !perGameAfter(d.Text[r.End:min(len(d.Text), r.End+20)]) {
			continue
		}
		games, n := -1, -1
		for m := k - 1; m >= i && (games < 0 || n < 0); m-- {
			q := &qs[m]
			switch {
			case q.Kind != "count" || q.IsRange() || q.Value <= 0:
			case games < 0 && (gameNoun(d.Slice(q.Head)) || strings.EqualFold(d.Slice(q.Head), "appearances") || strings.EqualFold(d.Slice(q.Head), "starts")):
				games = m
			case n < 0 && !q.Head.IsZero() && !gameNoun(d.Slice(q.Head)):
				n = m
			}
		}
		if games < 0 || n < 0 {
			continue
		}
		g, c := &qs[games], &qs[n]
		if last := max(g.End, g.Head.End, c.End, c.Head.End); r.Start-last > 40 || strings.ContainsAny(d.Text[last:r.Start], ";:") {
			continue // the average is of another count: "…; he averaged 0.5 a game last season"
		}
		avg := c.Value / g.Value
		step := r.Step
		if step <= 0 || step > 1 {
			continue // "1 a game": too round to check
		}
		if avg >= r.Value-step/2-1e-9 && avg <= r.Value+step/2+1e-9 || c.Qualifier != "" || g.Qualifier != "" {
			continue
		}
		out = append(out, doc.Check{
			Kind: "shares", Severity: "error", Spans: []doc.Span{c.Span, g.Span, r.Span},
			Message: fmt.Sprintf("%s %s in %s %s is %s a game, not %s", d.Slice(c.Span), d.Slice(c.Head), d.Slice(g.Span), d.Slice(g.Head), num(avg, step), d.Slice(r.Span)),
		})
	}
	return out
}

// perGameAfter reports whether text after a number makes it an average
// per game: " a game", " per game", " per match", " an appearance".
func perGameAfter(text string) bool {
	t := strings.TrimLeft(text, " ")
	for _, p := range []string{"a game", "per game", "a match", "per match", "an appearance", "per appearance", "a start", "per start"} {
		if len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) && (len(t) == len(p) || t[len(p)] < 'a' || t[len(p)] > 'z') {
			return true
		}
	}
	return false
}
