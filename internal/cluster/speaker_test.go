package cluster

import "testing"

func TestSameSpeaker(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"person/donald-trump", "person/donald-trump", true},
		{"person/trump", "person/donald-trump", true},
		{"person/donald-trump", "person/trump", true},
		{"person/trump", "person/melania-trump", true},
		{"person/putin", "person/donald-trump", false},
		{"organization/trump", "person/donald-trump", false},
		{"person/ivanka-trump", "person/donald-trump", false},
	} {
		if got := SameSpeaker(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
