// Package sqlstore implements store.Store over database/sql for the SQL
// databases Verbatim supports. The queries are shared; a Dialect gives
// what differs between databases: placeholders, full-text search, the
// database's own integrity check, locking and the embedded migrations.
// Packages store/sqlite and store/postgres each provide a Dialect and an
// Open function.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/verbatim-news/verbatim/internal/cluster"
	"github.com/verbatim-news/verbatim/internal/store"
)

// Dialect is what differs between the databases.
type Dialect struct {
	// Name names the database in messages: "sqlite", "postgres".
	Name string
	// Dollar makes placeholders $1, $2, … instead of ?.
	Dollar bool
	// Migrations holds the schema migrations, NNNN_name.sql, applied in
	// order of NNNN; the highest applied is kept in schema_version.
	Migrations fs.FS
	// Lock is run first in a transaction that migrates or reclusters, to
	// keep other processes out ("" when the transaction itself does).
	Lock string
	// Search is the full-text query: a SELECT of the id and the score
	// (higher is better) of every statement that matches, as columns id
	// and score. Its parameters are the query, SearchQuery's form of it,
	// SearchArgs times.
	Search     string
	SearchArgs int
	// SearchQuery turns a user's query into the database's syntax.
	SearchQuery func(string) string
	// Check runs the database's own integrity check.
	Check func(ctx context.Context, db *sql.DB) error
	// Isolation is the isolation level for reclustering.
	Isolation sql.IsolationLevel
	// Optimize, when set, refreshes the query planner's statistics (the
	// lists read a page through an index only when the planner knows
	// the tables' sizes). It is run at open and after each recluster.
	Optimize string
}

// DB is a store.Store over a database/sql handle.
type DB struct {
	db   *sql.DB // writes, and the transactions that migrate and recluster
	read *sql.DB // reads: db itself, or a pool of its own
	d    Dialect
	// stmts holds the reads' prepared statements by query text, up to
	// maxStmts of them, so that each is parsed and planned once.
	stmts  sync.Map
	nstmts atomic.Int32
}

// maxStmts bounds the prepared statements a DB keeps.
const maxStmts = 256

var _ store.Store = (*DB)(nil)

// New returns a store over db, after applying the migrations db lacks.
// It fails with store.ErrSchemaTooNew when db was migrated further than
// this program knows.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	return NewWithReader(ctx, db, db, d)
}

// NewWithReader is New with the reads served by read, another handle on
// the same database: SQLite in WAL mode lets a pool of readers run
// beside its one writer. Close closes both.
func NewWithReader(ctx context.Context, db, read *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, read: read, d: d}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.optimize(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// optimize runs the dialect's Optimize.
func (s *DB) optimize(ctx context.Context) error {
	if s.d.Optimize == "" {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, s.d.Optimize); err != nil {
		return fmt.Errorf("%s: refreshing the planner's statistics: %w", s.d.Name, err)
	}
	return nil
}

// SQL returns the handle that writes.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database.
func (s *DB) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	var err error
	if s.read != s.db {
		err = s.read.Close()
	}
	return errors.Join(s.db.Close(), err)
}

// stmt returns the prepared statement of a read query on the readers, preparing it the
// first time, or nil once maxStmts are kept and this one is not.
func (s *DB) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	if s.nstmts.Load() >= maxStmts {
		return nil, nil
	}
	st, err := s.read.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	s.nstmts.Add(1)
	return st, nil
}

