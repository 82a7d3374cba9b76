// Package sqlite is the default corpus store: a single SQLite file
// (modernc.org/sqlite, pure Go, no server), in WAL mode with a busy
// timeout so that several processes may share it, one connection that
// writes and a pool that reads, and FTS5 for full-text search. The
// schema migrations are embedded (migrations/*.sql).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"unicode"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/verbatim-news/verbatim/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's dialect of the shared queries.
var Dialect = sqlstore.Dialect{
	Name:        "sqlite",
	Migrations:  sqlstore.Sub(migrations, "migrations"),
	Search:      `SELECT rowid AS id, -bm25(statements_fts) AS score FROM statements_fts WHERE statements_fts MATCH ?`,
	SearchArgs:  1,
	SearchQuery: ftsQuery,
	Check:       check,
	Isolation:   sql.LevelDefault,
	// Analyse, within a bound, the tables whose size changed much since
	// they were last analysed (or that never were).
	Optimize: `PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002`,
}

// Open opens (creating it when needed) the SQLite store in the file at
// path and brings its schema up to date.
//
// Writes go through one connection, so that the process's writers queue
// in database/sql rather than polling SQLite's busy handler (other
// processes still wait on the busy timeout); reads go through a pool of
// read-only connections of their own, which WAL mode lets run beside
// the writer.
func Open(ctx context.Context, path string) (*sqlstore.DB, error) {
	v := url.Values{}
	v.Add("_pragma", "busy_timeout(30000)")
	v.Add("_pragma", "journal_mode(WAL)")
	v.Add("_pragma", "synchronous(NORMAL)")
	v.Add("_pragma", "foreign_keys(ON)")
	v.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+v.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	r := url.Values{}
	r.Add("_pragma", "busy_timeout(30000)")
	r.Add("_pragma", "query_only(1)")
	read, err := sql.Open("sqlite", "file:"+path+"?"+r.Encode())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	s, err := sqlstore.NewWithReader(ctx, db, read, Dialect)
	if err != nil {
		db.Close()
		read.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return s, nil
}

// ftsQuery turns a user's query into an FTS5 query: every word is
// required, "quoted phrases" stay phrases, and nothing else of FTS5's
// syntax is let through.
func ftsQuery(q string) string {
	var terms []string
	for i, part := range strings.Split(q, `"`) {
		words := strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '\'' && r != '’' })
		if len(words) == 0 {
			continue
		}
		if i%2 == 1 { // inside quotes
			terms = append(terms, `"`+strings.Join(words, " ")+`"`)
			continue
		}
		for _, w := range words {
			terms = append(terms, `"`+w+`"`)
		}
	}
	return strings.Join(terms, " ")
}

// check runs SQLite's integrity and foreign-key checks.
func check(ctx context.Context, db *sql.DB) error {
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check failed: %s", res)
	}
	rows, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		return fmt.Errorf("foreign key check failed")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')`); err != nil {
		return fmt.Errorf("full-text index check failed: %w", err)
	}
	return rows.Err()
}
