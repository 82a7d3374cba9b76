package doc

import "time"

// Quantity is a number the article asserts, with its unit when it has one.
type Quantity struct {
	// Span covers the numeral and its unit: "1,000 kilometres", "$2.3bn",
	// "a fifth", "three-hour". A hedge ("about") is not part of it.
	Span
	// Value is the number as written, scale included: 1000 for "1,000
	// kilometres", 2.3e9 for "$2.3bn", 0.2 for "a fifth", 20 for "20%".
	// For a range ("two to three weeks") it is the low end and Max the
	// high end; otherwise Max equals Value.
	Value, Max float64
	// Unit is the canonical unit ("kilometre", "dollar", "pound sterling",
	// "percentage"); "" for a bare number or a share in words.
	Unit string
	// SIValue and SIMax are Value and Max in SI base units (metres,
	// kilograms, seconds, kelvin, square metres ...), or for money in the
	// currency's own unit, named by SIUnit ("m", "kg", "s", "K", "m2",
	// "USD", "1" for percentages). SIUnit is "" when there is no unit.
	SIValue, SIMax float64
	SIUnit         string
	// Qualifier is the hedge as written, in lower case: "about", "at
	// least", "nearly", "as far as"; "" when the figure is stated as exact.
	Qualifier string
	// Kind is "count", "fraction", "percent", "money", "money per
	// person" ("£3,400 per head"), "exchange rate" ("108.55 yen per
	// dollar"), or the unit's
	// physical quantity: "length", "area", "volume", "mass", "duration",
	// "speed", "temperature", "energy" ...
	Kind string
	// Adjective is set for a compound adjective: "three-year war", "a
	// 2.5-mile stretch".
	Adjective bool
	// Head is the noun the quantity counts or modifies: "war" in
	// "three-year war", "children" in "105 children"; zero when none.
	Head Span
	// Of is the whole a share is of: "Ukraine" in "a fifth of Ukraine";
	// zero otherwise.
	Of Span
	// Step is the place of the last significant digit as written: 10 for
	// "680", 0.1 for "2.5", 1e8 for "2.3 billion"; 0 for an exact share.
	// Checks use it to allow for rounding.
	Step float64
	// Sentence is the index of the sentence that asserts it, or -1.
	Sentence int
}

// IsRange reports whether q is a range ("two to three weeks").
func (q *Quantity) IsRange() bool { return q.Max != q.Value }

// Date is a date, time, duration or set of times (a TIMEX3 in TimeML's
// terms), resolved against the publication date when it is relative.
type Date struct {
	Span
	// Type is "date", "time", "duration" or "set".
	Type string
	// Value is the TIMEX3 value: "2025-08-15", "2022-03", "2014", "2013-W11",
	// "2013-Q3", "2012-SU", "199" (the 1990s), "2013-03-22TAF" (an
	// afternoon), "P3Y" (a duration), "PRESENT_REF", "PAST_REF"; with
	// "X" for what the text leaves unknown ("XXXX-03-22").
	Value string
	// Granularity is the precision of a date or time ("day", "week",
	// "month", "quarter", "season", "year", "decade", "century", "minute",
	// "hour", "part of day", "split year" for a season or year over two
	// calendar years, "2025/26"; "fiscal year" for "FY2027" or "the
	// 2026-27 financial year") or the unit of a duration.
	Granularity string
	// Mod is the TIMEX3 modifier: "START", "MID", "END", "APPROX",
	// "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "BEFORE", "AFTER"; "" when
	// none.
	Mod string
	// From and To bound the interval a date or time resolves to, To
	// exclusive; both are zero when it does not resolve (no publication
	// date for a relative date; durations and sets).
	From, To time.Time
	// Relative is set when the text gives the date relative to another
	// ("Friday", "last week", "three years ago").
	Relative bool
	// Sentence is the index of the sentence it is in, or -1.
	Sentence int
}

// Check is an inconsistency the article contains: figures that cannot
// all be right.
type Check struct {
	// Kind is "conversion" (a converted figure that does not match, or
	// two exchange rates of one pair of currencies that disagree),
	// "shares" (parts that exceed their whole, or do not add up to the
	// amount split into them, also the sides of a vote against the
	// body's members, a count and its share of a whole, wins, draws and
	// defeats against the games, an average per game), "duration" (a
	// duration that disagrees with the dates it spans, or an age at death
	// with the dates of birth and death), "restated" (the same figure
	// stated twice with different values), "change" (a change in points
	// that is not the difference of its two percentages, or in per cent
	// that is not the relative change of its two figures), "weekday" (a
	// date whose weekday the calendar contradicts) or "zone" (local times
	// whose times in UTC imply no time zone, or two).
	Kind string
	// Severity is "error" when the figures cannot all hold, "warning" when
	// they probably do not.
	Severity string
	Spans    []Span // the figures involved, in text order
	Message  string // a short explanation for a reader
}