// query runs a read query, through its prepared statement.
func (s *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.read.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// queryRow runs a read query that returns one row, through its prepared
// statement.
func (s *DB) queryRow(ctx context.Context, query string, args ...any) rowScanner {
	st, err := s.stmt(ctx, query)
	switch {
	case err != nil:
		return errRow{err}
	case st == nil:
		return s.read.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// rowScanner is a row of a query: *sql.Row, or errRow.
type rowScanner interface{ Scan(dest ...any) error }

// errRow is a row whose query failed before it ran.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// q rewrites ? placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

func (s *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(s.d.Migrations, "*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", s.d.Name, err)
	}
	defer tx.Rollback()
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("%s: creating schema_version: %w", s.d.Name, err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return err
	}
	latest := 0
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its version number", name)
		}
		latest = max(latest, v)
		if v <= have {
			continue
		}
		body, err := fs.ReadFile(s.d.Migrations, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("%s: migration %s: %w", s.d.Name, name, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version (version) VALUES (?)`), v); err != nil {
			return err
		}
	}
	if have > latest {
		return fmt.Errorf("%w: version %d, this program knows up to %d", store.ErrSchemaTooNew, have, latest)
	}
	return tx.Commit()
}

// PutArticle implements store.Store.
func (s *DB) PutArticle(ctx context.Context, a *store.Article) (bool, error) {
	if a.Key == "" {
		return false, errors.New("article has no key")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	now := time.Now().UTC().Truncate(time.Second)
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO articles (key, doc_id, url, title, outlet, published, text, analysis, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id`),
		a.Key, a.DocID, a.URL, a.Title, a.Outlet, a.Published, a.Text, string(a.Analysis), now.Format(time.RFC3339)).Scan(&a.ID)
	if errors.Is(err, sql.ErrNoRows) {
		if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM articles WHERE key = ?`), a.Key).Scan(&a.ID); err != nil {
			return false, err
		}
		return false, nil
	}
	if err != nil {
		return false, err
	}
	a.IngestedAt = now
	// Statements, then quotes, in multi-row inserts: one round trip per
	// batch rather than per row.
	byOrd := map[int]*store.Statement{}
	err = batches(len(a.Statements), 13, func(lo, hi int) error {
		var args []any
		for i := lo; i < hi; i++ {
			st := &a.Statements[i]
			st.ArticleID = a.ID
			byOrd[st.Ord] = st
			args = append(args, a.ID, st.Ord, st.Kind, st.Content, st.Start, st.End, st.Cue, st.Source,
				st.SpeakerKey, st.SpeakerName, st.SpeakerType, st.SpeakerRole, st.Confidence)
		}
		return s.insertReturning(ctx, tx, `INSERT INTO statements (article_id, ord, kind, content, start_cp, end_cp, cue, source, speaker_key, speaker_name, speaker_type, speaker_role, confidence) VALUES `,
			hi-lo, 13, ` RETURNING id, ord, 0`, args, func(id int64, ord, _ int) error {
				st, ok := byOrd[ord]
				if !ok {
					return fmt.Errorf("statement s%d returned but not stored", ord)
				}
				st.ID = id
				return nil
			})
	})
	if err != nil {
		return false, fmt.Errorf("storing statements: %w", err)
	}
	var quotes []*store.Quote
	qs := map[[2]int64]*store.Quote{}
	for i := range a.Statements {
		st := &a.Statements[i]
		for j := range st.Quotes {
			qt := &st.Quotes[j]
			qt.StatementID, qt.ArticleID = st.ID, a.ID
			quotes = append(quotes, qt)
			qs[[2]int64{st.ID, int64(qt.Ord)}] = qt
		}
	}
	err = batches(len(quotes), 6, func(lo, hi int) error {
		var args []any
		for _, qt := range quotes[lo:hi] {
			args = append(args, qt.StatementID, a.ID, qt.Ord, qt.Text, qt.Start, qt.End)
		}
		return s.insertReturning(ctx, tx, `INSERT INTO quotes (statement_id, article_id, ord, text, start_cp, end_cp) VALUES `,
			hi-lo, 6, ` RETURNING id, ord, statement_id`, args, func(id int64, ord, stmt int) error {
				qt, ok := qs[[2]int64{int64(stmt), int64(ord)}]
				if !ok {
					return fmt.Errorf("quote %d of statement %d returned but not stored", ord, stmt)
				}
				qt.ID = id
				return nil
			})
	})
	if err != nil {
		return false, fmt.Errorf("storing quotes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return true, nil
}

// maxParams bounds the parameters of one statement (SQLite allows
// 32766, PostgreSQL 65535).
const maxParams = 30000

// batches calls fn with the bounds of successive batches of n rows of
// cols parameters each, small enough for one statement.
func batches(n, cols int, fn func(lo, hi int) error) error {
	per := max(maxParams/cols, 1)
	for lo := 0; lo < n; lo += per {
		if err := fn(lo, min(lo+per, n)); err != nil {
			return err
		}
	}
	return nil
}

// values returns the VALUES list of rows rows of cols placeholders,
// each placeholder wrapped in casts[i] when given ("CAST(? AS BIGINT)").
func values(rows, cols int, casts []string) string {
	var b strings.Builder
	for r := range rows {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteByte(',')
			}
			if c < len(casts) && casts[c] != "" {
				b.WriteString(casts[c])
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// insertReturning runs a multi-row insert whose RETURNING clause gives
// three integer columns, and calls fn with each returned row.
func (s *DB) insertReturning(ctx context.Context, tx *sql.Tx, head string, rows, cols int, returning string, args []any, fn func(int64, int, int) error) error {
	if rows == 0 {
		return nil
	}
	res, err := tx.QueryContext(ctx, s.q(head+values(rows, cols, nil)+returning), args...)
	if err != nil {
		return err
	}
	defer res.Close()
	n := 0
	for res.Next() {
		var id int64
		var a, b int
		if err := res.Scan(&id, &a, &b); err != nil {
			return err
		}
		if err := fn(id, a, b); err != nil {
			return err
		}
		n++
	}
	if err := res.Err(); err != nil {
		return err
	}
	if n != rows {
		return fmt.Errorf("%d rows returned for %d inserted", n, rows)
	}
	return nil
}

// HasArticle implements store.Store.
func (s *DB) HasArticle(ctx context.Context, key string) (bool, error) {
	var n int
	err := s.queryRow(ctx, s.q(`SELECT COUNT(*) FROM articles WHERE key = ?`), key).Scan(&n)
	return n > 0, err
}

// Stats implements store.Store.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var clustered int
	err := s.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM statements), (SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM clusters WHERE articles >= 2), (SELECT value FROM meta WHERE key = 'clustered_articles')`).
		Scan(&st.Articles, &st.Statements, &st.Quotes, &st.Clusters, &clustered)
	st.Stale = clustered != st.Articles
	return st, err
}

// Recluster implements store.Store.
func (s *DB) Recluster(ctx context.Context, force bool) (bool, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: s.d.Isolation})
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			return false, err
		}
	}
	var articles, clustered int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT value FROM meta WHERE key = 'clustered_articles')`).
		Scan(&articles, &clustered); err != nil {
		return false, err
	}
	if articles == clustered && !force {
		return false, nil
	}
	if err := s.joinPartialNames(ctx, tx); err != nil {
		return false, err
	}
	if err := s.inferTitleSpeakers(ctx, tx); err != nil {
		return false, err
	}
	type current struct {
		outlet  string
		name    string
		cluster int64
		variant string
		mis     int
		diff    string
		edits   string
	}
	rows, err := tx.QueryContext(ctx, `SELECT q.id, q.article_id, s.speaker_key, s.speaker_name, a.published, a.outlet, q.text, q.cluster_id, q.variant, q.misquote, q.diff, q.edits
		FROM quotes q JOIN statements s ON s.id = q.statement_id JOIN articles a ON a.id = q.article_id ORDER BY q.id`)
	if err != nil {
		return false, err
	}
	var quotes []cluster.Quote
	var cur []current
	for rows.Next() {
		var q cluster.Quote
		var c current
		if err := rows.Scan(&q.ID, &q.Article, &q.Speaker, &c.name, &q.Published, &c.outlet, &q.Text, &c.cluster, &c.variant, &c.mis, &c.diff, &c.edits); err != nil {
			rows.Close()
			return false, err
		}
		quotes = append(quotes, q)
		cur = append(cur, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	groups := cluster.Build(quotes)
	if _, err := tx.ExecContext(ctx, `DELETE FROM clusters`); err != nil {
		return false, err
	}
	var clusterRows, quoteRows []any
	for _, g := range groups {
		// A cluster's id is its earliest-stored quote's, so that it
		// lasts from one clustering to the next.
		id := quotes[g.Members[0].Quote].ID
		for _, m := range g.Members {
			id = min(id, quotes[m.Quote].ID)
		}
		arts, outlets, forms, names := map[int64]bool{}, map[string]bool{}, map[string]bool{}, map[string]int{}
		mis := 0
		for _, m := range g.Members {
			q := quotes[m.Quote]
			arts[q.Article] = true
			outlets[strings.ToLower(cur[m.Quote].outlet)] = true
			forms[cluster.Normalize(q.Text).Key()] = true
			if q.Speaker == g.Speaker && q.Speaker != "" {
				names[cur[m.Quote].name]++
			}
			if m.Misquote {
				mis++
			}
		}
		name := ""
		for n, c := range names {
			if c > names[name] || (c == names[name] && n < name) {
				name = n
			}
		}
		canon := quotes[g.Canonical]
		clusterRows = append(clusterRows, id, g.Speaker, name, canon.Text, canon.ID, quotes[g.Members[0].Quote].ID,
			len(g.Members), len(arts), len(outlets), len(forms), mis)
		for _, m := range g.Members {
			c := cur[m.Quote]
			misq, diff, edits := 0, m.Diff.String(), encodeEdits(m.Diff)
			if m.Misquote {
				misq = 1
			}
			if c.cluster == id && c.variant == string(m.Kind) && c.mis == misq && c.diff == diff && c.edits == edits {
				continue
			}
			quoteRows = append(quoteRows, quotes[m.Quote].ID, id, string(m.Kind), misq, diff, edits)
		}
	}
	err = batches(len(clusterRows)/11, 11, func(lo, hi int) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO clusters (id, speaker_key, speaker_name, canonical, canonical_id, first_id, size, articles, outlets, variants, misquotes) VALUES `+
			values(hi-lo, 11, nil)), clusterRows[lo*11:hi*11]...)
		return err
	})
	if err != nil {
		return false, err
	}
	// Only the quotes whose cluster or diff changed are updated.
	casts := []string{"CAST(? AS BIGINT)", "CAST(? AS BIGINT)", "", "CAST(? AS INTEGER)", "", ""}
	err = batches(len(quoteRows)/6, 6, func(lo, hi int) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE quotes SET cluster_id = v.column2, variant = v.column3, misquote = v.column4, diff = v.column5, edits = v.column6
			FROM (VALUES `+values(hi-lo, 6, casts)+`) AS v WHERE quotes.id = v.column1`), quoteRows[lo*6:hi*6]...)
		return err
	})
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE meta SET value = ? WHERE key = 'clustered_articles'`), articles); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return true, s.optimize(ctx)
}

