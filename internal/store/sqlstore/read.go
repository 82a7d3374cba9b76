package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/store"
)

// The orders of the lists (see store.Store for what their cursors
// promise).
var (
	articleOrder   = keyset{tag: "a", keys: []key{{unknownDate, false, 'i'}, {"a.published", true, 's'}, {"a.id", true, 'i'}}}
	quoteOrder     = keyset{tag: "q", keys: []key{{unknownDate, false, 'i'}, {"a.published", false, 's'}, {"a.id", false, 'i'}, {"s.ord", false, 'i'}, {"q.ord", false, 'i'}}}
	statementOrder = keyset{tag: "s", keys: []key{{unknownDate, false, 'i'}, {"a.published", false, 's'}, {"a.id", false, 'i'}, {"s.ord", false, 'i'}}}
	speakerOrder   = keyset{tag: "p", snapshot: true, aggregate: true, keys: []key{{"COUNT(DISTINCT s.id)", true, 'i'}, {"s.speaker_key", false, 's'}}}
	clusterOrder   = keyset{tag: "c", keys: []key{{"c.size", true, 'i'}, {"c.articles", true, 'i'}, {"c.canonical", false, 's'}, {"c.id", false, 'i'}}}
	// Search hits are in order of relevance, which is not a stored
	// value (SQLite's bm25 weighs words by how rare they are in the whole
	// index, so every score moves when an article is stored): a search
	// cursor holds the snapshot and the number of hits before the next
	// page, of those in the snapshot.
	searchCursor = keyset{tag: "h", snapshot: true, position: true, keys: []key{{kind: 'i'}}}
)

// queryAll runs a read query and scans every row it returns.
func queryAll[T any](ctx context.Context, s *DB, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// likeArg makes a case-insensitive LIKE pattern that matches s anywhere.
func likeArg(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(s)) + "%"
}

const like = ` LIKE ? ESCAPE '\'`

// speakerLike is the condition that a statement's speaker key or name
// contains a LIKE pattern (given twice).
const speakerLike = `(LOWER(s.speaker_key)` + like + ` OR LOWER(s.speaker_name)` + like + `)`

const articleCols = `id, key, doc_id, url, title, outlet, published, text, analysis, ingested_at`

// Article implements store.Store.
func (s *DB) Article(ctx context.Context, ref string) (*store.Article, error) {
	ref = strings.TrimSpace(ref)
	var tries []struct{ where, arg string }
	if _, err := strconv.ParseInt(ref, 10, 64); err == nil {
		tries = append(tries, struct{ where, arg string }{"id = ?", ref})
	}
	tries = append(tries,
		struct{ where, arg string }{"key = ?", ref},
		struct{ where, arg string }{"key = ?", store.Key(ref, ref)},
		struct{ where, arg string }{"url = ?", ref},
		struct{ where, arg string }{"doc_id = ?", ref},
	)
	for _, t := range tries {
		var a store.Article
		var analysis, ingested string
		arg := any(t.arg)
		if t.where == "id = ?" {
			n, _ := strconv.ParseInt(t.arg, 10, 64)
			arg = n
		}
		err := s.queryRow(ctx, s.q(`SELECT `+articleCols+` FROM articles WHERE `+t.where+` ORDER BY id LIMIT 1`), arg).
			Scan(&a.ID, &a.Key, &a.DocID, &a.URL, &a.Title, &a.Outlet, &a.Published, &a.Text, &analysis, &ingested)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		a.Analysis = []byte(analysis)
		a.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
		if err := s.loadStatements(ctx, &a); err != nil {
			return nil, err
		}
		return &a, nil
	}
	return nil, fmt.Errorf("article %q: %w", ref, store.ErrNotFound)
}

