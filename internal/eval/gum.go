package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// GUMDoc is one document of the GUM corpus (Zeldes 2017) in its CoNLL-U
// form: the text rebuilt from the tokens (a newline between paragraphs),
// the tokens, and the gold entity mentions.
type GUMDoc struct {
	Name     string
	Text     string
	Tokens   []GUMToken
	Mentions []GUMMention
}

// GUMToken is one syntactic word, with its byte span in Text, its Penn
// Treebank tag, and its dependency head (a token index; -1 for the root)
// and relation.
type GUMToken struct {
	Start, End int
	XPOS       string
	Head       int
	Deprel     string
}

// GUMMention is one gold mention: tokens [Start, End), the entity it
// belongs to (mentions with one Entity corefer), the entity type
// ("person", "organization", "place", "abstract", ...) and its head: the
// token whose dependency head lies outside the mention, or, for a name
// whose words hang flat from its first ("Donald Trump") or each from
// the one before, the last of them.
type GUMMention struct {
	Start, End int
	Entity     string
	Type       string
	Head       int
}

// LoadGUM reads the CoNLL-U files in dir whose names start with prefix
// ("GUM_news_"), sorted by name.
func LoadGUM(dir, prefix string) ([]*GUMDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, prefix+"*.conllu"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no %s*.conllu files", dir, prefix)
	}
	sort.Strings(paths)
	var out []*GUMDoc
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ReadGUM(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		d.Name = strings.TrimSuffix(filepath.Base(p), ".conllu")
		out = append(out, d)
	}
	return out, nil
}

