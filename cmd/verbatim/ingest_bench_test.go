package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// polnearJSONL writes the PolNeAR train texts as one JSON Lines file and
// returns its path, the number of articles and their bytes.
func polnearJSONL(b *testing.B) (string, int, int64) {
	dir := shareddata.Dir(b, "polnear", "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Skipf("no PolNeAR train texts in %s", dir)
	}
	slices.Sort(names)
	var sb strings.Builder
	var size int64
	for _, n := range names {
		text, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(text))
		line, _ := json.Marshal(map[string]string{"id": strings.TrimSuffix(filepath.Base(n), ".txt"), "text": string(text)})
		sb.Write(line)
		sb.WriteByte('\n')
	}
	path := filepath.Join(b.TempDir(), "polnear-train.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, len(names), size
}

// BenchmarkIngest ingests the PolNeAR train texts (840 articles, about
// 4 MB, as JSON Lines) into a new store per iteration, with one and two
// workers, into SQLite and into PostgreSQL (when VERBATIM_TEST_POSTGRES
// names a database), and reports articles per second.
func BenchmarkIngest(b *testing.B) {
	in, n, size := polnearJSONL(b)
	stores := []struct {
		name string
		dsn  func(b *testing.B) string
	}{
		{"sqlite", func(b *testing.B) string { return filepath.Join(b.TempDir(), "bench.db") }},
		{"postgres", func(b *testing.B) string { return pgSchema(b) }},
	}
	for _, st := range stores {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", st.name, workers), func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				var total time.Duration
				for b.Loop() {
					b.StopTimer()
					dsn := st.dsn(b)
					b.StartTimer()
					start := time.Now()
					code := run(context.Background(), []string{"ingest", "--db", dsn, "-j", fmt.Sprint(workers), in}, strings.NewReader(""), io.Discard, io.Discard)
					total += time.Since(start)
					if code != exitOK {
						b.Fatalf("ingest exited %d", code)
					}
				}
				b.ReportMetric(float64(n*b.N)/total.Seconds(), "articles/s")
			})
		}
	}
}

// pgSchema returns the DSN of a new, empty schema in the PostgreSQL
// database VERBATIM_TEST_POSTGRES names, dropped when b ends, or skips b.
func pgSchema(b testing.TB) string {
	base := os.Getenv("VERBATIM_TEST_POSTGRES")
	if base == "" {
		b.Skip("VERBATIM_TEST_POSTGRES is not set; skipping the PostgreSQL benchmark")
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("verbatim_bench_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := db.Exec(`CREATE SCHEMA ` + name); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		b.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}