func (s *DB) loadStatements(ctx context.Context, a *store.Article) error {
	rows, err := s.query(ctx, s.q(`SELECT id, ord, kind, content, start_cp, end_cp, cue, source, speaker_key, speaker_name, speaker_type, speaker_role, confidence
		FROM statements WHERE article_id = ? ORDER BY ord`), a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[int64]int{}
	for rows.Next() {
		st := store.Statement{ArticleID: a.ID}
		if err := rows.Scan(&st.ID, &st.Ord, &st.Kind, &st.Content, &st.Start, &st.End, &st.Cue, &st.Source,
			&st.SpeakerKey, &st.SpeakerName, &st.SpeakerType, &st.SpeakerRole, &st.Confidence); err != nil {
			return err
		}
		byID[st.ID] = len(a.Statements)
		a.Statements = append(a.Statements, st)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	qs, err := s.quotes(ctx, store.QuoteFilter{}, false, "q.article_id = ?", a.ID)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if i, ok := byID[q.StatementID]; ok {
			a.Statements[i].Quotes = append(a.Statements[i].Quotes, q.Quote)
		}
	}
	return nil
}

// Articles implements store.Store.
func (s *DB) Articles(ctx context.Context, f store.ArticleFilter) ([]store.ArticleSummary, error) {
	p, err := s.newPage(ctx, articleOrder, f.After, "a.id")
	if err != nil {
		return nil, err
	}
	const cols = `a.id, a.key, a.doc_id, a.url, a.title, a.outlet, a.published, a.ingested_at`
	inner := `SELECT ` + cols + ` FROM articles a` + p.clause() + articleOrder.orderBy() + limit(f.Limit, &p.args)
	// The counts are taken for the page's articles only.
	query := `SELECT ` + cols + `,
		(SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id),
		(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
		(SELECT COUNT(DISTINCT s.speaker_key) FROM statements s WHERE s.article_id = a.id AND s.speaker_key <> '')
		FROM (` + inner + `) a` + articleOrder.orderBy()
	return queryAll(ctx, s, s.q(query), p.args, func(rows *sql.Rows) (store.ArticleSummary, error) {
		var a store.ArticleSummary
		var ingested string
		err := rows.Scan(&a.ID, &a.Key, &a.DocID, &a.URL, &a.Title, &a.Outlet, &a.Published, &ingested, &a.Statements, &a.Quotes, &a.Speakers)
		a.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
		a.Cursor = articleOrder.cursor(0, unknown(a.Published), a.Published, a.ID)
		return a, err
	})
}

// Quotes implements store.Store.
func (s *DB) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.QuoteRow, error) {
	return s.quotes(ctx, f, false, "")
}

// quotes returns the quotes that match f and the extra condition (with
// its arguments), when there is one, with their Edits when edits is set
// (decoding them costs more than reading the rest of a quote).
func (s *DB) quotes(ctx context.Context, f store.QuoteFilter, edits bool, extra string, extraArgs ...any) ([]store.QuoteRow, error) {
	p, err := s.newPage(ctx, quoteOrder, f.After, "a.id")
	if err != nil {
		return nil, err
	}
	if f.Speaker != "" {
		p.add(speakerLike, likeArg(f.Speaker), likeArg(f.Speaker))
	}
	if f.Outlet != "" {
		p.add(`LOWER(a.outlet)`+like, likeArg(f.Outlet))
	}
	if f.From != "" {
		p.add(`a.published >= ?`, f.From)
	}
	if f.To != "" {
		p.add(`a.published <= ? AND a.published <> ''`, f.To)
	}
	if f.Text != "" {
		p.add(`LOWER(q.text)`+like, likeArg(f.Text))
	}
	if f.Cluster != 0 {
		p.add(`q.cluster_id = ?`, f.Cluster)
	}
	if extra != "" {
		p.add(extra, extraArgs...)
	}
	query := `SELECT q.id, q.statement_id, q.article_id, q.ord, q.text, q.start_cp, q.end_cp, q.cluster_id, q.variant, q.misquote, q.diff, q.edits,
		a.doc_id, a.url, a.title, a.outlet, a.published, s.ord, s.kind, s.speaker_key, s.speaker_name, s.source
		FROM quotes q JOIN statements s ON s.id = q.statement_id JOIN articles a ON a.id = q.article_id` +
		p.clause() + quoteOrder.orderBy() + limit(f.Limit, &p.args)
	return queryAll(ctx, s, s.q(query), p.args, func(rows *sql.Rows) (store.QuoteRow, error) {
		var r store.QuoteRow
		var mis int
		var stored string
		err := rows.Scan(&r.ID, &r.StatementID, &r.ArticleID, &r.Ord, &r.Text, &r.Start, &r.End, &r.ClusterID, &r.Variant, &mis, &r.Diff, &stored,
			&r.DocID, &r.URL, &r.Title, &r.Outlet, &r.Published, &r.StatementOrd, &r.Kind, &r.SpeakerKey, &r.SpeakerName, &r.Source)
		if err != nil {
			return r, err
		}
		r.Misquote = mis != 0
		r.Cursor = quoteOrder.cursor(0, unknown(r.Published), r.Published, r.ArticleID, r.StatementOrd, r.Ord)
		if edits {
			r.Edits, err = decodeEdits(stored)
		}
		return r, err
	})
}

// statementRowCols are the columns scanStatementRow reads, from
// statements s joined to articles a.
const statementRowCols = `s.id, s.article_id, s.ord, s.kind, s.content, s.start_cp, s.end_cp, s.cue, s.source,
	s.speaker_key, s.speaker_name, s.speaker_type, s.speaker_role, s.confidence,
	a.doc_id, a.url, a.title, a.outlet, a.published`

