package doc

// Span is a half-open byte range [Start, End) into Document.Text. The zero
// Span is empty and means "absent" wherever a Span is optional.
type Span struct {
	Start, End int
}

// IsZero reports whether s is empty, that is, absent.
func (s Span) IsZero() bool { return s.End <= s.Start }

// Len returns the length of s in bytes.
func (s Span) Len() int {
	if s.End < s.Start {
		return 0
	}
	return s.End - s.Start
}

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// OverlapsAny reports whether s overlaps one of parts.
func (s Span) OverlapsAny(parts []Span) bool {
	for _, p := range parts {
		if s.Overlaps(p) {
			return true
		}
	}
	return false
}

// Union returns the smallest span that covers s and t. An empty span is
// ignored.
func (s Span) Union(t Span) Span {
	if s.IsZero() {
		return t
	}
	if t.IsZero() {
		return s
	}
	if t.Start < s.Start {
		s.Start = t.Start
	}
	if t.End > s.End {
		s.End = t.End
	}
	return s
}

// In returns the text s covers in text. It returns "" when s is out of
// bounds.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.End < s.Start {
		return ""
	}
	return text[s.Start:s.End]
}
