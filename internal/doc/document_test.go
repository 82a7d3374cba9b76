package doc

import "testing"

// TestTokenAt_SentenceAt checks the searches against a scan, for every
// offset around documents of 0 to 40 tokens and sentences of one to
// three tokens.
func TestTokenAt_SentenceAt(t *testing.T) {
	for n := range 41 {
		d := &Document{}
		off := 0
		for i := range n {
			l := 1 + i%7
			d.Tokens = append(d.Tokens, Token{Start: off, End: off + l})
			off += l + 1 + i%2
		}
		for i := 0; i < n; {
			k := min(n, i+1+i%3)
			d.Sentences = append(d.Sentences, Sentence{Span: Span{d.Tokens[i].Start, d.Tokens[k-1].End}, FirstTok: i, EndTok: k})
			i = k
		}
		for off := -2; off < 10*n+10; off++ {
			wantTok := len(d.Tokens)
			for i, tk := range d.Tokens {
				if tk.End > off {
					wantTok = i
					break
				}
			}
			if got := d.TokenAt(off); got != wantTok {
				t.Fatalf("%d tokens: TokenAt(%d) = %d, want %d", n, off, got, wantTok)
			}
			wantSent := -1
			for i, s := range d.Sentences {
				if s.Start <= off && off < s.End {
					wantSent = i
					break
				}
			}
			if got := d.SentenceAt(off); got != wantSent {
				t.Fatalf("%d tokens: SentenceAt(%d) = %d, want %d", n, off, got, wantSent)
			}
		}
	}
}
