package doc

import "time"

// Quantity is a number the article asserts, with its unit when it has one.
type Quantity struct {
	Span
	Value     float64 // the number as written: 1000 for "1,000 kilometres"
	Unit      string  // the unit as normalised: "kilometre", "USD", "percent"; "" for a bare number
	SIValue   float64 // Value in SI base units (or the currency itself)
	SIUnit    string  // "m", "kg", "s", "USD" ...
	Qualifier string  // "about", "at least", "nearly" ...; "" when exact
	Kind      string  // "count", "length", "fraction", "percent", "money", "duration" ...
}

// Date is a date or time expression, resolved against the publication date
// when it is relative.
type Date struct {
	Span
	Value       string // ISO 8601 value: "2025-08-15", "2022-03", "2014"; "" when unresolved
	Granularity string // "day", "month", "year", "range" ...
	Start, End  time.Time
	Relative    bool // the text gives it relative to another date ("Friday", "last week")
}

// Check is an inconsistency the article contains, such as a unit conversion
// that does not hold.
type Check struct {
	Kind     string // "conversion", "shares", "duration", "restated"
	Severity string // "warning" or "error"
	Spans    []Span
	Message  string
}
