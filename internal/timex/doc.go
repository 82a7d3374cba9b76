// Package timex finds the dates, times, durations and recurring times a
// news report mentions ("15 August 2025", "March 2022", "2014", "Friday",
// "last week", "three years ago", "in recent months", "a nearly
// three-hour meeting", "daily") and normalises them to TimeML TIMEX3
// values, resolving relative ones against the publication date.
//
// A year that runs over two calendar years, a fiscal year or a season
// ("2027-28", "2027/28", "the 2025/26 season", "the 2026-27 financial
// year"), has for its value the ISO 8601 interval of the two years,
// "2027/2028", and spans both (granularity "split year", or "fiscal
// year"), as where in them it starts depends on the country or the
// sport; it is read so in a text that speaks of fiscal years, budgets or
// seasons, or with such a noun after it, and elsewhere, as TimeML
// annotates "the expedition of 1957-58", as two years. A fiscal year
// written "FY2027", "FY27" or "fiscal 2027" has TimeML's value, the year
// it is named by, and spans that year and the one before (granularity
// "fiscal year"), as most fiscal years are named by the year they end in.
//
// The entry point is Resolver: Default (or New) and then (*Resolver).Find,
// which fills doc.Document.Dates of a segmented document. A sentence's
// tense (from its verbs, with part-of-speech tags when the document has
// them) decides whether "Friday" or "March" is the last one or the next.
// The rules were written against the TimeBank and AQUAINT corpora
// (TempEval-3's training data); package gold scores them on the
// TempEval-3 Platinum test set.
package timex
