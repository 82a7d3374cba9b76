package entity

import (
	"slices"
	"testing"
)

// TestChunkClauses_MarkSkipsNothing checks that the chunker's fast path,
// which passes over the words without lxClauseMark, finds the clauses it
// finds when it looks at every word, and that a cached word's scored and
// hasPhrases say what scoredForm and its phrases say.
func TestChunkClauses_MarkSkipsNothing(t *testing.T) {
	an := newAnalyser(t)
	for _, text := range testTexts(t, 20, nerTestText, `The minister said she would resign; her deputy, who met him on Monday, said he had not been told. After the vote ended, the council (which had asked them) left -- and it would look again -- but Dr. Okafor, whose office was closed, said that he and they would stay, yet nobody knew when.`) {
		st := an.detect(text)
		st.chunkClauses()
		clauses, clauseOf := slices.Clone(st.clauses), slices.Clone(st.clauseOf)
		// Every word marked, on copies of the cached infos.
		marked := make([]wordInfo, len(st.info))
		for k, wi := range st.info {
			if wi.scoredO != scoredForm(wi.word, wi.lex, lO) || wi.scoredIn != scoredForm(wi.word, wi.lex, lIPer) {
				t.Errorf("%q: scored after O, inside %v, %v; want %v, %v", wi.word, wi.scoredO, wi.scoredIn, scoredForm(wi.word, wi.lex, lO), scoredForm(wi.word, wi.lex, lIPer))
			}
			if wi.hasPhrases != (len(wi.phrases) > 0) {
				t.Errorf("%q: hasPhrases %v with %d phrases", wi.word, wi.hasPhrases, len(wi.phrases))
			}
			marked[k] = *wi
			marked[k].lex |= lxClauseMark
			st.info[k] = &marked[k]
		}
		st.chunkClauses()
		if !slices.Equal(clauses, st.clauses) || !slices.Equal(clauseOf, st.clauseOf) {
			t.Fatalf("%.40q: clauses %v (of tokens %v), want %v (%v) from looking at every word", text, clauses, clauseOf, st.clauses, st.clauseOf)
		}
	}
}
