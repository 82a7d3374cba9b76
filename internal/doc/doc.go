// Package doc holds the types every stage of Verbatim shares: a Document,
// its text, and the layers of annotation the stages add to it (paragraphs,
// sentences, tokens, quotation marks, mentions, entities, statements,
// quantities, dates and checks).
//
// Every Span in this package is a half-open range of byte offsets into
// Document.Text. Offsets are converted to Unicode code points only where
// they leave the engine (see package render), so stages can slice the text
// directly and cheaply.
//
// The package has no dependencies beyond the standard library, and no
// behaviour beyond small accessors: stages own the logic.
package doc
