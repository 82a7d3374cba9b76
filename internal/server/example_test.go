package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/server"
	"github.com/verbatim-news/verbatim/internal/store/sqlite"
)

// ExampleNew serves the API without a corpus store: analysis works, the
// corpus endpoints answer 503.
func ExampleNew() {
	p, err := pipeline.Default()
	if err != nil {
		panic(err)
	}
	s, err := server.New(server.Options{Pipeline: p})
	if err != nil {
		panic(err)
	}
	body := `{"text": "\"The bridge will open in May,\" the mayor, Ines Dorado, said on Friday."}`
	req := httptest.NewRequest("POST", "/api/analyze", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	var a render.Article
	json.Unmarshal(w.Body.Bytes(), &a)
	for _, st := range a.Statements {
		fmt.Printf("%d %s %s: %s\n", w.Code, st.Kind, st.Speaker.Name, st.Content.Text)
	}

	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/api/quotes", nil))
	fmt.Println(w.Code, http.StatusText(w.Code))
	// Output:
	// 200 direct Ines Dorado: "The bridge will open in May,"
	// 503 Service Unavailable
}

// ExampleNewStoreCorpus serves a SQLite corpus store: an article posted
// to /api/articles is analysed and stored, and the lists read it.
func ExampleNewStoreCorpus() {
	dir, _ := os.MkdirTemp("", "verbatim-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "corpus.db"))
	if err != nil {
		panic(err)
	}
	defer st.Close()
	p, err := pipeline.Default()
	if err != nil {
		panic(err)
	}
	s, err := server.New(server.Options{Pipeline: p, Corpus: server.NewStoreCorpus(st)})
	if err != nil {
		panic(err)
	}
	body := `{"text": "\"The bridge will open in May,\" the mayor, Ines Dorado, said on Friday.", "outlet": "The Courier", "published": "2031-03-14"}`
	req := httptest.NewRequest("POST", "/api/articles", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	fmt.Println(w.Code, w.Header().Get("Location"))

	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/api/quotes?speaker=dorado", nil))
	var quotes server.List[server.Quote]
	json.Unmarshal(w.Body.Bytes(), &quotes)
	for _, q := range quotes.Items {
		fmt.Printf("%s, %s: %q (%s)\n", q.Article.Outlet, q.Article.Published, q.Text, q.Speaker.ID)
	}
	// Output:
	// 201 /api/articles/1
	// The Courier, 2031-03-14: "The bridge will open in May," (person/ines-dorado)
}
