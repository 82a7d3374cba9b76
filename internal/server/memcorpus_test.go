package server

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/render"
)

// memCorpus is a second implementation of Corpus, in memory, for the
// server's own tests: it keeps analysed articles and answers every query
// by scanning them, with keyset cursors. Its clustering is deliberately
// simple (quotes by one speaker whose word sets overlap by at least 60%);
// the corpus store's is the real one.
type memCorpus struct {
	mu       sync.Mutex
	articles []*render.Article // in the order stored; id = index+1
	keys     map[string]int
}

var _ Corpus = (*memCorpus)(nil)

func newMemCorpus() *memCorpus { return &memCorpus{keys: map[string]int{}} }

func (m *memCorpus) Ingest(_ context.Context, d *doc.Document) (string, bool, error) {
	key := "url:" + d.URL
	if d.URL == "" {
		sum := sha256.Sum256([]byte(d.Text))
		key = "sha256:" + hex.EncodeToString(sum[:])
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if i, ok := m.keys[key]; ok {
		return strconv.Itoa(i + 1), false, nil
	}
	m.keys[key] = len(m.articles)
	m.articles = append(m.articles, render.NewArticle(d))
	return strconv.Itoa(len(m.articles)), true, nil
}

// snapshot returns the stored articles with their ids.
func (m *memCorpus) snapshot() []*render.Article {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.articles)
}

func ref(i int, a *render.Article) ArticleRef {
	return ArticleRef{ID: strconv.Itoa(i + 1), Title: a.Title, URL: a.URL, Outlet: a.Outlet, Published: a.Published}
}

// keyed is an item with the key that orders its list: items are listed in
// ascending key order, and a cursor is the key of the last item listed.
type keyed[T any] struct {
	key  string
	item T
}

// pageOf sorts items by key and returns the page after p.Cursor.
func pageOf[T any](items []keyed[T], p Page) (List[T], error) {
	if p.Cursor != "" && !strings.HasPrefix(p.Cursor, "k:") {
		return List[T]{}, ErrBadCursor
	}
	slices.SortFunc(items, func(a, b keyed[T]) int { return strings.Compare(a.key, b.key) })
	start := 0
	if p.Cursor != "" {
		after := strings.TrimPrefix(p.Cursor, "k:")
		start, _ = slices.BinarySearchFunc(items, after, func(k keyed[T], s string) int {
			if k.key <= s {
				return -1
			}
			return 1
		})
	}
	var l List[T]
	for i := start; i < len(items) && len(l.Items) < p.Limit; i++ {
		l.Items = append(l.Items, items[i].item)
	}
	if end := start + len(l.Items); end < len(items) && len(l.Items) > 0 {
		l.Next = "k:" + items[end-1].key
	}
	return l, nil
}

// dateKey orders known dates before unknown ones; desc inverts the order
// of known dates.
func dateKey(published string, desc bool) string {
	if published == "" {
		return "1"
	}
	if !desc {
		return "0" + published
	}
	b := []byte(published)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '9' - (c - '0')
		}
	}
	return "0" + string(b)
}

func (m *memCorpus) Articles(_ context.Context, p Page) (List[ArticleSummary], error) {
	var items []keyed[ArticleSummary]
	for i, a := range m.snapshot() {
		quotes, speakers := 0, map[string]bool{}
		for _, st := range a.Statements {
			quotes += len(st.Quotes)
			if st.Speaker != nil {
				speakers[st.Speaker.Entity] = true
			}
		}
		items = append(items, keyed[ArticleSummary]{
			key:  fmt.Sprintf("%s|%08d", dateKey(a.Published, true), i),
			item: ArticleSummary{ArticleRef: ref(i, a), Statements: len(a.Statements), Quotes: quotes, Speakers: len(speakers)},
		})
	}
	return pageOf(items, p)
}

