package sqlstore

import (
	"encoding/json"
	"fmt"

	"github.com/verbatim-news/verbatim/internal/cluster"
)

// storedEdit is one cluster.Edit as the quotes.edits column keeps it: the
// column holds a JSON array of them, in order, with the variant's word
// left out of an Equal edit where it is the canonical word.
type storedEdit struct {
	Op      cluster.Op    `json:"o"`
	Canon   string        `json:"c,omitempty"`
	Variant string        `json:"v,omitempty"`
	Class   cluster.Class `json:"k,omitempty"`
}

// encodeEdits returns the stored form of d.
func encodeEdits(d cluster.Diff) string {
	out := make([]storedEdit, len(d))
	for i, e := range d {
		out[i] = storedEdit{Op: e.Op, Canon: e.Canon, Variant: e.Variant, Class: e.Class}
		if e.Op == cluster.Equal && e.Variant == e.Canon {
			out[i].Variant = ""
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		panic(fmt.Sprintf("sqlstore: encoding edits: %v", err)) // strings and numbers only
	}
	return string(b)
}

// decodeEdits reads the stored form of a diff; "" (a quote not yet
// clustered) is no diff.
func decodeEdits(s string) (cluster.Diff, error) {
	if s == "" {
		return nil, nil
	}
	var in []storedEdit
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("reading a quote's edits: %w", err)
	}
	d := make(cluster.Diff, len(in))
	for i, e := range in {
		if e.Op < cluster.Equal || e.Op > cluster.Elide {
			return nil, fmt.Errorf("reading a quote's edits: unknown edit %d", e.Op)
		}
		d[i] = cluster.Edit{Op: e.Op, Canon: e.Canon, Variant: e.Variant, Class: e.Class}
		if e.Op == cluster.Equal && e.Variant == "" {
			d[i].Variant = e.Canon
		}
	}
	return d, nil
}
