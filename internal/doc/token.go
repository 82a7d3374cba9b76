package doc

// TokenKind is the coarse class of a token, decided by the tokenizer from
// its characters alone.
type TokenKind uint8

// The token kinds.
const (
	Word      TokenKind = iota + 1 // letters, with any digits, hyphens or inner apostrophes
	Number                         // begins with a digit: 1,000  2.3  10:30  1990s
	Punct                          // punctuation other than quotation marks
	QuoteMark                      // a quotation mark or an apostrophe used as one
	Symbol                         // currency, %, &, #, @ and other symbols
)

var kindNames = [...]string{"?", "word", "number", "punct", "quote", "symbol"}

func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// TokenFlags are facts about a token that later stages test often.
type TokenFlags uint16

// The token flags.
const (
	SentStart   TokenFlags = 1 << iota // first token of a sentence
	ParaStart                          // first token of a paragraph
	SpaceBefore                        // white space precedes the token
	SpaceAfter                         // white space follows the token
	OpenQuote                          // a quotation mark that opens a quote (set by package quote)
	CloseQuote                         // a quotation mark that closes a quote (set by package quote)
	InQuote                            // inside a quotation (set by package quote)
	Upper                              // first letter is upper case
	AllUpper                           // every letter is upper case, and there are at least two
)

// Token is one token of the text. Tokens never overlap and are in order.
type Token struct {
	Start, End int
	Kind       TokenKind
	Flags      TokenFlags
	POS        POS   // part of speech, set by package tag; 0 when untagged
	Sent       int32 // index of the sentence the token belongs to
}

// Span returns the token's span.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Has reports whether all of f are set on t.
func (t Token) Has(f TokenFlags) bool { return t.Flags&f == f }
