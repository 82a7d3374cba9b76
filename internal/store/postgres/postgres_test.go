package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/store"
	"github.com/verbatim-news/verbatim/internal/store/postgres"
	"github.com/verbatim-news/verbatim/internal/store/storetest"
)

// DSN returns the test database's address, or skips tb.
func dsn(tb testing.TB) string {
	tb.Helper()
	d := os.Getenv("VERBATIM_TEST_POSTGRES")
	if d == "" {
		tb.Skip("VERBATIM_TEST_POSTGRES is not set (a postgres:// URL of a database the tests may write to); skipping the PostgreSQL store tests")
	}
	return d
}

var schemas atomic.Int64

// freshSchema creates an empty schema for one test, dropped at its end,
// and returns a DSN that uses it.
func freshSchema(t *testing.T, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("verbatim_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, schemas.Add(1))
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		t.Fatalf("creating schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestPostgres_Conformance(t *testing.T) {
	base := dsn(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := postgres.Open(context.Background(), freshSchema(t, base))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestPostgres_Upgrade(t *testing.T) {
	storetest.RunUpgrade(t, "pgx", freshSchema(t, dsn(t)), postgres.Dialect)
}
