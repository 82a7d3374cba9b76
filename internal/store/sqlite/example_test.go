package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/verbatim-news/verbatim/internal/store"
	"github.com/verbatim-news/verbatim/internal/store/sqlite"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "verbatim-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	for i, q := range []string{"The pier will be rebuilt by summer.", "the pier will be rebuilt by summer", "The pier will be rebuilt by autumn"} {
		a := &store.Article{
			URL: fmt.Sprintf("https://courier-%d.example/pier", i), Outlet: fmt.Sprintf("Courier %d", i), Published: "2031-05-02",
			Text: `"` + q + `," the mayor said.`, Analysis: []byte(`{}`),
			Statements: []store.Statement{{Ord: 1, Kind: "direct", Content: q, Quotes: []store.Quote{{Ord: 1, Text: q}}}},
		}
		a.Key = store.Key(a.URL, a.Text)
		if _, err := s.PutArticle(ctx, a); err != nil {
			fmt.Println(err)
			return
		}
	}
	if _, err := s.Recluster(ctx, false); err != nil {
		fmt.Println(err)
		return
	}
	cs, _ := s.Clusters(ctx, store.ClusterFilter{MinArticles: 2})
	for _, c := range cs {
		fmt.Printf("%q: %d outlets, %d possible misquote\n", c.Canonical, c.Outlets, c.Misquotes)
		for _, o := range c.Occurrences {
			fmt.Printf("  %s: %s\n", o.Outlet, o.Diff)
		}
	}
	// Output:
	// "The pier will be rebuilt by summer.": 3 outlets, 1 possible misquote
	//   Courier 0: the pier will be rebuilt by summer
	//   Courier 1: the pier will be rebuilt by summer
	//   Courier 2: the pier will be rebuilt by [-summer-] {+autumn+}
}
