package eval

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/polnear"
)

func TestReport_Score(t *testing.T) {
	text := "Officials said the bridge was safe. “It will hold,” the mayor said."
	sp := func(s, e int) []polnear.Span { return []polnear.Span{{Start: s, End: e}} }
	gold := []polnear.Attribution{
		{Source: sp(0, 9), Cue: sp(10, 14), Content: sp(15, 34)},
		{Source: sp(56, 65), Cue: sp(66, 70), Content: sp(36, 55)},
	}
	pred := []polnear.Attribution{
		{Source: sp(0, 9), Cue: sp(10, 14), Content: sp(15, 34)},   // all exact
		{Source: sp(60, 65), Cue: sp(66, 70), Content: sp(36, 55)}, // source too short
		{Source: nil, Cue: sp(20, 26), Content: sp(27, 34)},        // spurious
	}
	var r Report
	r.Score(text, gold, pred)
	if c := r.Source.Exact; c.TP != 1 || c.Pred != 2 || c.Gold != 2 {
		t.Errorf("source counts = %+v", c)
	}
	if c := r.Cue.Exact; c.TP != 2 || c.Pred != 3 || c.Gold != 2 {
		t.Errorf("cue counts = %+v", c)
	}
	if c := r.Content.Exact; c.TP != 2 || c.Pred != 3 {
		t.Errorf("content counts = %+v", c)
	}
	if got := r.All.Content.TP; got != 2 {
		t.Errorf("matched attributions = %d, want 2", got)
	}
	if r.All.SourceExact != 1 || r.All.SourceOver != 2 {
		t.Errorf("source given match: exact %d overlap %d", r.All.SourceExact, r.All.SourceOver)
	}
	if r.Direct.Content.Gold != 1 || r.Direct.Content.TP != 1 {
		t.Errorf("direct subset = %+v", r.Direct.Content)
	}
}
