// Package lexicon embeds the word lists Verbatim's stages share
// (abbreviations, reporting verbs and nouns, titles, first names,
// countries and demonyms) and parses them once.
//
// Each file in data/ has one entry per line and a # header naming its
// source and licence; data/SOURCES.md lists them all. Lookups are case
// sensitive unless a method says otherwise.
package lexicon
