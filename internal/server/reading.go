package server

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/verbatim-news/verbatim/internal/render"
)

// palette is the number of speaker colours (CSS classes c0 … c9); more
// speakers reuse them in turn. Unresolved speakers are class cx.
const palette = 10

// reading is an analysed article laid out for reading: its paragraphs
// with every statement, cue, source, number, date and check marked, and
// the speakers with their statement counts.
type reading struct {
	Paragraphs []paragraph
	Speakers   []speakerMark
	Statements []statementRow
	Checks     int
}

// paragraph is one line of the article text and the notes (checks) that
// belong beside it.
type paragraph struct {
	Nodes []*node
	Notes []note
}

// note is a check shown beside its paragraph.
type note struct {
	ID       string // element id, the target of the marker in the text
	Severity string // "error" or "warning"
	Kind     string
	Message  string
}

// node is a run of text, or an element around runs: html/template renders
// the tree (template "node"), so every piece of text is escaped.
type node struct {
	Text string // set for text runs, which have no Tag
	Tag  string // "mark" for statements, "span" for the rest
	// Class is the element's class attribute; the attributes below are
	// set for statements only.
	Class    string
	Stmt     string // data-st: the statement id
	Title    string // the tooltip, as a title attribute
	Speaker  string
	Role     string
	Kind     string
	Conf     string
	Focus    bool   // tabindex=0: the first piece of each statement
	Marker   string // for checks: the note id it points to
	Children []*node
}

// speakerMark is a speaker in the side panel.
type speakerMark struct {
	Key    string // entity id, or "" for unresolved
	Name   string
	Role   string
	Class  string // colour class
	Count  int
	Global bool // the key is a cross-article key, so a speaker page can exist
}

// statementRow is one statement in the table under the article.
type statementRow struct {
	ID, Kind, Content, Speaker, Role, Class, Cue string
	Confidence                                   string
}

// mark is a span of the text to mark, in code points.
type mark struct {
	start, end int
	level      int // outer elements have lower levels
	seq        int // creation order, the last tie-break
	n          *node
	stmt       string // statements: the id, to give tabindex to the first piece only
}

// fileUnder points the speaker links of rd at the keys the corpus files
// a's speakers under (Article.SpeakerKeys, by statement id), where they
// differ from the article's own: the speaker page of a name the corpus
// joined to a fuller one is that one's.
func (rd *reading) fileUnder(a *render.Article, keys map[string]string) {
	if len(keys) == 0 {
		return
	}
	filed := map[string]string{}
	for _, st := range a.Statements {
		if k, ok := keys[st.ID]; ok && st.Speaker != nil {
			filed[st.Speaker.Entity] = k
		}
	}
	for i := range rd.Speakers {
		if k, ok := filed[rd.Speakers[i].Key]; ok && rd.Speakers[i].Global {
			rd.Speakers[i].Key = k
		}
	}
}