func (m *memCorpus) Article(_ context.Context, id string) (*Article, error) {
	arts := m.snapshot()
	i, err := strconv.Atoi(id)
	if err != nil || i < 1 || i > len(arts) {
		return nil, ErrNotFound
	}
	a := arts[i-1]
	quotes, speakers := 0, map[string]bool{}
	for _, st := range a.Statements {
		quotes += len(st.Quotes)
		if st.Speaker != nil {
			speakers[st.Speaker.Entity] = true
		}
	}
	return &Article{ArticleSummary: ArticleSummary{ArticleRef: ref(i-1, a), Statements: len(a.Statements), Quotes: quotes, Speakers: len(speakers)}, Analysis: a}, nil
}

// stmt is a statement with what the queries need about it.
type stmt struct {
	art     int
	a       *render.Article
	st      render.Statement
	speaker *SpeakerRef
	role    string
	typ     string
}

func (m *memCorpus) statements() []stmt {
	var out []stmt
	for i, a := range m.snapshot() {
		sp := speakers(a)
		for _, st := range a.Statements {
			s := stmt{art: i, a: a, st: st}
			if v := sp[st.ID]; v != nil {
				s.speaker, s.role, s.typ = &SpeakerRef{ID: v.Entity, Name: v.Name}, v.Role, v.Type
			}
			out = append(out, s)
		}
	}
	return out
}

func contains(s, sub string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(sub)) }

func speakerMatches(sp *SpeakerRef, want string) bool {
	return want == "" || sp != nil && (sp.ID == want || contains(sp.Name, want))
}

func (s stmt) statement() Statement {
	st := Statement{Article: ref(s.art, s.a), ID: s.st.ID, Kind: s.st.Kind, Content: s.st.Content.Text,
		Start: s.st.Content.Start, End: s.st.Content.End, Speaker: s.speaker, Confidence: s.st.Confidence}
	if s.st.Cue != nil {
		st.Cue = s.st.Cue.Text
	}
	if s.st.Source != nil {
		st.Source = s.st.Source.Text
	}
	return st
}

func (s stmt) orderKey() string {
	return fmt.Sprintf("%s|%08d|%08d", dateKey(s.a.Published, false), s.art, s.st.Content.Start)
}

func (m *memCorpus) Quotes(ctx context.Context, f QuoteFilter, p Page) (List[Quote], error) {
	member := map[string]string{} // article|start -> cluster id
	if f.Cluster != "" {
		cs := m.clusters()
		for _, c := range cs {
			for _, o := range c.Occurrences {
				member[o.Article.ID+"|"+strconv.Itoa(o.Start)] = c.ID
			}
		}
	}
	var items []keyed[Quote]
	for _, s := range m.statements() {
		pub := s.a.Published
		if !speakerMatches(s.speaker, f.Speaker) || f.Outlet != "" && !contains(s.a.Outlet, f.Outlet) ||
			f.From != "" && (pub == "" || pub < f.From) || f.To != "" && (pub == "" || pub > f.To) {
			continue
		}
		for _, q := range s.st.Quotes {
			if f.Text != "" && !contains(q.Text, f.Text) {
				continue
			}
			aref := ref(s.art, s.a)
			if f.Cluster != "" && member[aref.ID+"|"+strconv.Itoa(q.Start)] != f.Cluster {
				continue
			}
			items = append(items, keyed[Quote]{
				key:  fmt.Sprintf("%s|%08d|%08d", dateKey(pub, false), s.art, q.Start),
				item: Quote{Article: aref, Statement: s.st.ID, Kind: s.st.Kind, Text: q.Text, Start: q.Start, End: q.End, Speaker: s.speaker},
			})
		}
	}
	return pageOf(items, p)
}

