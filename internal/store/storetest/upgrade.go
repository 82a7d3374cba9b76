package storetest

import (
	"context"
	"database/sql"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/verbatim-news/verbatim/internal/store"
	"github.com/verbatim-news/verbatim/internal/store/sqlstore"
)

// RunUpgrade checks that a database of schema version 1 holding a
// clustered article is brought up to date when it is opened: the
// speaker's role is filled in from the article's analysis, the clusters
// are stale, and reclustering gives each quote its edits and each cluster
// the id of its earliest-stored quote. The database is the empty one
// that the database/sql driver opens at dsn, and d is its dialect.
func RunUpgrade(t *testing.T, driver, dsn string, d sqlstore.Dialect) {
	ctx := context.Background()
	open := func(migrations fs.FS) *sqlstore.DB {
		db, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		d.Migrations = migrations
		s, err := sqlstore.New(ctx, db, d)
		if err != nil {
			db.Close()
			t.Fatal(err)
		}
		return s
	}
	migrations := d.Migrations
	v1 := fstest.MapFS{}
	names, err := fs.Glob(migrations, "0001_*.sql")
	if err != nil || len(names) != 1 {
		t.Fatalf("no migration 0001: %v %v", names, err)
	}
	body, err := fs.ReadFile(migrations, names[0])
	if err != nil {
		t.Fatal(err)
	}
	v1[names[0]] = &fstest.MapFile{Data: body}

	old := open(v1)
	db := old.SQL()
	// An article as version 1 stored it, clustered as version 1 numbered
	// its clusters; literal values, so the SQL is the same for every
	// database.
	for _, q := range []string{
		`INSERT INTO articles (key, doc_id, url, title, outlet, published, text, analysis, ingested_at)
		VALUES ('url:https://old.example/bridge', 'old-bridge', 'https://old.example/bridge', 'Council meeting', 'Harbour Gazette', '2031-03-04',
			'"The bridge will open before winter," the mayor said.',
			'{"statements":[{"id":"s1","speaker":{"entity":"person/marta-vidal","name":"Marta Vidal","type":"person","role":"mayor of Port Ellis"}}]}',
			'2031-03-04T10:00:00Z')`,
		`INSERT INTO statements (article_id, ord, kind, content, start_cp, end_cp, cue, source, speaker_key, speaker_name, speaker_type, confidence)
		SELECT id, 1, 'direct', '"The bridge will open before winter,"', 0, 37, 'said', 'the mayor', 'person/marta-vidal', 'Marta Vidal', 'person', 0.9 FROM articles`,
		`INSERT INTO quotes (statement_id, article_id, ord, text, start_cp, end_cp, cluster_id, variant, misquote, diff)
		SELECT id, article_id, 1, 'The bridge will open before winter,', 1, 36, 1, 'same', 0, 'the bridge will open before winter' FROM statements`,
		`INSERT INTO clusters (id, speaker_key, speaker_name, canonical, canonical_id, first_id, size, articles, outlets, variants, misquotes)
		SELECT 1, 'person/marta-vidal', 'Marta Vidal', text, id, id, 1, 1, 1, 1, 0 FROM quotes`,
		`UPDATE meta SET value = 1 WHERE key = 'clustered_articles'`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("writing a version 1 database: %v\n%s", err, q)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s := open(migrations)
	defer s.Close()
	a, err := s.Article(ctx, "old-bridge")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Statements) != 1 || a.Statements[0].SpeakerRole != "mayor of Port Ellis" {
		t.Errorf("statements after the upgrade: %+v", a.Statements)
	}
	if st, err := s.Stats(ctx); err != nil || !st.Stale {
		t.Errorf("stats after the upgrade: %+v, %v; want the clusters stale", st, err)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("check before reclustering: %v", err)
	}
	if did, err := s.Recluster(ctx, false); err != nil || !did {
		t.Fatalf("Recluster after the upgrade = %v, %v", did, err)
	}
	q := a.Statements[0].Quotes[0]
	c, err := s.Cluster(ctx, q.ID)
	if err != nil {
		t.Fatalf("no cluster with the id of its quote, %d: %v", q.ID, err)
	}
	if o := c.Occurrences; len(o) != 1 || len(o[0].Edits) != 6 || o[0].Edits.String() != o[0].Diff {
		t.Errorf("occurrences after reclustering: %+v", o)
	}
	sp, err := s.Speakers(ctx, store.SpeakerFilter{Resolved: true})
	if err != nil || len(sp) != 1 || sp[0].Role != "mayor of Port Ellis" {
		t.Errorf("speakers after the upgrade: %+v, %v", sp, err)
	}
	// New articles are stored beside the old one.
	put(t, s, Articles()...)
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