// newReading lays out a for reading.
func newReading(a *render.Article) *reading {
	rd := &reading{}
	speakerOf := speakers(a)
	classOf := map[string]string{}
	counts := map[string]int{}
	order := []string{}
	info := map[string]*render.Speaker{}
	for _, st := range a.Statements {
		sp := speakerOf[st.ID]
		key := ""
		if sp != nil {
			key = sp.Entity
			info[key] = sp
		}
		if _, ok := counts[key]; !ok {
			order = append(order, key)
		}
		counts[key]++
	}
	n := 0
	for _, key := range order {
		sm := speakerMark{Key: key, Name: "Unresolved", Class: "cx", Count: counts[key]}
		if sp := info[key]; sp != nil {
			sm.Name, sm.Role, sm.Class = sp.Name, sp.Role, "c"+strconv.Itoa(n%palette)
			sm.Global = strings.Contains(key, "/")
			n++
		}
		classOf[key] = sm.Class
		rd.Speakers = append(rd.Speakers, sm)
	}
	// Resolved speakers first, most statements first; unresolved last.
	slices.SortStableFunc(rd.Speakers, func(x, y speakerMark) int {
		if (x.Key == "") != (y.Key == "") {
			if x.Key == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(y.Count, x.Count)
	})

	var marks []mark
	add := func(s render.Span, level int, n *node, stmt string) {
		if s.End > s.Start {
			marks = append(marks, mark{start: s.Start, end: s.End, level: level, seq: len(marks), n: n, stmt: stmt})
		}
	}
	depth := statementDepths(a)
	runes := []rune(a.Text)
	for _, st := range a.Statements {
		sp := speakerOf[st.ID]
		key, name, role := "", "Unresolved speaker", ""
		if sp != nil {
			key, name, role = sp.Entity, sp.Name, sp.Role
		}
		class := classOf[key]
		conf := strconv.FormatFloat(st.Confidence, 'f', 2, 64)
		title := name
		if role != "" {
			title += ", " + role
		}
		title += " · " + st.Kind + " · confidence " + conf
		parts := st.Parts
		if len(parts) == 0 {
			parts = []render.Span{st.Content}
		}
		for _, p := range parts {
			add(p, 10+depth[st.ID], &node{Tag: "mark", Class: "st " + class + " k-" + st.Kind, Stmt: st.ID,
				Title: title, Speaker: name, Role: role, Kind: st.Kind, Conf: conf}, st.ID)
		}
		if st.Cue != nil {
			add(*st.Cue, 50, &node{Tag: "span", Class: "cue " + class}, "")
		}
		if st.Source != nil {
			add(*st.Source, 50, &node{Tag: "span", Class: "src " + class}, "")
		}
		var cue string
		if st.Cue != nil {
			cue = st.Cue.Text
			if ad := st.Addressee; ad != nil && ad.End <= len(runes) {
				// "told the BBC", as the text view shows it.
				var between string
				if ad.Start >= st.Cue.End {
					between = string(runes[st.Cue.End:ad.Start])
				}
				cue = render.ToldCue(cue, between, ad.Text, ad.Start >= st.Cue.End)
			}
		}
		rd.Statements = append(rd.Statements, statementRow{ID: st.ID, Kind: st.Kind, Content: st.Content.Text,
			Speaker: name, Role: role, Class: class, Cue: cue, Confidence: conf})
	}
	for _, q := range a.Quantities {
		t := strconv.FormatFloat(q.Value, 'g', -1, 64)
		if q.Max != nil {
			t += "–" + strconv.FormatFloat(*q.Max, 'g', -1, 64)
		}
		if q.Unit != "" {
			t += " " + q.Unit
		}
		add(q.Span, 60, &node{Tag: "span", Class: "num", Title: "number: " + t + " (" + q.Kind + ")"}, "")
	}
	for _, d := range a.Dates {
		v := d.Value
		if v == "" {
			v = "unresolved"
		}
		add(d.Span, 60, &node{Tag: "span", Class: "date", Title: d.Type + ": " + v}, "")
	}
	notesAt := map[int][]note{} // by paragraph
	paras := paragraphStarts(a.Text)
	for i, c := range a.Checks {
		id := fmt.Sprintf("check-%d", i+1)
		last := 0
		for _, s := range c.Spans {
			add(s, 55, &node{Tag: "span", Class: "chk chk-" + c.Severity, Title: c.Message}, "")
			last = max(last, s.End)
		}
		if len(c.Spans) > 0 {
			// A marker after the last figure points to the note.
			marks = append(marks, mark{start: last, end: last, level: 0, seq: len(marks),
				n: &node{Tag: "a", Class: "chk-marker chk-" + c.Severity, Marker: id, Title: c.Message}})
		}
		p := paragraphOf(paras, last-1)
		notesAt[p] = append(notesAt[p], note{ID: id, Severity: c.Severity, Kind: c.Kind, Message: c.Message})
		rd.Checks++
	}

	seen := map[string]bool{} // statements whose first piece is laid out
	for i, start := range paras {
		end := len(runes)
		if i+1 < len(paras) {
			end = paras[i+1] - 1 // before the line break
		}
		end = max(end, start)
		text := runes[start:end]
		if strings.TrimSpace(string(text)) == "" && len(notesAt[i]) == 0 {
			continue
		}
		rd.Paragraphs = append(rd.Paragraphs, paragraph{Nodes: layout(runes, start, end, marks, seen), Notes: notesAt[i]})
	}
	return rd
}

// speakers returns each statement's speaker, following the statements it
// continues when it has none of its own.
func speakers(a *render.Article) map[string]*render.Speaker {
	byID := map[string]*render.Statement{}
	for i := range a.Statements {
		byID[a.Statements[i].ID] = &a.Statements[i]
	}
	out := map[string]*render.Speaker{}
	for _, st := range a.Statements {
		s := &st
		for hops := 0; s != nil && hops <= len(a.Statements); hops++ {
			if s.Speaker != nil {
				out[st.ID] = s.Speaker
				break
			}
			s = byID[s.Continues]
		}
	}
	return out
}

// statementDepths returns how deep each statement is nested in others.
func statementDepths(a *render.Article) map[string]int {
	parent := map[string]string{}
	for _, st := range a.Statements {
		parent[st.ID] = st.Parent
	}
	out := map[string]int{}
	for _, st := range a.Statements {
		d := 0
		for p := st.Parent; p != "" && d <= len(a.Statements); p = parent[p] {
			d++
		}
		out[st.ID] = d
	}
	return out
}

// paragraphStarts returns the code-point offset where each line starts.
func paragraphStarts(text string) []int {
	starts := []int{0}
	i := 0
	for _, r := range text {
		i++
		if r == '\n' {
			starts = append(starts, i)
		}
	}
	return starts
}

// paragraphOf returns the index of the line holding code point off.
func paragraphOf(starts []int, off int) int {
	i, _ := slices.BinarySearch(starts, off+1)
	return max(i-1, 0)
}

// layout returns the nodes of runes[start:end]: the marks that overlap it,
// clipped to it and nested. Where two marks cross, the inner one (higher
// level) is split in two at the outer one's edge, so the tree is well
// formed and every piece keeps its classes. The first piece of each
// statement not yet in seen is made focusable, and added to seen.
func layout(runes []rune, start, end int, marks []mark, seen map[string]bool) []*node {
	var in []mark
	cuts := []int{start, end}
	for _, m := range marks {
		switch {
		case m.start == m.end && m.start > start && m.start <= end:
			in = append(in, m)
			cuts = append(cuts, m.start)
		case m.start < end && m.end > start:
			m.start, m.end = max(m.start, start), min(m.end, end)
			in = append(in, m)
			cuts = append(cuts, m.start, m.end)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	// A marks chain: the marks covering one elementary run, outermost first.
	order := func(x, y *mark) int {
		return cmp.Or(cmp.Compare(x.level, y.level), cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end), cmp.Compare(x.seq, y.seq))
	}
	var root []*node
	type open struct {
		m    *mark
		node *node
	}
	var stack []open
	appendTo := func(n *node) {
		if len(stack) == 0 {
			root = append(root, n)
		} else {
			top := stack[len(stack)-1].node
			top.Children = append(top.Children, n)
		}
	}
	points := func(at int) {
		for i := range in {
			if m := &in[i]; m.start == m.end && m.start == at {
				c := *m.n
				appendTo(&c)
			}
		}
	}
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		var chain []*mark
		for i := range in {
			if m := &in[i]; m.start < m.end && m.start <= a && m.end >= b {
				chain = append(chain, m)
			}
		}
		slices.SortFunc(chain, order)
		common := 0
		for common < len(stack) && common < len(chain) && stack[common].m == chain[common] {
			common++
		}
		stack = stack[:common]
		if a > start {
			points(a)
		}
		for _, m := range chain[common:] {
			c := *m.n
			c.Children = nil
			if m.stmt != "" && !seen[m.stmt] {
				c.Focus = true
				seen[m.stmt] = true
			}
			appendTo(&c)
			stack = append(stack, open{m: m, node: &c})
		}
		appendTo(&node{Text: string(runes[a:b])})
	}
	stack = nil
	if end > start {
		points(end)
	}
	return root
}
