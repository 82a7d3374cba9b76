package entity

import "testing"

func TestTitleCase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"minister", "Minister"},
		{"secretary of state", "Secretary of State"},
		{"secretary-general", "Secretary-General"},
		{"commander-in-chief", "Commander-in-Chief"},
		{"the prime minister", "The Prime Minister"},
	} {
		if got := titleCase(c.in); got != c.want {
			t.Errorf("titleCase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