// scanStatementRow reads the statementRowCols of a row, then extra.
func scanStatementRow(rows *sql.Rows, extra ...any) (store.StatementRow, error) {
	var r store.StatementRow
	dest := []any{&r.ID, &r.ArticleID, &r.Ord, &r.Kind, &r.Content, &r.Start, &r.End, &r.Cue, &r.Source,
		&r.SpeakerKey, &r.SpeakerName, &r.SpeakerType, &r.SpeakerRole, &r.Confidence,
		&r.DocID, &r.URL, &r.Title, &r.Outlet, &r.Published}
	err := rows.Scan(append(dest, extra...)...)
	return r, err
}

// Statements implements store.Store.
func (s *DB) Statements(ctx context.Context, f store.StatementFilter) ([]store.StatementRow, error) {
	p, err := s.newPage(ctx, statementOrder, f.After, "a.id")
	if err != nil {
		return nil, err
	}
	if f.Speaker != "" {
		p.add(`s.speaker_key = ?`, f.Speaker)
	}
	query := `SELECT ` + statementRowCols + ` FROM statements s JOIN articles a ON a.id = s.article_id` +
		p.clause() + statementOrder.orderBy() + limit(f.Limit, &p.args)
	return queryAll(ctx, s, s.q(query), p.args, func(rows *sql.Rows) (store.StatementRow, error) {
		r, err := scanStatementRow(rows)
		r.Cursor = statementOrder.cursor(0, unknown(r.Published), r.Published, r.ArticleID, r.Ord)
		return r, err
	})
}

// Speakers implements store.Store.
func (s *DB) Speakers(ctx context.Context, f store.SpeakerFilter) ([]store.SpeakerStat, error) {
	return s.speakers(ctx, f, "")
}

// speakers returns the speakers that match f, or with key when it is
// not "".
func (s *DB) speakers(ctx context.Context, f store.SpeakerFilter, key string) ([]store.SpeakerStat, error) {
	p, err := s.newPage(ctx, speakerOrder, f.After, "s.article_id")
	if err != nil {
		return nil, err
	}
	if f.Name != "" {
		p.add(speakerLike, likeArg(f.Name), likeArg(f.Name))
	}
	if f.Resolved {
		p.add(`s.speaker_key <> ''`)
	}
	if key != "" {
		p.add(`s.speaker_key = ?`, key)
	}
	having := ""
	if p.having != "" {
		having = ` HAVING ` + p.having
		p.args = append(p.args, p.havingArgs...)
	}
	inner := `SELECT s.speaker_key AS skey, MAX(s.speaker_name) AS sname, MAX(s.speaker_type) AS stype,
			COUNT(DISTINCT s.id) AS nst, COUNT(q.id) AS nq, COUNT(DISTINCT s.article_id) AS nart, COUNT(DISTINCT a.outlet) AS nout
		FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN quotes q ON q.statement_id = s.id` +
		p.clause() + ` GROUP BY s.speaker_key` + having + speakerOrder.orderBy() + limit(f.Limit, &p.args)
	// The role, the longest the speaker's statements give, is looked up
	// for the page's speakers only.
	query := `SELECT g.skey, g.sname, g.stype, g.nst, g.nq, g.nart, g.nout,
		COALESCE((SELECT r.speaker_role FROM statements r WHERE r.speaker_key = g.skey AND r.article_id <= ?
			ORDER BY LENGTH(r.speaker_role) DESC, r.speaker_role LIMIT 1), '')
		FROM (` + inner + `) g ORDER BY g.nst DESC, g.skey`
	args := append([]any{p.snapshot}, p.args...)
	return queryAll(ctx, s, s.q(query), args, func(rows *sql.Rows) (store.SpeakerStat, error) {
		var r store.SpeakerStat
		err := rows.Scan(&r.Key, &r.Name, &r.Type, &r.Statements, &r.Quotes, &r.Articles, &r.Outlets, &r.Role)
		r.Cursor = speakerOrder.cursor(p.snapshot, r.Statements, r.Key)
		return r, err
	})
}

