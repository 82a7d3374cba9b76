package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/verbatim-news/verbatim/internal/cluster"
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/store"
)

// storeCorpus is the Corpus over the corpus store. Ids are the store's
// numbers in decimal; cursors are the store's own.
type storeCorpus struct {
	s store.Store
}

var _ Corpus = storeCorpus{}

// NewStoreCorpus returns the Corpus that reads and writes s. Ingest
// stores an article and, when it is new, recomputes the quote clusters
// (store.Store.Recluster), so that every list reads them up to date;
// the caller should recluster once when it opens s, in case a process
// stored articles and stopped before it did.
func NewStoreCorpus(s store.Store) Corpus { return storeCorpus{s: s} }

// Ingest implements Corpus.
func (c storeCorpus) Ingest(ctx context.Context, d *doc.Document) (string, bool, error) {
	a, err := store.NewArticle(d)
	if err != nil {
		return "", false, err
	}
	created, err := c.s.PutArticle(ctx, a)
	if err != nil {
		return "", false, fmt.Errorf("storing the article: %w", err)
	}
	id := strconv.FormatInt(a.ID, 10)
	if created {
		// The article is stored: finish the clusters even if the client
		// goes away.
		if _, err := c.s.Recluster(context.WithoutCancel(ctx), false); err != nil {
			return id, true, fmt.Errorf("article %s stored, but reclustering failed: %w", id, err)
		}
	}
	return id, created, nil
}

// paged returns one page of the rows a store list gave when asked for
// p.Limit+1 of them: the first p.Limit, converted, and the cursor of
// the last when there were more.
func paged[R, T any](rows []R, err error, p Page, cursor func(R) string, conv func(R) T) (List[T], error) {
	if err != nil {
		return List[T]{}, err
	}
	var l List[T]
	if len(rows) > p.Limit {
		rows = rows[:p.Limit]
		l.Next = cursor(rows[len(rows)-1])
	}
	l.Items = make([]T, len(rows))
	for i, r := range rows {
		l.Items[i] = conv(r)
	}
	return l, nil
}

func id64(n int64) string { return strconv.FormatInt(n, 10) }

func articleRef(id int64, r store.ArticleRef) ArticleRef {
	return ArticleRef{ID: id64(id), Title: r.Title, URL: r.URL, Outlet: r.Outlet, Published: r.Published}
}

func articleSummary(a store.ArticleSummary) ArticleSummary {
	return ArticleSummary{ArticleRef: articleRef(a.ID, a.ArticleRef), Statements: a.Statements, Quotes: a.Quotes, Speakers: a.Speakers}
}

// speakerRef names a statement's speaker: nil when unknown, without an
// id when the article names them but they have no cross-article key.
func speakerRef(key, name string) *SpeakerRef {
	if key == "" && name == "" {
		return nil
	}
	return &SpeakerRef{ID: key, Name: name}
}

func statementID(ord int) string { return "s" + strconv.Itoa(ord) }

func statement(r store.StatementRow) Statement {
	return Statement{Article: articleRef(r.ArticleID, r.ArticleRef), ID: statementID(r.Ord), Kind: r.Kind, Content: r.Content,
		Start: r.Start, End: r.End, Cue: r.Cue, Source: r.Source, Speaker: speakerRef(r.SpeakerKey, r.SpeakerName), Confidence: r.Confidence}
}

func quote(r store.QuoteRow) Quote {
	q := Quote{Article: articleRef(r.ArticleID, r.ArticleRef), Statement: statementID(r.StatementOrd), Kind: r.Kind, Text: r.Text,
		Start: r.Start, End: r.End, Speaker: speakerRef(r.SpeakerKey, r.SpeakerName), Misquote: r.Misquote}
	if r.ClusterID != 0 {
		q.Cluster = id64(r.ClusterID)
	}
	return q
}

func speaker(x store.SpeakerStat) Speaker {
	return Speaker{SpeakerRef: SpeakerRef{ID: x.Key, Name: x.Name}, Type: x.Type, Role: x.Role,
		Statements: x.Statements, Quotes: x.Quotes, Articles: x.Articles, Outlets: x.Outlets}
}

func counts(cs []store.Count) []Count {
	out := make([]Count, len(cs))
	for i, c := range cs {
		out[i] = Count{Label: c.Label, Count: c.N}
	}
	return out
}

func clusterSummary(c store.Cluster) Cluster {
	return Cluster{ID: id64(c.ID), Canonical: c.Canonical, Speaker: speakerRef(c.SpeakerKey, c.SpeakerName), Size: c.Size,
		Articles: c.Articles, Outlets: c.Outlets, Variants: c.Variants, Misquotes: c.Misquotes, FirstSeen: c.First.Published}
}

// edits turns a word diff into runs of edits: a word inflected
// differently ("month" for "months") is the canonical word deleted and
// the variant's inserted.
func edits(d cluster.Diff) []Edit {
	out := []Edit{}
	push := func(op, word string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + word
			return
		}
		out = append(out, Edit{Op: op, Text: word})
	}
	for _, e := range d {
		switch e.Op {
		case cluster.Equal:
			if e.Canon == e.Variant {
				push(OpEqual, e.Canon)
				continue
			}
			push(OpDelete, e.Canon)
			push(OpInsert, e.Variant)
		case cluster.Delete:
			push(OpDelete, e.Canon)
		case cluster.Insert:
			push(OpInsert, e.Variant)
		case cluster.Elide:
			push(OpElide, e.Canon)
		}
	}
	return out
}

