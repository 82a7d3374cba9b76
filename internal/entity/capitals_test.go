package entity

import "testing"

func TestCapitalsTitled(t *testing.T) {
	for in, want := range map[string]string{
		"TAMARA KEITH":    "Tamara Keith",
		"O'NEILL":         "O'Neill",
		"J.R. SMITH":      "J.R. Smith",
		"ANNE-MARIE DUFF": "Anne-Marie Duff",
		"Tamara Keith":    "Tamara Keith",
		"DJ":              "DJ",
		"ABC News":        "ABC News",
	} {
		if got := capitalsTitled(in); got != want {
			t.Errorf("capitalsTitled(%q) = %q, want %q", in, got, want)
		}
	}
}