// Speaker implements store.Store.
func (s *DB) Speaker(ctx context.Context, key string) (*store.SpeakerDetail, error) {
	if key == "" {
		return nil, fmt.Errorf("the unresolved speaker: %w", store.ErrNotFound)
	}
	stats, err := s.speakers(ctx, store.SpeakerFilter{}, key)
	if err != nil {
		return nil, err
	}
	if len(stats) == 0 {
		// A name the store files under a fuller one (joinPartialNames):
		// that one's.
		if strings.HasPrefix(key, "person/") {
			j, err := loadNameJoins(ctx, s.db)
			if err != nil {
				return nil, err
			}
			if to, _ := j.target(key, ""); to != "" && to != key {
				return s.Speaker(ctx, to)
			}
		}
		return nil, fmt.Errorf("speaker %q: %w", key, store.ErrNotFound)
	}
	d := &store.SpeakerDetail{SpeakerStat: stats[0]}
	d.Cursor = ""
	count := func(rows *sql.Rows) (store.Count, error) {
		var c store.Count
		err := rows.Scan(&c.Label, &c.N)
		return c, err
	}
	const from = ` FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.speaker_key = ?`
	if d.ByOutlet, err = queryAll(ctx, s, s.q(`SELECT a.outlet, COUNT(*)`+from+` GROUP BY a.outlet ORDER BY COUNT(*) DESC, a.outlet`), []any{key}, count); err != nil {
		return nil, err
	}
	if d.ByDay, err = queryAll(ctx, s, s.q(`SELECT a.published, COUNT(*)`+from+` AND a.published <> '' GROUP BY a.published ORDER BY a.published`), []any{key}, count); err != nil {
		return nil, err
	}
	return d, nil
}

// Clusters implements store.Store.
func (s *DB) Clusters(ctx context.Context, f store.ClusterFilter) ([]store.Cluster, error) {
	p, err := s.newPage(ctx, clusterOrder, f.After, "")
	if err != nil {
		return nil, err
	}
	p.add(`c.articles >= ?`, max(f.MinArticles, 1))
	if f.Speaker != "" {
		p.add(`(LOWER(c.speaker_key)`+like+` OR LOWER(c.speaker_name)`+like+`)`, likeArg(f.Speaker), likeArg(f.Speaker))
	}
	if f.Text != "" {
		p.add(`LOWER(c.canonical)`+like, likeArg(f.Text))
	}
	if f.ID != 0 {
		p.add(`c.id = ?`, f.ID)
	}
	query := `SELECT c.id, c.speaker_key, c.speaker_name, c.canonical, c.first_id, c.size, c.articles, c.outlets, c.variants, c.misquotes
		FROM clusters c` + p.clause() + clusterOrder.orderBy() + limit(f.Limit, &p.args)
	var firsts []int64
	out, err := queryAll(ctx, s, s.q(query), p.args, func(rows *sql.Rows) (store.Cluster, error) {
		var c store.Cluster
		var first int64
		err := rows.Scan(&c.ID, &c.SpeakerKey, &c.SpeakerName, &c.Canonical, &first, &c.Size, &c.Articles, &c.Outlets, &c.Variants, &c.Misquotes)
		c.Cursor = clusterOrder.cursor(0, c.Size, c.Articles, c.Canonical, c.ID)
		firsts = append(firsts, first)
		return c, err
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	// Every listed cluster's occurrences, in batches of ids.
	index := map[int64]int{}
	ids := make([]any, len(out))
	for i, c := range out {
		index[c.ID] = i
		ids[i] = c.ID
	}
	err = batches(len(ids), 1, func(lo, hi int) error {
		occ, err := s.quotes(ctx, store.QuoteFilter{}, true, `q.cluster_id IN (`+strings.TrimSuffix(strings.Repeat("?,", hi-lo), ",")+`)`, ids[lo:hi]...)
		for _, o := range occ {
			i := index[o.ClusterID]
			out[i].Occurrences = append(out[i].Occurrences, o)
			if o.ID == firsts[i] {
				out[i].First = o
			}
		}
		return err
	})
	return out, err
}

// Cluster implements store.Store.
func (s *DB) Cluster(ctx context.Context, id int64) (*store.Cluster, error) {
	cs, err := s.Clusters(ctx, store.ClusterFilter{ID: id})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("cluster %d: %w", id, store.ErrNotFound)
	}
	return &cs[0], nil
}

// Search implements store.Store.
func (s *DB) Search(ctx context.Context, f store.SearchFilter) ([]store.SearchHit, error) {
	q := s.d.SearchQuery(f.Query)
	if q == "" {
		return nil, nil
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	p, err := s.newPage(ctx, searchCursor, f.After, "s.article_id")
	if err != nil {
		return nil, err
	}
	var args []any
	for range s.d.SearchArgs {
		args = append(args, q)
	}
	offset := p.offset
	query := `SELECT ` + statementRowCols + `, h.score FROM (` + s.d.Search + `) h
		JOIN statements s ON s.id = h.id JOIN articles a ON a.id = s.article_id` +
		p.clause() + ` ORDER BY h.score DESC, s.id` + limit(f.Limit, &p.args) + ` OFFSET ?`
	args = append(append(args, p.args...), offset)
	hits, err := queryAll(ctx, s, s.q(query), args, func(rows *sql.Rows) (store.SearchHit, error) {
		var h store.SearchHit
		var err error
		h.StatementRow, err = scanStatementRow(rows, &h.Rank)
		offset++
		h.Cursor = searchCursor.cursor(p.snapshot, offset)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", f.Query, err)
	}
	return hits, nil
}
