package eval

import (
	"fmt"
	"io"
	"strings"
)

// NERReport counts exact-span entity matches per type, for BIO label
// sequences ("B-PER", "I-PER", "O", ...).
type NERReport struct {
	Types map[string]*PRF // by type: PER, ORG, LOC, MISC
	All   PRF
}

// bioSpans returns the entities of a BIO sequence as "start:end:type"
// keys. An I- label that does not continue its type starts an entity.
func bioSpans(labels []string) map[string]bool {
	out := map[string]bool{}
	start, typ := -1, ""
	flush := func(end int) {
		if start >= 0 {
			out[fmt.Sprintf("%d:%d:%s", start, end, typ)] = true
		}
		start, typ = -1, ""
	}
	for i, l := range labels {
		b, t, _ := strings.Cut(l, "-")
		switch {
		case l == "O" || l == "":
			flush(i)
		case b == "B" || t != typ:
			flush(i)
			start, typ = i, t
		}
	}
	flush(len(labels))
	return out
}

// Add scores one sentence's predicted labels against its gold labels.
func (r *NERReport) Add(gold, pred []string) {
	if r.Types == nil {
		r.Types = map[string]*PRF{}
	}
	g, p := bioSpans(gold), bioSpans(pred)
	count := func(key string, f func(c *PRF)) {
		t := key[strings.LastIndexByte(key, ':')+1:]
		c := r.Types[t]
		if c == nil {
			c = &PRF{}
			r.Types[t] = c
		}
		f(c)
		f(&r.All)
	}
	for k := range g {
		count(k, func(c *PRF) { c.Gold++ })
	}
	for k := range p {
		count(k, func(c *PRF) {
			c.Pred++
			if g[k] {
				c.TP++
			}
		})
	}
}

// Write prints the report as a table.
func (r *NERReport) Write(w io.Writer) {
	fmt.Fprintf(w, "%-6s %7s %7s %7s %6s %6s\n", "type", "P", "R", "F1", "gold", "pred")
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		if c := r.Types[t]; c != nil {
			fmt.Fprintf(w, "%-6s %7.4f %7.4f %7.4f %6d %6d\n", t, c.P(), c.R(), c.F1(), c.Gold, c.Pred)
		}
	}
	fmt.Fprintf(w, "%-6s %7.4f %7.4f %7.4f %6d %6d\n", "all", r.All.P(), r.All.R(), r.All.F1(), r.All.Gold, r.All.Pred)
}
