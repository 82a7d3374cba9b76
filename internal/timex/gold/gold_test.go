package gold

import (
	"encoding/json"
	"os"
	"path/filepath"
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

type floor struct {
	RelaxedF1     float64 `json:"relaxed_f1"`
	ValueF1       float64 `json:"value_f1"`
	ValueAccuracy float64 `json:"value_accuracy"`
}

func floors(t *testing.T) map[string]floor {
	b, err := os.ReadFile("testdata/floors.json")
	if err != nil {
		t.Fatal(err)
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]floor{}
	for k, v := range raw {
		var f floor
		if json.Unmarshal(v, &f) == nil {
			out[k] = f
		}
	}
	return out
}

func atLeast(t *testing.T, name, what string, got, floor float64) {
	t.Helper()
	if got < floor {
		t.Errorf("%s: %s %.1f%% is below the floor %.1f%%", name, what, 100*got, 100*floor)
	}
}

func scoreDir(t *testing.T, name string, elem ...string) {
	docs, err := ReadTimeMLDir(shareddata.Dir(t, elem...))
	if err != nil {
		t.Fatal(err)
	}
	r := ScoreTimeML(name, docs, analyzer(t))
	t.Log(r.String())
	if testing.Verbose() {
		for _, f := range r.Failures {
			t.Log("  ", f)
		}
	}
	fl, ok := floors(t)[name]
	if !ok {
		t.Fatalf("%s: no floor in testdata/floors.json", name)
	}
	atLeast(t, name, "relaxed F1", r.Relaxed.F1(), fl.RelaxedF1)
	atLeast(t, name, "value F1", r.Value.F1(), fl.ValueF1)
	atLeast(t, name, "value accuracy", r.ValueAccuracy(), fl.ValueAccuracy)
}

// TestScoreTimeML_Platinum holds the TempEval-3 test-set figures: TIMEX3
// relaxed-match F1, value F1 and value accuracy.
func TestScoreTimeML_Platinum(t *testing.T) {
	scoreDir(t, "TE3 Platinum", "timeml-tempeval3", "te3-platinum")
}

// TestScoreTimeML_TBAQ holds the figures on the training corpora the
// rules were written against.
func TestScoreTimeML_TBAQ(t *testing.T) {
	scoreDir(t, "TimeBank", "timeml-tempeval3", "TBAQ-cleaned", "TimeBank")
	scoreDir(t, "AQUAINT", "timeml-tempeval3", "TBAQ-cleaned", "AQUAINT")
}

func TestScoreDateTime_Floors(t *testing.T) {
	r, err := ScoreDateTime(filepath.Join(shareddata.Dir(t, "recognizers-text-specs-en"), DateTimeFile), analyzer(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.String())
	if testing.Verbose() {
		for _, f := range r.Failures {
			t.Log("  ", f)
		}
	}
	fl := floors(t)["recognizers date/time"]
	atLeast(t, "recognizers date/time", "detection F1", r.Detection.F1(), fl.RelaxedF1)
	atLeast(t, "recognizers date/time", "value accuracy", r.ValueAccuracy(), fl.ValueAccuracy)
}