// Articles implements Corpus.
func (c storeCorpus) Articles(ctx context.Context, p Page) (List[ArticleSummary], error) {
	rows, err := c.s.Articles(ctx, store.ArticleFilter{After: p.Cursor, Limit: p.Limit + 1})
	return paged(rows, err, p, func(a store.ArticleSummary) string { return a.Cursor }, articleSummary)
}

// Article implements Corpus. The id may also be the article's input id
// (store.Store.Article).
func (c storeCorpus) Article(ctx context.Context, id string) (*Article, error) {
	a, err := c.s.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	var analysis render.Article
	if err := json.Unmarshal(a.Analysis, &analysis); err != nil {
		return nil, fmt.Errorf("article %d: reading its analysis: %w", a.ID, err)
	}
	out := &Article{ArticleSummary: articleSummary(a.Summary()), Analysis: &analysis}
	read := map[string]string{}
	for _, st := range analysis.Statements {
		if st.Speaker != nil {
			read[st.ID] = st.Speaker.Entity
		}
	}
	for _, st := range a.Statements {
		id := "s" + strconv.Itoa(st.Ord)
		if k, ok := read[id]; ok && k != "" && st.SpeakerKey != "" && st.SpeakerKey != k {
			if out.SpeakerKeys == nil {
				out.SpeakerKeys = map[string]string{}
			}
			out.SpeakerKeys[id] = st.SpeakerKey
		}
	}
	return out, nil
}

// Quotes implements Corpus.
func (c storeCorpus) Quotes(ctx context.Context, f QuoteFilter, p Page) (List[Quote], error) {
	sf := store.QuoteFilter{Speaker: f.Speaker, Outlet: f.Outlet, From: f.From, To: f.To, Text: f.Text, After: p.Cursor, Limit: p.Limit + 1}
	if f.Cluster != "" {
		n, err := strconv.ParseInt(f.Cluster, 10, 64)
		if err != nil || n <= 0 {
			return List[Quote]{}, nil // no cluster has that id
		}
		sf.Cluster = n
	}
	rows, err := c.s.Quotes(ctx, sf)
	return paged(rows, err, p, func(q store.QuoteRow) string { return q.Cursor }, quote)
}

// Speakers implements Corpus.
func (c storeCorpus) Speakers(ctx context.Context, f SpeakerFilter, p Page) (List[Speaker], error) {
	rows, err := c.s.Speakers(ctx, store.SpeakerFilter{Name: f.Name, Resolved: true, After: p.Cursor, Limit: p.Limit + 1})
	return paged(rows, err, p, func(x store.SpeakerStat) string { return x.Cursor }, speaker)
}

// Speaker implements Corpus.
func (c storeCorpus) Speaker(ctx context.Context, id string, p Page) (*SpeakerDetail, error) {
	d, err := c.s.Speaker(ctx, id)
	if err != nil {
		return nil, err
	}
	rows, err := c.s.Statements(ctx, store.StatementFilter{Speaker: id, After: p.Cursor, Limit: p.Limit + 1})
	list, err := paged(rows, err, p, func(r store.StatementRow) string { return r.Cursor }, statement)
	if err != nil {
		return nil, err
	}
	return &SpeakerDetail{Speaker: speaker(d.SpeakerStat), ByOutlet: counts(d.ByOutlet), Timeline: counts(d.ByDay), StatementList: list}, nil
}

// Clusters implements Corpus.
func (c storeCorpus) Clusters(ctx context.Context, f ClusterFilter, p Page) (List[Cluster], error) {
	rows, err := c.s.Clusters(ctx, store.ClusterFilter{MinArticles: 2, Speaker: f.Speaker, Text: f.Text, After: p.Cursor, Limit: p.Limit + 1})
	return paged(rows, err, p, func(c store.Cluster) string { return c.Cursor }, clusterSummary)
}

// Cluster implements Corpus.
func (c storeCorpus) Cluster(ctx context.Context, id string) (*ClusterDetail, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return nil, fmt.Errorf("cluster %q: %w", id, ErrNotFound)
	}
	sc, err := c.s.Cluster(ctx, n)
	if err != nil {
		return nil, err
	}
	cd := &ClusterDetail{Cluster: clusterSummary(*sc)}
	for _, o := range sc.Occurrences {
		cd.Occurrences = append(cd.Occurrences, Occurrence{Quote: quote(o), First: o.ID == sc.First.ID, Variant: o.Variant, Diff: edits(o.Edits)})
	}
	return cd, nil
}

// Search implements Corpus.
func (c storeCorpus) Search(ctx context.Context, query string, p Page) (List[Statement], error) {
	rows, err := c.s.Search(ctx, store.SearchFilter{Query: query, After: p.Cursor, Limit: p.Limit + 1})
	return paged(rows, err, p, func(h store.SearchHit) string { return h.Cursor }, func(h store.SearchHit) Statement { return statement(h.StatementRow) })
}
