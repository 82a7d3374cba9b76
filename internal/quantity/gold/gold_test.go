package gold

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

func analyzer(t testing.TB) Analyze {
	a, err := DefaultAnalyze(lexicon.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// floors reads testdata/floors.json.
func floors(t *testing.T) map[string]float64 {
	b, err := os.ReadFile("testdata/floors.json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for k, v := range m {
		if f, ok := v.(float64); ok {
			out[k] = f
		}
	}
	return out
}

func hold(t *testing.T, fl map[string]float64, r *Report) {
	t.Helper()
	t.Log(r.String())
	if testing.Verbose() {
		for _, f := range r.Failures {
			t.Log("  ", f)
		}
	}
	floor, ok := fl[r.Name]
	if !ok {
		t.Errorf("%s: no floor in testdata/floors.json", r.Name)
		return
	}
	if r.Accuracy() < floor {
		t.Errorf("%s: %.1f%% of cases right, below the floor %.1f%%", r.Name, 100*r.Accuracy(), 100*floor)
	}
}

func TestScoreRecognizers_Floors(t *testing.T) {
	root := shareddata.Dir(t, "recognizers-text-specs-en")
	a, fl := analyzer(t), floors(t)
	for _, m := range Recognizers {
		r, err := ScoreRecognizers(root, m, a)
		if err != nil {
			t.Fatal(err)
		}
		hold(t, fl, r)
	}
}

func TestScoreQuantulum_Floors(t *testing.T) {
	root := shareddata.Dir(t, "quantulum3-tests-en")
	rs, err := ScoreQuantulum(root, analyzer(t))
	if err != nil {
		t.Fatal(err)
	}
	fl := floors(t)
	for _, r := range rs {
		hold(t, fl, r)
	}
}
