package attrib

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// creditLabels are the one-word labels of a picture's or a clip's credit
// line ("Photo: Ana Ruiz, AP"): what follows the colon is who made the
// picture, not anything said.
var creditLabels = map[string]bool{
	"photo": true, "photos": true, "photograph": true, "image": true, "images": true,
	"picture": true, "pictures": true, "credit": true, "credits": true, "caption": true,
	"illustration": true, "graphic": true, "video": true, "footage": true,
}

// creditLines drops the statements whose cue is a colon and whose source
// is one word labelling a credit line ("Photo: Ana Ruiz, AP"), with the
// statements they hold.
func creditLines(d *doc.Document, sts []doc.Statement) []doc.Statement {
	drop := make([]bool, len(sts))
	found := false
	for i, st := range sts {
		if d.Slice(st.Cue) == ":" && creditLabels[strings.ToLower(d.Slice(st.Source))] {
			drop[i], found = true, true
		}
	}
	if !found {
		return sts
	}
	return dropStatements(sts, drop)
}