// ReadGUM reads one GUM CoNLL-U document.
func ReadGUM(r io.Reader) (*GUMDoc, error) {
	d := &GUMDoc{}
	var text strings.Builder
	var stack []gumOpen
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	multiEnd, multiSpace := -1, true // a multi-word token being spelled out
	sentStart := 0
	space := func(misc string) bool { return !strings.Contains(misc, "SpaceAfter=No") }
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "# newpar") && text.Len() > 0 {
			s := strings.TrimRight(text.String(), " ")
			text.Reset()
			text.WriteString(s + "\n")
			continue
		}
		if l == "" || l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 10 {
			return nil, fmt.Errorf("line %d: want 10 columns, have %d", line, len(c))
		}
		if a, b, ok := strings.Cut(c[0], "-"); ok {
			// A multi-word token: its form is the surface; its words follow.
			_, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("line %d: bad range %q", line, c[0])
			}
			multiEnd, multiSpace = e, space(c[9])
			continue
		}
		if strings.Contains(c[0], ".") {
			continue // an empty node
		}
		id, err := strconv.Atoi(c[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: bad id %q", line, c[0])
		}
		if id == 1 {
			sentStart = len(d.Tokens)
		}
		head, err := strconv.Atoi(c[6])
		if err != nil {
			return nil, fmt.Errorf("line %d: bad head %q", line, c[6])
		}
		start := text.Len()
		text.WriteString(c[1])
		tok := GUMToken{Start: start, End: text.Len(), XPOS: c[4], Head: sentStart + head - 1, Deprel: c[7]}
		if head == 0 {
			tok.Head = -1
		}
		ti := len(d.Tokens)
		d.Tokens = append(d.Tokens, tok)
		sp := space(c[9])
		if multiEnd >= 0 {
			sp = id == multiEnd && multiSpace
			if id == multiEnd {
				multiEnd = -1
			}
		}
		if sp {
			text.WriteByte(' ')
		}
		for _, f := range strings.Split(c[9], "|") {
			v, ok := strings.CutPrefix(f, "Entity=")
			if !ok {
				continue
			}
			for v != "" {
				switch {
				case v[0] == '(':
					j := strings.IndexAny(v[1:], "()")
					spec := v[1:]
					if j >= 0 {
						spec = v[1 : j+1]
					}
					v = v[1+len(spec):]
					o, err := parseGUMSpec(spec, ti)
					if err != nil {
						return nil, fmt.Errorf("line %d: %w", line, err)
					}
					if strings.HasPrefix(v, ")") {
						v = v[1:]
						d.Mentions = append(d.Mentions, o.mention(ti+1))
					} else {
						stack = append(stack, o)
					}
				default:
					j := strings.IndexByte(v, ')')
					if j < 0 {
						return nil, fmt.Errorf("line %d: bad Entity value %q", line, f)
					}
					cid := v[:j]
					v = v[j+1:]
					k := len(stack) - 1
					for k >= 0 && stack[k].id != cid {
						k--
					}
					if k < 0 {
						return nil, fmt.Errorf("line %d: closes entity %s, which is not open", line, cid)
					}
					d.Mentions = append(d.Mentions, stack[k].mention(ti+1))
					stack = append(stack[:k], stack[k+1:]...)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("entity %s never closed", stack[0].id)
	}
	d.Text = strings.TrimRight(text.String(), " ")
	for i := range d.Mentions {
		d.Mentions[i].Head = d.head(d.Mentions[i].Start, d.Mentions[i].End)
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	return d, nil
}

// head returns the head token of the mention of tokens [s, e).
func (d *GUMDoc) head(s, e int) int {
	h := e - 1
	for t := s; t < e; t++ {
		if p := d.Tokens[t].Head; p < s || p >= e {
			h = t
			break
		}
	}
	// The name's words hang flat from its first, or each from the one
	// before ("Kim Jong-un": "un" from "Jong", "Jong" from "Kim").
	last := h
	for t := h + 1; t < e; t++ {
		if p := d.Tokens[t].Head; p >= h && p <= last && strings.HasPrefix(d.Tokens[t].Deprel, "flat") {
			last = t
		}
	}
	return last
}

type gumOpen struct {
	id, typ string
	start   int
}

// parseGUMSpec parses "ID-etype-infstat-..." for a mention opening at
// token ti.
func parseGUMSpec(spec string, ti int) (gumOpen, error) {
	f := strings.Split(spec, "-")
	if len(f) < 2 || f[0] == "" || f[1] == "" {
		return gumOpen{}, fmt.Errorf("bad entity spec %q", spec)
	}
	return gumOpen{id: f[0], typ: f[1], start: ti}, nil
}

func (o gumOpen) mention(end int) GUMMention {
	return GUMMention{Start: o.start, End: end, Entity: o.id, Type: o.typ}
}

// GUMTypes are the entity types the GUM scorer scores, and the types of
// Verbatim's entities they correspond to (a group of people is a person
// in GUM's scheme).
var GUMTypes = []string{"person", "organization", "place"}

func gumType(t doc.EntityType) string {
	switch t {
	case doc.Person, doc.Group:
		return "person"
	case doc.Organization:
		return "organization"
	case doc.Place:
		return "place"
	}
	return ""
}

// GUMReport is the GUM scoring of mentions and person coreference.
type GUMReport struct {
	Docs int
	// Named: the mentions whose head is a proper noun (NNP, NNPS in the
	// gold tags), on both sides; All: every mention of the type (names,
	// descriptions, pronouns). A predicted mention matches a gold one
	// when its head token is the gold head and the types agree.
	Named, All map[string]*PRF
	// MUC and B3 score person coreference: the gold person entities'
	// mentions against the resolver's person and group entities'
	// mentions, mentions identified by their head token.
	MUCP, MUCR ratioSum
	B3P, B3R   ratioSum
}

type ratioSum struct{ Num, Den float64 }

func (r ratioSum) value() float64 {
	if r.Den == 0 {
		return 0
	}
	return r.Num / r.Den
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// MUC returns the MUC precision, recall and F1 of person coreference.
func (r *GUMReport) MUC() (p, rc, f float64) {
	p, rc = r.MUCP.value(), r.MUCR.value()
	return p, rc, harmonic(p, rc)
}

// B3 returns the B-cubed precision, recall and F1 of person coreference
// (mentions one side lacks count as singletons there).
func (r *GUMReport) B3() (p, rc, f float64) {
	p, rc = r.B3P.value(), r.B3R.value()
	return p, rc, harmonic(p, rc)
}

// GUM scores analyse on docs: analyse returns the analysed document for a
// text (mentions and entities filled).
func GUM(docs []*GUMDoc, analyse func(text string) (*doc.Document, error)) (*GUMReport, error) {
	r := &GUMReport{Named: map[string]*PRF{}, All: map[string]*PRF{}}
	for _, t := range GUMTypes {
		r.Named[t], r.All[t] = &PRF{}, &PRF{}
	}
	for _, g := range docs {
		d, err := analyse(g.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.Name, err)
		}
		r.Docs++
		r.add(g, d)
	}
	return r, nil
}

func (r *GUMReport) add(g *GUMDoc, d *doc.Document) {
	// The gold token whose span holds byte offset off.
	tokAt := func(off int) int {
		i := sort.Search(len(g.Tokens), func(i int) bool { return g.Tokens[i].End > off })
		if i < len(g.Tokens) && g.Tokens[i].Start <= off {
			return i
		}
		return -1
	}
	type key struct {
		head int
		typ  string
	}
	goldAll, goldNamed := map[key]bool{}, map[key]bool{}
	goldChain := map[int]string{} // person mention head -> gold entity
	for _, m := range g.Mentions {
		k := key{m.Head, m.Type}
		goldAll[k] = true
		if x := g.Tokens[m.Head].XPOS; x == "NNP" || x == "NNPS" {
			goldNamed[k] = true
		}
		if m.Type == "person" {
			goldChain[m.Head] = m.Entity
		}
	}
	predAll, predNamed := map[key]bool{}, map[key]bool{}
	predChain := map[int]string{}
	for _, m := range d.Mentions {
		t := gumType(m.Type)
		if m.Entity >= 0 {
			t = gumType(d.Entities[m.Entity].Type)
		}
		h := tokAt(m.Head.End - 1)
		if t == "" || h < 0 {
			continue
		}
		k := key{h, t}
		predAll[k] = true
		if x := g.Tokens[h].XPOS; x == "NNP" || x == "NNPS" {
			predNamed[k] = true
		}
		if t == "person" {
			if m.Entity >= 0 {
				predChain[h] = fmt.Sprint("e", m.Entity)
			} else {
				predChain[h] = fmt.Sprint("m", h) // a singleton
			}
		}
	}
	count := func(gold, pred map[key]bool, out map[string]*PRF) {
		for k := range gold {
			if c := out[k.typ]; c != nil {
				c.Gold++
				if pred[k] {
					c.TP++
				}
			}
		}
		for k := range pred {
			if c := out[k.typ]; c != nil {
				c.Pred++
			}
		}
	}
	count(goldAll, predAll, r.All)
	count(goldNamed, predNamed, r.Named)
	mucAdd(&r.MUCR, goldChain, predChain)
	mucAdd(&r.MUCP, predChain, goldChain)
	b3Add(&r.B3R, goldChain, predChain)
	b3Add(&r.B3P, predChain, goldChain)
}

// chains groups mention heads by entity.
func chains(of map[int]string) map[string][]int {
	out := map[string][]int{}
	for h, e := range of {
		out[e] = append(out[e], h)
	}
	return out
}

// mucAdd adds the MUC recall of key against response (swap them for
// precision): for each key chain K, (|K| - |p(K)|) over (|K| - 1), where
// p(K) partitions K by the response chains, a mention the response lacks
// being a part of its own.
func mucAdd(s *ratioSum, keyOf, respOf map[int]string) {
	for _, ms := range chains(keyOf) {
		parts := map[string]bool{}
		for _, h := range ms {
			if e, ok := respOf[h]; ok {
				parts[e] = true
			} else {
				parts[fmt.Sprint("missing", h)] = true
			}
		}
		s.Num += float64(len(ms) - len(parts))
		s.Den += float64(len(ms) - 1)
	}
}

// b3Add adds the B-cubed recall of key against response (swap them for
// precision): for each key mention, the share of its key chain that its
// response chain also holds (a mention the response lacks is a singleton
// there).
func b3Add(s *ratioSum, keyOf, respOf map[int]string) {
	kc, rc := chains(keyOf), chains(respOf)
	for h, e := range keyOf {
		inResp := map[int]bool{h: true}
		if re, ok := respOf[h]; ok {
			for _, x := range rc[re] {
				inResp[x] = true
			}
		}
		n := 0
		for _, x := range kc[e] {
			if inResp[x] {
				n++
			}
		}
		s.Num += float64(n) / float64(len(kc[e]))
		s.Den++
	}
}

// Write prints the report.
func (r *GUMReport) Write(w io.Writer) {
	fmt.Fprintf(w, "GUM, %d documents: mention detection and typing (head token and type must match)\n", r.Docs)
	fmt.Fprintf(w, "%-14s %-13s %7s %7s %7s %6s %6s\n", "mentions", "type", "P", "R", "F1", "gold", "pred")
	for _, set := range []struct {
		name string
		m    map[string]*PRF
	}{{"named", r.Named}, {"all", r.All}} {
		var tot PRF
		for _, t := range GUMTypes {
			c := set.m[t]
			tot.TP, tot.Pred, tot.Gold = tot.TP+c.TP, tot.Pred+c.Pred, tot.Gold+c.Gold
			fmt.Fprintf(w, "%-14s %-13s %7.1f %7.1f %7.1f %6d %6d\n", set.name, t, 100*c.P(), 100*c.R(), 100*c.F1(), c.Gold, c.Pred)
		}
		fmt.Fprintf(w, "%-14s %-13s %7.1f %7.1f %7.1f %6d %6d\n", set.name, "(all three)", 100*tot.P(), 100*tot.R(), 100*tot.F1(), tot.Gold, tot.Pred)
	}
	p, rc, f := r.MUC()
	fmt.Fprintf(w, "person coreference MUC  P %.1f R %.1f F1 %.1f\n", 100*p, 100*rc, 100*f)
	p, rc, f = r.B3()
	fmt.Fprintf(w, "person coreference B3   P %.1f R %.1f F1 %.1f\n", 100*p, 100*rc, 100*f)
}
