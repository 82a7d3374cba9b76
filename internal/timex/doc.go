// Package timex finds the dates, times, durations and recurring times a
// news report mentions ("15 August 2025", "March 2022", "2014", "Friday",
// "last week", "three years ago", "in recent months", "a nearly
// three-hour meeting", "daily") and normalises them to TimeML TIMEX3
// values, resolving relative ones against the publication date.
//
// The entry point is Resolver: Default (or New) and then (*Resolver).Find,
// which fills doc.Document.Dates of a segmented document. A sentence's
// tense (from its verbs, with part-of-speech tags when the document has
// them) decides whether "Friday" or "March" is the last one or the next.
// The rules were written against the TimeBank and AQUAINT corpora
// (TempEval-3's training data); package gold scores them on the
// TempEval-3 Platinum test set.
package timex