// speakerStats aggregates every resolved speaker.
func (m *memCorpus) speakerStats() map[string]*SpeakerDetail {
	out := map[string]*SpeakerDetail{}
	arts := map[string]map[int]bool{}
	outlets := map[string]map[string]int{}
	days := map[string]map[string]int{}
	for _, s := range m.statements() {
		if s.speaker == nil || !strings.Contains(s.speaker.ID, "/") {
			continue // unresolved, or known to one article only
		}
		id := s.speaker.ID
		d := out[id]
		if d == nil {
			d = &SpeakerDetail{Speaker: Speaker{SpeakerRef: *s.speaker, Type: s.typ}}
			out[id], arts[id], outlets[id], days[id] = d, map[int]bool{}, map[string]int{}, map[string]int{}
		}
		if len(s.role) > len(d.Role) {
			d.Role = s.role
		}
		d.Statements++
		d.Quotes += len(s.st.Quotes)
		arts[id][s.art] = true
		outlets[id][s.a.Outlet]++
		if s.a.Published != "" {
			days[id][s.a.Published]++
		}
	}
	for id, d := range out {
		d.Articles, d.Outlets = len(arts[id]), len(outlets[id])
		for o, n := range outlets[id] {
			d.ByOutlet = append(d.ByOutlet, Count{Label: o, Count: n})
		}
		slices.SortFunc(d.ByOutlet, func(a, b Count) int { return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Label, b.Label)) })
		for day, n := range days[id] {
			d.Timeline = append(d.Timeline, Count{Label: day, Count: n})
		}
		slices.SortFunc(d.Timeline, func(a, b Count) int { return strings.Compare(a.Label, b.Label) })
	}
	return out
}

func (m *memCorpus) Speakers(_ context.Context, f SpeakerFilter, p Page) (List[Speaker], error) {
	var items []keyed[Speaker]
	for id, d := range m.speakerStats() {
		if f.Name != "" && !contains(id, f.Name) && !contains(d.Name, f.Name) {
			continue
		}
		items = append(items, keyed[Speaker]{key: fmt.Sprintf("%08d|%s", 1e7-d.Statements, id), item: d.Speaker})
	}
	return pageOf(items, p)
}

func (m *memCorpus) Speaker(_ context.Context, id string, p Page) (*SpeakerDetail, error) {
	d := m.speakerStats()[id]
	if d == nil {
		return nil, ErrNotFound
	}
	var items []keyed[Statement]
	for _, s := range m.statements() {
		if s.speaker != nil && s.speaker.ID == id {
			items = append(items, keyed[Statement]{key: s.orderKey(), item: s.statement()})
		}
	}
	l, err := pageOf(items, p)
	if err != nil {
		return nil, err
	}
	d.StatementList = l
	return d, nil
}

// words splits text into lower-case words without punctuation.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// overlap is the Jaccard similarity of two word lists' sets.
func overlap(a, b []string) float64 {
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	for _, w := range b {
		sb[w] = true
	}
	both := 0
	for w := range sa {
		if sb[w] {
			both++
		}
	}
	if n := len(sa) + len(sb) - both; n > 0 {
		return float64(both) / float64(n)
	}
	return 0
}

// wordDiff is the word-level diff from canonical to version by longest
// common subsequence; words missing next to an ellipsis are elided.
func wordDiff(canonical, version string) []Edit {
	a, b := words(canonical), words(version)
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	elided := strings.Contains(version, "…") || strings.Contains(version, "...")
	var out []Edit
	push := func(op, w string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + w
			return
		}
		out = append(out, Edit{Op: op, Text: w})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			push(OpEqual, a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			push(OpInsert, b[j])
			j++
		default:
			op := OpDelete
			if elided {
				op = OpElide
			}
			push(op, a[i])
			i++
		}
	}
	return out
}

