package render

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

func TestRole(t *testing.T) {
	tests := []struct {
		titles []string
		want   string
	}{
		{[]string{"Prime Minister", "two-time central banker"}, "Prime Minister"},
		{[]string{"mayor", "mayor of Kyiv"}, "mayor of Kyiv"},
		{[]string{"Mayor", "former boxing champion", "mayor of Kyiv"}, "mayor of Kyiv"},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := Role(doc.Entity{Titles: tc.titles}); got != tc.want {
			t.Errorf("Role(%q) = %q, want %q", tc.titles, got, tc.want)
		}
	}
}
