package quantity

import "testing"

func TestWordFilter_MayHave(t *testing.T) {
	var f WordFilter
	in := []string{"", "a", "three", "twenty", "$", "½", "kilometres", "USD"}
	for _, w := range in {
		f.Add(w)
	}
	for _, w := range in {
		if !f.MayHave(w) {
			t.Errorf("MayHave(%q) = false after Add", w)
		}
	}
	out := 0
	for _, w := range []string{"people", "said", "government", "which", "would", "president", "election", "because"} {
		if f.MayHave(w) {
			out++
		}
	}
	if out > 2 {
		t.Errorf("MayHave is true for %d of 8 words never added", out)
	}
	var zero WordFilter
	if zero.MayHave("a") {
		t.Error("the zero WordFilter has a word")
	}
}