// clusters groups the quotes of each resolved speaker whose words overlap
// by at least 60%, keeping the groups found in two articles or more.
func (m *memCorpus) clusters() []*ClusterDetail {
	type group struct {
		occ   []Occurrence
		words []string
	}
	var groups []*group
	var ss []stmt
	for _, s := range m.statements() {
		if s.speaker != nil && strings.Contains(s.speaker.ID, "/") {
			ss = append(ss, s)
		}
	}
	slices.SortStableFunc(ss, func(a, b stmt) int { return strings.Compare(a.orderKey(), b.orderKey()) })
	for _, s := range ss {
		for _, q := range s.st.Quotes {
			w := words(q.Text)
			if len(w) < 4 {
				continue
			}
			o := Occurrence{Quote: Quote{Article: ref(s.art, s.a), Statement: s.st.ID, Kind: s.st.Kind, Text: q.Text, Start: q.Start, End: q.End, Speaker: s.speaker}}
			var into *group
			for _, g := range groups {
				if g.occ[0].Speaker.ID == s.speaker.ID && overlap(g.words, w) >= 0.6 {
					into = g
					break
				}
			}
			if into == nil {
				into = &group{words: w}
				groups = append(groups, into)
			}
			into.occ = append(into.occ, o)
		}
	}
	var out []*ClusterDetail
	for _, g := range groups {
		arts, outlets, wordings := map[string]bool{}, map[string]bool{}, map[string]int{}
		for _, o := range g.occ {
			arts[o.Article.ID], outlets[o.Article.Outlet] = true, true
			wordings[strings.Join(words(o.Text), " ")]++
		}
		if len(arts) < 2 {
			continue
		}
		// The canonical words: the most frequent wording, the earliest on a tie.
		canon := g.occ[0].Text
		for _, o := range g.occ {
			if wordings[strings.Join(words(o.Text), " ")] > wordings[strings.Join(words(canon), " ")] {
				canon = o.Text
			}
		}
		c := &ClusterDetail{Cluster: Cluster{Canonical: canon, Speaker: g.occ[0].Speaker, Size: len(g.occ),
			Articles: len(arts), Outlets: len(outlets), Variants: len(wordings), FirstSeen: g.occ[0].Article.Published}}
		for i, o := range g.occ {
			o.First = i == 0
			o.Diff = wordDiff(canon, o.Text)
			o.Variant = "exact"
			for _, e := range o.Diff {
				switch e.Op {
				case OpInsert, OpDelete:
					o.Variant, o.Misquote = "reworded", true
				case OpElide:
					if o.Variant == "exact" {
						o.Variant = "elided"
					}
				}
			}
			if o.Misquote {
				c.Misquotes++
			}
			c.Occurrences = append(c.Occurrences, o)
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b *ClusterDetail) int { return cmp.Compare(b.Articles, a.Articles) })
	for i, c := range out {
		c.ID = strconv.Itoa(i + 1)
	}
	return out
}

func (m *memCorpus) Clusters(_ context.Context, f ClusterFilter, p Page) (List[Cluster], error) {
	var items []keyed[Cluster]
	for i, c := range m.clusters() {
		if !speakerMatches(c.Speaker, f.Speaker) || f.Text != "" && !contains(c.Canonical, f.Text) {
			continue
		}
		items = append(items, keyed[Cluster]{key: fmt.Sprintf("%08d", i), item: c.Cluster})
	}
	return pageOf(items, p)
}

func (m *memCorpus) Cluster(_ context.Context, id string) (*ClusterDetail, error) {
	for _, c := range m.clusters() {
		if c.ID == id {
			return c, nil
		}
	}
	return nil, ErrNotFound
}

// terms splits a query into lower-case words and "quoted phrases".
func terms(q string) []string {
	var out []string
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			if p := strings.TrimSpace(strings.ToLower(part)); p != "" {
				out = append(out, p)
			}
			continue
		}
		out = append(out, words(part)...)
	}
	return out
}

func (m *memCorpus) Search(_ context.Context, query string, p Page) (List[Statement], error) {
	ts := terms(query)
	var items []keyed[Statement]
	for _, s := range m.statements() {
		text := strings.ToLower(s.st.Content.Text)
		score := 0
		for _, t := range ts {
			n := strings.Count(text, t)
			if n == 0 {
				score = 0
				break
			}
			score += n
		}
		if score > 0 {
			items = append(items, keyed[Statement]{key: fmt.Sprintf("%08d|%s", 1e7-score, s.orderKey()), item: s.statement()})
		}
	}
	return pageOf(items, p)
}
