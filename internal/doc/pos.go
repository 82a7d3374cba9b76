package doc

// POS is a Penn Treebank part-of-speech tag, stored as a small integer. The
// zero POS means "not tagged".
type POS uint8

// The Penn Treebank tags, as CoreNLP writes them. The values are part of
// the trained models' format: append only.
const (
	TagNone POS = iota
	TagCC
	TagCD
	TagDT
	TagEX
	TagFW
	TagIN
	TagJJ
	TagJJR
	TagJJS
	TagLS
	TagMD
	TagNN
	TagNNS
	TagNNP
	TagNNPS
	TagPDT
	TagPOS
	TagPRP
	TagPRPS // PRP$
	TagRB
	TagRBR
	TagRBS
	TagRP
	TagSYM
	TagTO
	TagUH
	TagVB
	TagVBD
	TagVBG
	TagVBN
	TagVBP
	TagVBZ
	TagWDT
	TagWP
	TagWPS // WP$
	TagWRB
	TagHash       // #
	TagDollar     // $
	TagOpenQ      // ``
	TagCloseQ     // ''
	TagLRB        // -LRB-
	TagRRB        // -RRB-
	TagComma      // ,
	TagPeriod     // .
	TagColon      // :
	NumPOS    int = iota
)

var posNames = [NumPOS]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
	"RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
	"WDT", "WP", "WP$", "WRB", "#", "$", "``", "''", "-LRB-", "-RRB-", ",",
	".", ":",
}

var posByName = func() map[string]POS {
	m := make(map[string]POS, len(posNames))
	for i, n := range posNames {
		m[n] = POS(i)
	}
	return m
}()

// ParsePOS returns the POS named name, and false when the name is unknown.
func ParsePOS(name string) (POS, bool) {
	p, ok := posByName[name]
	return p, ok && p != TagNone
}

func (p POS) String() string {
	if int(p) < len(posNames) {
		return posNames[p]
	}
	return "?"
}

// IsNoun reports whether p is a common or proper noun tag.
func (p POS) IsNoun() bool { return p >= TagNN && p <= TagNNPS }

// IsProperNoun reports whether p is NNP or NNPS.
func (p POS) IsProperNoun() bool { return p == TagNNP || p == TagNNPS }

// IsVerb reports whether p is a verb tag (VB, VBD, VBG, VBN, VBP, VBZ).
func (p POS) IsVerb() bool { return p >= TagVB && p <= TagVBZ }

// IsFinite reports whether p is a finite verb or a modal: VBD, VBZ, VBP
// or MD.
func (p POS) IsFinite() bool {
	return p == TagVBD || p == TagVBZ || p == TagVBP || p == TagMD
}

// IsAdjective reports whether p is JJ, JJR or JJS.
func (p POS) IsAdjective() bool { return p >= TagJJ && p <= TagJJS }
