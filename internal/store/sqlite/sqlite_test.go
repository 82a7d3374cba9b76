package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/store"
	"github.com/verbatim-news/verbatim/internal/store/sqlite"
	"github.com/verbatim-news/verbatim/internal/store/storetest"
)

func TestSQLite_Conformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "verbatim.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestSQLite_Upgrade(t *testing.T) {
	storetest.RunUpgrade(t, "sqlite", "file:"+filepath.Join(t.TempDir(), "verbatim.db"), sqlite.Dialect)
}
