package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/server"
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
