package doc

// StatementKind says how a statement reports what was said.
type StatementKind uint8

// The statement kinds.
const (
	Direct   StatementKind = iota + 1 // the content is a quotation
	Indirect                          // the content is the reporter's words
	Mixed                             // reported speech with quoted words inside
)

var statementKindNames = [...]string{"", "direct", "indirect", "mixed"}

func (k StatementKind) String() string {
	if int(k) < len(statementKindNames) {
		return statementKindNames[k]
	}
	return ""
}

// Statement is one attribution: someone (the source) said, wrote, thought
// or announced something (the content), as signalled by a cue.
type Statement struct {
	Kind StatementKind
	// Content holds the content's fragments, in order. Most contents are
	// one span; a quotation interrupted by its attribution ("...," he
	// said, "...") or running over paragraphs has several.
	Content []Span
	Cue     Span // "said", "according to", "told"; zero when there is none
	Source  Span // "Putin", "he", "the president"; zero when there is none
	// Speaker is the entity the source refers to: an index into
	// Document.Entities, or -1 when unresolved.
	Speaker    int
	Quotes     []Span // verbatim quoted parts inside Content, without their marks
	Addressee  Span   // "the BBC" in "told the BBC"
	Manner     Span   // "via a translator", "in English", "firmly"
	Confidence float64
	// Parent is the index of the statement whose content holds this one
	// (a nested attribution: "she said he had told her …"), or -1.
	Parent int
	// Continues is the index of the statement this one carries on from,
	// for a quotation with no attribution of its own that follows another
	// speaker's statement; the speaker is that statement's. Otherwise -1.
	Continues int
}

// ContentSpan returns the span from the start of the first content
// fragment to the end of the last one.
func (s *Statement) ContentSpan() Span {
	if len(s.Content) == 0 {
		return Span{}
	}
	return Span{s.Content[0].Start, s.Content[len(s.Content)-1].End}
}