// Check implements store.Store.
func (s *DB) Check(ctx context.Context) error {
	if s.d.Check != nil {
		if err := s.d.Check(ctx, s.db); err != nil {
			return err
		}
	}
	checks := []struct{ what, query string }{
		{"articles sharing a key", `SELECT COUNT(*) FROM (SELECT key FROM articles GROUP BY key HAVING COUNT(*) > 1) d`},
		{"statements of missing articles", `SELECT COUNT(*) FROM statements s LEFT JOIN articles a ON a.id = s.article_id WHERE a.id IS NULL`},
		{"quotes of missing statements", `SELECT COUNT(*) FROM quotes q LEFT JOIN statements s ON s.id = q.statement_id WHERE s.id IS NULL`},
		{"quotes filed under another article than their statement", `SELECT COUNT(*) FROM quotes q JOIN statements s ON s.id = q.statement_id WHERE s.article_id <> q.article_id`},
		{"quotes outside their statement", `SELECT COUNT(*) FROM quotes q JOIN statements s ON s.id = q.statement_id WHERE q.start_cp < s.start_cp OR q.end_cp > s.end_cp`},
		{"statement numbers out of sequence", `SELECT COUNT(*) FROM (SELECT article_id FROM statements GROUP BY article_id HAVING MIN(ord) <> 1 OR MAX(ord) <> COUNT(*)) d`},
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if !st.Stale {
		checks = append(checks,
			struct{ what, query string }{"clusters whose size differs from their quotes", `SELECT COUNT(*) FROM clusters c LEFT JOIN (SELECT cluster_id, COUNT(*) AS n FROM quotes GROUP BY cluster_id) q ON q.cluster_id = c.id WHERE COALESCE(q.n, 0) <> c.size`},
			struct{ what, query string }{"quotes in no cluster", `SELECT COUNT(*) FROM quotes q LEFT JOIN clusters c ON c.id = q.cluster_id WHERE c.id IS NULL`},
			struct{ what, query string }{"clustered quotes without their edits", `SELECT COUNT(*) FROM quotes WHERE edits = ''`})
	}
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return fmt.Errorf("integrity check (%s): %w", c.what, err)
		}
		if n > 0 {
			return fmt.Errorf("integrity check failed: %d %s", n, c.what)
		}
	}
	return nil
}

