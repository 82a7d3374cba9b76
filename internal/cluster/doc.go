// Package cluster groups quotations that are the same utterance across
// articles, picks each group's canonical wording, and diffs every
// variant against it word by word, flagging possible misquotes.
//
// A quotation is first reduced to its words (Normalize): punctuation,
// case, the style of quote marks and contractions stop mattering, elision
// marks are remembered, and editorial insertions in brackets are dropped.
// Build then groups quotations deterministically (see Build for the rule)
// and Classify says how each variant differs from the canonical text:
// the same words, a truncation, a rewording in function words, or a
// change of meaning-bearing words (a possible misquote).
//
// Everything here is a pure function of its input; package store runs
// Build over every stored quotation when articles are added.
package cluster
