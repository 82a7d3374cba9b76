package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestIngest_FeedOverHTTP serves a feed and its articles on loopback and
// ingests them from the feed's URL.
func TestIngest_FeedOverHTTP(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Ferry</title><link>http://%[1]s/a/ferry</link><pubDate>Mon, 02 Jun 2031 09:00:00 GMT</pubDate></item>
<item><title>Pier</title><link>http://%[1]s/a/pier</link></item>
<item><title>Gone</title><link>http://%[1]s/a/gone</link></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("GET /a/{slug}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("slug") == "gone" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><title>%[1]s</title></head><body><article><h1>%[1]s news</h1>
<p>The harbour master said on Monday that the %[1]s would reopen in June after repairs.</p>
<p>"We have rebuilt the %[1]s from the keel up," she told reporters at the quay.</p></article></body></html>`, r.PathValue("slug"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "web.db")
	r := runCmd(t, "", "ingest", "--db", db, "--per-host-delay", "1ms", srv.URL+"/rss")
	if r.code != exitFailed || !strings.Contains(r.stderr, "/a/gone: HTTP 404") || !strings.Contains(r.stderr, "2 stored, 0 already stored, 1 failed") {
		t.Fatalf("feed ingest: %+v", r)
	}
	r = runCmd(t, "", "show", "--db", db, "--format", "json", srv.URL+"/a/ferry")
	var a struct{ URL, Published, Text string }
	if r.code != exitOK || json.Unmarshal([]byte(r.stdout), &a) != nil || a.Published != "2031-06-02" || !strings.Contains(a.Text, "keel up") {
		t.Errorf("show of a feed item: %+v", r)
	}
	r = runCmd(t, "", "ingest", "--db", db, "--per-host-delay", "1ms", srv.URL+"/rss")
	if !strings.Contains(r.stderr, "0 stored, 2 already stored, 1 failed") {
		t.Errorf("second feed ingest: %s", r.stderr)
	}
}

// TestIngest_EventsClusters ingests the shared same-event articles and
// holds floors on the quote clusters found.
func TestIngest_EventsClusters(t *testing.T) {
	in := shareddata.Dir(t, "events", "articles.jsonl")
	db := filepath.Join(t.TempDir(), "events.db")
	if r := runCmd(t, "", "ingest", "--db", db, in); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	r := runCmd(t, "", "clusters", "--db", db, "--format", "json")
	var cs []clusterJSON
	if err := json.Unmarshal([]byte(r.stdout), &cs); err != nil {
		t.Fatal(err)
	}
	// The count follows attribution recall on these excerpts: a two-word
	// quotation found in one article less loses its cluster.
	if len(cs) < 21 {
		t.Errorf("%d clusters across articles, floor 21", len(cs))
	}
	var largest clusterJSON
	if len(cs) > 0 {
		largest = cs[0]
	}
	if largest.Articles < 10 || !strings.Contains(strings.ToLower(largest.Canonical), "no deal until") {
		t.Errorf("largest cluster = %q in %d articles; want the 'no deal' line in 10 or more", largest.Canonical, largest.Articles)
	}
	flagged := false
	for _, c := range cs {
		for _, o := range c.Occurrences {
			if o.Misquote && strings.Contains(o.Text, "very productive") {
				flagged = true
			}
		}
	}
	if !flagged {
		t.Error(`"very productive" is not flagged against "extremely productive"`)
	}
}