// Sub returns the subtree of fsys at dir, for a Dialect's Migrations.
func Sub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant naming an embedded directory
	}
	return sub
}

// joinPartialNames gives a statement whose article names its speaker
// only in part the person the rest of the store names in full, by their
// keys (which already join spellings and transliterations): a name with
// a middle initial ("Donald J. Trump") is the same name without it, when
// the store holds that name and no other middle initial between the same
// first name and surname ("George W. Bush" and "George H. W. Bush" stay
// apart); a surname alone ("Trump", "von der Leyen") is the person named
// in full with that surname who holds nine in ten of the statements, at
// least three, of the people so named, counting only those who carry the
// statement's title where any does ("Trump", "President": not Melania
// Trump, "First Lady"). A surname so joined is the corpus's inference, not
// the article's reading: its confidence is capped at 0.5, as
// inferTitleSpeakers caps a title's.
func (s *DB) joinPartialNames(ctx context.Context, tx *sql.Tx) error {
	j, err := loadNameJoins(ctx, tx)
	if err != nil || !j.any() {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, speaker_key, speaker_role FROM statements WHERE speaker_key LIKE 'person/%'`)
	if err != nil {
		return err
	}
	type joined struct {
		id        int64
		key, name string
		inferred  bool
	}
	var found []joined
	for rows.Next() {
		var id int64
		var key, role string
		if err := rows.Scan(&id, &key, &role); err != nil {
			rows.Close()
			return err
		}
		if to, inferred := j.target(key, role); to != "" {
			found = append(found, joined{id, to, mostFrequent(j.names[to]), inferred})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range found {
		q := `UPDATE statements SET speaker_key = ?, speaker_name = ? WHERE id = ?`
		if f.inferred {
			q = `UPDATE statements SET speaker_key = ?, speaker_name = ?, confidence = CASE WHEN confidence > 0.5 THEN 0.5 ELSE confidence END WHERE id = ?`
		}
		if _, err := tx.ExecContext(ctx, s.q(q), f.key, f.name, f.id); err != nil {
			return err
		}
	}
	return nil
}

// nameJoins is what joinPartialNames reads of the stored people to file a
// speaker named in part under the one named in full.
type nameJoins struct {
	counts  map[string]int             // person key -> statements (a middle initial's counted with its name in full)
	names   map[string]map[string]int  // person key -> name -> statements
	roles   map[string]map[string]bool // person key -> titles (titleKey)
	full    map[string]string          // key with a middle initial -> the key of the name without it
	plain   map[string][]string        // key without middle initials -> the stored keys with them
	endings map[string][]string        // "person/trump" -> the keys in full that end with it
}

// loadNameJoins reads the stored people's keys, names and titles.
func loadNameJoins(ctx context.Context, q querier) (*nameJoins, error) {
	j := &nameJoins{counts: map[string]int{}, names: map[string]map[string]int{}, roles: map[string]map[string]bool{},
		full: map[string]string{}, plain: map[string][]string{}, endings: map[string][]string{}}
	err := speakerCounts(ctx, q, `speaker_key LIKE 'person/%'`, func(key, name, role string, n int) {
		j.counts[key] += n
		if j.names[key] == nil {
			j.names[key], j.roles[key] = map[string]int{}, map[string]bool{}
		}
		j.names[key][name] += n
		if role != "" {
			j.roles[key][titleKey(role)] = true
		}
	})
	if err != nil {
		return nil, err
	}
	// Middle initials: the name without them, when only one spelling of
	// them leads there.
	for k := range j.counts {
		if p := withoutInitials(k); p != k {
			j.plain[p] = append(j.plain[p], k)
		}
	}
	for p, ks := range j.plain {
		if j.counts[p] > 0 && len(ks) == 1 {
			j.full[ks[0]] = p
		}
	}
	for k, p := range j.full {
		j.counts[p] += j.counts[k]
		for n, c := range j.names[k] {
			j.names[p][n] += c
		}
		for r := range j.roles[k] {
			j.roles[p][r] = true
		}
	}
	// Surnames: each key in full is filed under the words it ends with
	// ("donald-trump" under "trump"), so that a surname finds its people
	// in one look-up.
	for p := range j.counts {
		if _, ok := j.full[p]; ok {
			continue
		}
		body := strings.TrimPrefix(p, "person/")
		for i := strings.IndexByte(body, '-'); i >= 0; {
			j.endings["person/"+body[i+1:]] = append(j.endings["person/"+body[i+1:]], p)
			k := strings.IndexByte(body[i+1:], '-')
			if k < 0 {
				break
			}
			i += k + 1
		}
	}
	return j, nil
}

// any reports whether some stored key may be filed under another.
func (j *nameJoins) any() bool {
	if len(j.full) > 0 {
		return true
	}
	for k := range j.counts {
		if len(j.endings[k]) > 0 {
			return true
		}
	}
	return false
}

// target returns the key a speaker named key with title role is filed
// under, and whether that is the corpus's inference (a surname), or ""
// when it stays as it is.
func (j *nameJoins) target(key, role string) (string, bool) {
	if p, ok := j.full[key]; ok {
		return p, false
	}
	if p := withoutInitials(key); p != key {
		// A key no statement has any longer (joined before): the name
		// without the initial, unless another initial leads there.
		if ks := j.plain[p]; j.counts[p] > 0 && (len(ks) == 0 || len(ks) == 1 && ks[0] == key) {
			return p, false
		}
		return "", false
	}
	cands := j.endings[key]
	if len(cands) == 0 {
		return "", false
	}
	held := map[string]int{}
	if t := titleKey(role); t != "" {
		for _, c := range cands {
			if j.roles[c][t] {
				held[c] = j.counts[c]
			}
		}
	}
	if len(held) == 0 {
		for _, c := range cands {
			held[c] = j.counts[c]
		}
	}
	if p := dominant(held); p != "" {
		return p, true
	}
	return "", false
}

// querier runs queries: a transaction or the database.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// speakerCounts calls fn with every speaker key, name and role of the
// statements where holds, and how many statements carry them.
func speakerCounts(ctx context.Context, tx querier, where string, fn func(key, name, role string, n int)) error {
	rows, err := tx.QueryContext(ctx, `SELECT speaker_key, speaker_name, speaker_role, COUNT(*) FROM statements
		WHERE `+where+` GROUP BY speaker_key, speaker_name, speaker_role`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, name, role string
		var n int
		if err := rows.Scan(&key, &name, &role, &n); err != nil {
			return err
		}
		fn(key, name, role, n)
	}
	return rows.Err()
}

// withoutInitials returns person key k without the one-letter words
// between its first and last ("person/donald-j-trump" is
// "person/donald-trump").
func withoutInitials(k string) string {
	parts := strings.Split(strings.TrimPrefix(k, "person/"), "-")
	if len(parts) < 3 {
		return k
	}
	out := []string{parts[0]}
	for _, p := range parts[1 : len(parts)-1] {
		if len(p) > 1 {
			out = append(out, p)
		}
	}
	if len(out) == len(parts)-1 {
		return k
	}
	return "person/" + strings.Join(append(out, parts[len(parts)-1]), "-")
}

// inferTitleSpeakers gives a statement whose article names its speaker
// only by a title ("The Russian President", in a report that never calls
// Vladimir Putin that) the person the rest of the store gives that title
// to: when at least three statements of named speakers carry the title
// and nine in ten of them are one person's. The title stays as the
// statement's speaker role, and its confidence is capped at 0.5: this is
// the corpus's inference, not the article's reading (the article's own
// analysis is kept as it was).
func (s *DB) inferTitleSpeakers(ctx context.Context, tx *sql.Tx) error {
	holders := map[string]map[string]int{} // title -> speaker key -> statements
	names := map[string]map[string]int{}   // speaker key -> name -> statements
	err := speakerCounts(ctx, tx, `speaker_key <> '' AND speaker_role <> '' AND speaker_type = 'person'`, func(key, name, role string, n int) {
		t := titleKey(role)
		if holders[t] == nil {
			holders[t] = map[string]int{}
		}
		holders[t][key] += n
		if names[key] == nil {
			names[key] = map[string]int{}
		}
		names[key][name] += n
	})
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, speaker_name FROM statements WHERE speaker_key = '' AND speaker_type = 'person' AND speaker_name <> ''`)
	if err != nil {
		return err
	}
	type inferred struct {
		id              int64
		key, name, role string
	}
	var found []inferred
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			rows.Close()
			return err
		}
		if key := dominant(holders[titleKey(title)]); key != "" {
			found = append(found, inferred{id, key, mostFrequent(names[key]), strings.TrimSpace(title)})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range found {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE statements SET speaker_key = ?, speaker_name = ?, speaker_role = ?,
			confidence = CASE WHEN confidence > 0.5 THEN 0.5 ELSE confidence END WHERE id = ?`), f.key, f.name, f.role, f.id); err != nil {
			return err
		}
	}
	return nil
}

// titleKey folds a title for comparison: lower case, without full stops,
// a leading article or repeated spaces ("The U.S. President" and "US
// president" are one title).
func titleKey(t string) string {
	t = strings.ToLower(strings.ReplaceAll(t, ".", ""))
	f := strings.Fields(t)
	if len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// dominant returns the key that holds at least nine in ten of at least
// three counts, or "".
func dominant(counts map[string]int) string {
	total, best := 0, ""
	for k, n := range counts {
		total += n
		if n > counts[best] || n == counts[best] && k < best {
			best = k
		}
	}
	if total < 3 || counts[best]*10 < total*9 {
		return ""
	}
	return best
}

// mostFrequent returns the most frequent key of counts (ties: the
// longest, then the first in order).
func mostFrequent(counts map[string]int) string {
	best := ""
	for k, n := range counts {
		if n > counts[best] || n == counts[best] && (len(k) > len(best) || len(k) == len(best) && k < best) {
			best = k
		}
	}
	return best
}
