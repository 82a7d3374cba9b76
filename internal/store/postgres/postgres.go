// Package postgres is the PostgreSQL corpus store, for corpora shared by
// several people or too large for one file: `--db postgres://…`. It goes
// through pgx's database/sql driver, searches statements with a
// generated tsvector column and a GIN index, and serialises migrations
// and reclustering with an advisory lock. The schema migrations are
// embedded (migrations/*.sql).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver "pgx"

	"github.com/verbatim-news/verbatim/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// lockID is the advisory lock key that migrations and reclustering hold.
const lockID = 7_270_001

// Dialect is PostgreSQL's dialect of the shared queries.
var Dialect = sqlstore.Dialect{
	Name:       "postgres",
	Dollar:     true,
	Migrations: sqlstore.Sub(migrations, "migrations"),
	Lock:       fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", lockID),
	Search: `SELECT id, ts_rank(tsv, websearch_to_tsquery('english', ?)) AS score
		FROM statements WHERE tsv @@ websearch_to_tsquery('english', ?)`,
	SearchArgs:  2,
	SearchQuery: strings.TrimSpace,
	Isolation:   sql.LevelDefault,
}

// Open connects to the PostgreSQL database at dsn (a postgres:// URL)
// and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*sqlstore.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s, err := sqlstore.New(ctx, db, Dialect)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}
