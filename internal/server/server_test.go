package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/store/sqlite"
)

// testPipeline is the default pipeline, loaded once for all tests.
var testPipeline = sync.OnceValues(pipeline.Default)

func mustPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	p, err := testPipeline()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openTestCorpus returns an empty corpus for a test: the SQLite corpus
// store in a file in t.TempDir(), through NewStoreCorpus, closed when the
// test ends. Every API, page and browser test runs on it.
func openTestCorpus(t testing.TB) Corpus {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "verbatim.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return NewStoreCorpus(s)
}

// fixtures reads the articles under testdata/articles, by file name.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob("testdata/articles/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(n), ".json")] = b
	}
	return out
}

// fillCorpus analyses every fixture and stores it in c, in name order.
func fillCorpus(t testing.TB, c Corpus) {
	t.Helper()
	fx := fixtures(t)
	names := make([]string, 0, len(fx))
	for n := range fx {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		d, _, err := ingest.FromRecord(fx[n])
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if err := mustPipeline(t).Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if _, _, err := c.Ingest(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
}

// newTestServer returns a server over a corpus of the fixtures, with opt
// (Pipeline and Corpus are filled in when unset).
func newTestServer(t testing.TB, opt Options) *Server {
	t.Helper()
	if opt.Pipeline == nil {
		opt.Pipeline = mustPipeline(t)
	}
	if opt.Corpus == nil {
		c := openTestCorpus(t)
		fillCorpus(t, c)
		opt.Corpus = c
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do serves one request and returns the recorded response.
func do(s http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	return w
}

// decode decodes a JSON response into v, failing on a wrong status.
func decode(t *testing.T, w *httptest.ResponseRecorder, status int, v any) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d: %s", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want JSON", ct)
	}
	if v != nil {
		if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
			t.Fatalf("%v: %s", err, w.Body)
		}
	}
}

// wantError checks a JSON error answer.
func wantError(t *testing.T, w *httptest.ResponseRecorder, status int, contains string) {
	t.Helper()
	var e apiError
	decode(t, w, status, &e)
	if e.Status != status || e.Error == "" {
		t.Errorf("error body %+v, want status %d and a message", e, status)
	}
	if !strings.Contains(e.Error, contains) {
		t.Errorf("error %q does not say %q", e.Error, contains)
	}
}

func jsonBody(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

const sampleText = "\"We will not sign a bad deal,\" Prime Minister Elena Varga said on Monday.\nShe added that talks would resume in March.\n"

func TestServer_HandleAnalyze_SameAsCLI(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
	w := do(s, "POST", "/api/analyze", jsonBody(map[string]string{"text": sampleText, "published": "2025-03-03", "title": "Talks", "outlet": "The Courier"}))
	var got render.Article
	decode(t, w, http.StatusOK, &got)

	d, _, err := ingest.FromText([]byte(sampleText))
	if err != nil {
		t.Fatal(err)
	}
	d.Title, d.Outlet = "Talks", "The Courier"
	d.Published, _ = ingest.ParseDate("2025-03-03")
	if err := mustPipeline(t).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := render.JSON(&want, d, false); err != nil {
		t.Fatal(err)
	}
	if w.Body.String() != want.String() {
		t.Errorf("the API's JSON differs from the CLI's:\n got %s\nwant %s", w.Body, want.String())
	}
	if len(got.Statements) == 0 || got.Statements[0].Speaker == nil || got.Statements[0].Speaker.Name != "Elena Varga" {
		t.Errorf("statements %+v, want Elena Varga's", got.Statements)
	}
}

func TestServer_HandleAnalyze_BadRequests(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t), MaxBody: 4096})
	for _, tc := range []struct {
		name, body, ctype string
		status            int
		says              string
	}{
		{"empty body", "", "application/json", 400, "empty"},
		{"not JSON", "text=hello", "application/json", 400, "not valid JSON"},
		{"array", `["x"]`, "application/json", 400, "must be"},
		{"two objects", `{"text":"a b c d"} {}`, "application/json", 400, "nothing after"},
		{"unknown field", `{"txt":"hello"}`, "application/json", 400, `"txt"`},
		{"no article", `{"title":"t"}`, "application/json", 400, `"text", "html" or "url"`},
		{"both", `{"text":"a","html":"<p>b</p>"}`, "application/json", 400, "not both"},
		{"blank text", `{"text":"   \n "}`, "application/json", 400, "empty input"},
		{"binary", `{"text":"\u0000\u0001\u0002\u0003"}`, "application/json", 400, "binary"},
		{"bad date", `{"text":"He said it.","published":"yesterday"}`, "application/json", 400, "published"},
		{"number for text", `{"text":3}`, "application/json", 400, `"text"`},
		{"too large", `{"text":"` + strings.Repeat("word ", 2000) + `"}`, "application/json", 413, "limit"},
		{"form", `text=hello`, "application/x-www-form-urlencoded", 415, "application/json"},
		{"bad url", `{"url":"not a url"}`, "application/json", 400, "absolute URL"},
		{"file url", `{"url":"file:///etc/passwd"}`, "application/json", 400, "http"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/analyze", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", tc.ctype)
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)
			wantError(t, w, tc.status, tc.says)
		})
	}
}

func TestServer_HandleAnalyze_HTML(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
	page := `<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1><p>"The budget is balanced for the first time in a decade," the finance minister, Karl Brandt, told parliament on Tuesday.</p><p>Opposition leaders said the figures did not add up.</p></article></body></html>`
	var got render.Article
	decode(t, do(s, "POST", "/api/analyze", jsonBody(map[string]string{"html": page, "url": "https://news.example/budget"})), 200, &got)
	if got.URL != "https://news.example/budget" || !strings.Contains(got.Text, "balanced for the first time") {
		t.Errorf("url %q text %q", got.URL, got.Text)
	}
	if len(got.Statements) == 0 {
		t.Error("no statements")
	}
}

func TestServer_HandleAnalyze_URL(t *testing.T) {
	page := `<html><head><title>Harbour</title></head><body><article><p>"The harbour will reopen on Friday," the mayor, Ruth Adeyemi, said on Wednesday morning.</p><p>Repairs to the sea wall have taken three months.</p></article></body></html>`
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/article":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page)
		case "/redirect":
			http.Redirect(w, r, "/article", http.StatusFound)
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer origin.Close()

	t.Run("loopback refused", func(t *testing.T) {
		s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
		wantError(t, do(s, "POST", "/api/analyze", jsonBody(map[string]string{"url": origin.URL + "/article"})), http.StatusForbidden, "private")
		// A name that resolves to loopback is refused alike.
		wantError(t, do(s, "POST", "/api/analyze", jsonBody(map[string]string{"url": strings.Replace(origin.URL, "127.0.0.1", "localhost", 1) + "/article"})), http.StatusForbidden, "private")
	})
	s := newTestServer(t, Options{Corpus: openTestCorpus(t), AllowPrivate: true})
	for _, path := range []string{"/article", "/redirect"} {
		t.Run("allowed "+path, func(t *testing.T) {
			var got render.Article
			decode(t, do(s, "POST", "/api/analyze", jsonBody(map[string]string{"url": origin.URL + path})), 200, &got)
			if !strings.Contains(got.Text, "harbour will reopen") || got.URL != origin.URL+"/article" {
				t.Errorf("url %q text %q", got.URL, got.Text)
			}
		})
	}
	t.Run("not found", func(t *testing.T) {
		wantError(t, do(s, "POST", "/api/analyze", jsonBody(map[string]string{"url": origin.URL + "/gone"})), http.StatusBadGateway, "404")
	})
	t.Run("not a page", func(t *testing.T) {
		wantError(t, do(s, "POST", "/api/analyze", jsonBody(map[string]string{"url": origin.URL + "/image"})), http.StatusUnprocessableEntity, "image/png")
	})
}

func mustAddr(t *testing.T, s string) netip.Addr {
	t.Helper()
	a, err := netip.ParseAddr(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPublicAddr_Cases(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"93.184.216.34", true},
		{"2606:2800:220:1:248:1893:25c8:1946", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"fc00::1", false},
		{"fe80::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::a00:1", false},
		{"224.0.0.1", false},
		{"198.51.100.7", false},
	} {
		t.Run(tc.addr, func(t *testing.T) {
			if got := publicAddr(mustAddr(t, tc.addr)); got != tc.want {
				t.Errorf("publicAddr(%s) = %v, want %v", tc.addr, got, tc.want)
			}
		})
	}
}

func TestServer_HandleIngest_Guards(t *testing.T) {
	body := jsonBody(map[string]string{"text": sampleText, "url": "https://courier.example/talks"})
	t.Run("token", func(t *testing.T) {
		s := newTestServer(t, Options{Corpus: openTestCorpus(t), Token: "s3cret"})
		w := do(s, "POST", "/api/articles", body)
		wantError(t, w, http.StatusUnauthorized, "bearer token")
		if w.Header().Get("WWW-Authenticate") == "" {
			t.Error("no WWW-Authenticate header")
		}
		wantError(t, do(s, "POST", "/api/articles", body, "Authorization", "Bearer wrong"), http.StatusUnauthorized, "bearer token")
		wantError(t, do(s, "POST", "/api/articles", body, "Authorization", "s3cret"), http.StatusUnauthorized, "bearer token")
		var res ingestResult
		w = do(s, "POST", "/api/articles", body, "Authorization", "Bearer s3cret")
		decode(t, w, http.StatusCreated, &res)
		if !res.Created || res.ID == "" || w.Header().Get("Location") != "/api/articles/"+res.ID {
			t.Errorf("result %+v, Location %q", res, w.Header().Get("Location"))
		}
		var again ingestResult
		decode(t, do(s, "POST", "/api/articles", body, "Authorization", "Bearer s3cret"), http.StatusOK, &again)
		if again.Created || again.ID != res.ID {
			t.Errorf("second ingest %+v, want the same id %s, not created", again, res.ID)
		}
		// Reading needs no token.
		var a Article
		decode(t, do(s, "GET", "/api/articles/"+res.ID, ""), http.StatusOK, &a)
		if a.URL != "https://courier.example/talks" || a.Analysis == nil || len(a.Analysis.Statements) == 0 {
			t.Errorf("stored article %+v", a)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		s := newTestServer(t, Options{Corpus: openTestCorpus(t), ReadOnly: true, Token: "s3cret"})
		wantError(t, do(s, "POST", "/api/articles", body, "Authorization", "Bearer s3cret"), http.StatusForbidden, "read-only")
		decode(t, do(s, "POST", "/api/analyze", body), http.StatusOK, nil)
	})
	t.Run("no corpus", func(t *testing.T) {
		s, err := New(Options{Pipeline: mustPipeline(t)})
		if err != nil {
			t.Fatal(err)
		}
		wantError(t, do(s, "POST", "/api/articles", body), http.StatusServiceUnavailable, "no corpus")
		wantError(t, do(s, "GET", "/api/quotes", ""), http.StatusServiceUnavailable, "no corpus")
		decode(t, do(s, "POST", "/api/analyze", body), http.StatusOK, nil)
		if w := do(s, "GET", "/speakers", ""); w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "no corpus store") {
			t.Errorf("speakers page without a corpus: %d %s", w.Code, w.Body)
		}
		if w := do(s, "GET", "/", ""); w.Code != http.StatusOK {
			t.Errorf("analyze page without a corpus: %d", w.Code)
		}
	})
}

// collect follows the next cursors of a list endpoint from path and
// returns every item's JSON.
func collect(t *testing.T, s http.Handler, path string) []json.RawMessage {
	t.Helper()
	var all []json.RawMessage
	next := ""
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("more than 100 pages")
		}
		u := path
		if next != "" {
			u += "&cursor=" + next
		}
		var l List[json.RawMessage]
		decode(t, do(s, "GET", u, ""), http.StatusOK, &l)
		all = append(all, l.Items...)
		if l.Next == "" {
			return all
		}
		if len(l.Items) == 0 {
			t.Fatal("an empty page with a next cursor")
		}
		next = l.Next
	}
}

func TestServer_HandleArticles_Paging(t *testing.T) {
	s := newTestServer(t, Options{})
	var first List[ArticleSummary]
	decode(t, do(s, "GET", "/api/articles?limit=2", ""), http.StatusOK, &first)
	if len(first.Items) != 2 || first.Next == "" {
		t.Fatalf("first page %+v", first)
	}
	all := collect(t, s, "/api/articles?limit=2")
	whole := collect(t, s, "/api/articles?limit=200")
	if len(all) != len(fixtures(t)) || !slices.EqualFunc(all, whole, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
		t.Errorf("paging by 2 gave %d articles, one page %d, fixtures %d", len(all), len(whole), len(fixtures(t)))
	}
	// A cursor stays valid after more articles arrive: nothing listed
	// before is repeated or skipped.
	c := s.opt.Corpus
	d, _, _ := ingest.FromText([]byte(sampleText))
	mustPipeline(t).Process(context.Background(), d)
	if _, _, err := c.Ingest(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var rest []ArticleSummary
	for next := first.Next; next != ""; {
		var l List[ArticleSummary]
		decode(t, do(s, "GET", "/api/articles?limit=2&cursor="+next, ""), http.StatusOK, &l)
		rest = append(rest, l.Items...)
		next = l.Next
	}
	seen := map[string]bool{first.Items[0].ID: true, first.Items[1].ID: true}
	for _, a := range rest {
		if seen[a.ID] {
			t.Errorf("article %s listed twice", a.ID)
		}
		seen[a.ID] = true
	}
	if len(seen) < len(all) {
		t.Errorf("listed %d articles across the insert, want at least %d", len(seen), len(all))
	}
	for _, bad := range []string{"?cursor=***", "?cursor=bm9wZQ", "?limit=0", "?limit=201", "?limit=ten"} {
		w := do(s, "GET", "/api/articles"+bad, "")
		wantError(t, w, http.StatusBadRequest, "")
	}
}

func TestServer_HandleQuotes_Filters(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, tc := range []struct {
		query string
		check func(q Quote) bool
		min   int
	}{
		{"", func(Quote) bool { return true }, 8},
		{"speaker=okafor", func(q Quote) bool { return q.Speaker != nil && q.Speaker.Name == "Lena Okafor" }, 4},
		{"speaker=person/lena-okafor", func(q Quote) bool { return q.Speaker != nil && q.Speaker.ID == "person/lena-okafor" }, 4},
		{"outlet=coastal", func(q Quote) bool { return q.Article.Outlet == "Coastal Times" }, 2},
		{"from=2025-05-13&to=2025-05-13", func(q Quote) bool { return q.Article.Published == "2025-05-13" }, 2},
		{"text=patient", func(q Quote) bool { return strings.Contains(q.Text, "patient") }, 4},
	} {
		t.Run(tc.query, func(t *testing.T) {
			items := collect(t, s, "/api/quotes?limit=3&"+tc.query)
			if len(items) < tc.min {
				t.Errorf("%d quotes, want at least %d", len(items), tc.min)
			}
			prev := ""
			for _, raw := range items {
				var q Quote
				json.Unmarshal(raw, &q)
				if !tc.check(q) {
					t.Errorf("quote does not match the filter: %s", raw)
				}
				if key := dateOrder(q.Article.Published); key < prev {
					t.Errorf("quotes out of date order at %s", raw)
				} else {
					prev = key
				}
			}
		})
	}
	wantError(t, do(s, "GET", "/api/quotes?from=May", ""), http.StatusBadRequest, "from")
	wantError(t, do(s, "GET", "/api/quotes?from=2025-06-01&to=2025-05-01", ""), http.StatusBadRequest, "after")
}

// dateOrder is a key that sorts dates as the lists do, in order with
// the unknown last.
func dateOrder(published string) string {
	if published == "" {
		return "~"
	}
	return published
}

func TestServer_HandleSpeakers(t *testing.T) {
	s := newTestServer(t, Options{})
	var l List[Speaker]
	decode(t, do(s, "GET", "/api/speakers?limit=200", ""), http.StatusOK, &l)
	if len(l.Items) < 3 || !slices.ContainsFunc(l.Items, func(s Speaker) bool { return s.ID == "person/lena-okafor" }) {
		t.Fatalf("speakers %+v, want Lena Okafor among them", l.Items)
	}
	for i := 1; i < len(l.Items); i++ {
		if l.Items[i].Statements > l.Items[i-1].Statements {
			t.Errorf("speakers not in order of statements: %+v", l.Items)
		}
	}
	var sd SpeakerDetail
	decode(t, do(s, "GET", "/api/speakers/person/lena-okafor?limit=2", ""), http.StatusOK, &sd)
	if sd.Name != "Lena Okafor" || sd.Outlets < 3 || len(sd.ByOutlet) != sd.Outlets || len(sd.Timeline) < 2 ||
		len(sd.StatementList.Items) != 2 || sd.StatementList.Next == "" {
		t.Errorf("speaker detail %+v", sd)
	}
	wantError(t, do(s, "GET", "/api/speakers/person/nobody", ""), http.StatusNotFound, "not found")
}

func TestServer_HandleClusters(t *testing.T) {
	s := newTestServer(t, Options{})
	var l List[Cluster]
	decode(t, do(s, "GET", "/api/clusters?speaker=okafor", ""), http.StatusOK, &l)
	if len(l.Items) == 0 {
		t.Fatal("no cluster for Okafor")
	}
	c := l.Items[0]
	if c.Articles < 3 || !strings.Contains(c.Canonical, "eighteen months") || c.Misquotes != 1 || c.FirstSeen != "2025-05-12" {
		t.Errorf("cluster %+v", c)
	}
	var cd ClusterDetail
	decode(t, do(s, "GET", "/api/clusters/"+c.ID, ""), http.StatusOK, &cd)
	var flagged []Occurrence
	for _, o := range cd.Occurrences {
		if o.Misquote {
			flagged = append(flagged, o)
		}
	}
	if len(flagged) != 1 || flagged[0].Article.Outlet != "Northern Ledger" || !cd.Occurrences[0].First {
		t.Fatalf("occurrences %+v", cd.Occurrences)
	}
	if !slices.Contains(flagged[0].Diff, Edit{Op: OpInsert, Text: "years"}) || !slices.Contains(flagged[0].Diff, Edit{Op: OpDelete, Text: "months"}) {
		t.Errorf("misquote diff %+v", flagged[0].Diff)
	}
	wantError(t, do(s, "GET", "/api/clusters/999", ""), http.StatusNotFound, "not found")
}

func TestServer_HandleSearch(t *testing.T) {
	s := newTestServer(t, Options{})
	var l List[Statement]
	decode(t, do(s, "GET", `/api/search?q=`+strings.ReplaceAll(`"fair, final"`, " ", "+"), ""), http.StatusOK, &l)
	if len(l.Items) < 2 {
		t.Fatalf("search found %+v", l.Items)
	}
	for _, st := range l.Items {
		if !strings.Contains(st.Content, "fair, final") {
			t.Errorf("hit without the phrase: %+v", st)
		}
	}
	wantError(t, do(s, "GET", "/api/search?q=+", ""), http.StatusBadRequest, "query")
}

func TestServer_HandleX_NotFoundAndMethods(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
	wantError(t, do(s, "GET", "/api/nope", ""), http.StatusNotFound, "/api/nope")
	w := do(s, "DELETE", "/api/articles", "")
	wantError(t, w, http.StatusMethodNotAllowed, "GET, HEAD, POST")
	if got := w.Header().Get("Allow"); got != "GET, HEAD, POST" {
		t.Errorf("Allow %q", got)
	}
	w = do(s, "GET", "/api/analyze", "")
	wantError(t, w, http.StatusMethodNotAllowed, "POST")
	if w := do(s, "GET", "/no/such/page", ""); w.Code != 404 || !strings.Contains(w.Header().Get("Content-Type"), "text/html") {
		t.Errorf("page 404: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if w := do(s, "PUT", "/search", ""); w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("page 405: %d %q", w.Code, w.Header().Get("Allow"))
	}
}

func TestServer_ServeHTTP_SecurityHeaders(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, path := range []string{"/", "/api/articles", "/static/app.css", "/nope", "/api/nope", "/clusters/1"} {
		w := do(s, "GET", path, "")
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
}

func TestServer_HandleOpenAPI_MatchesRoutes(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
	var spec struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	decode(t, do(s, "GET", "/api/openapi.json", ""), http.StatusOK, &spec)
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi %q", spec.OpenAPI)
	}
	documented := map[string]bool{}
	for p, ops := range spec.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	served := map[string]bool{}
	for _, r := range s.apiRoutes() {
		served[r.method+" "+strings.ReplaceAll(r.pattern, "...}", "}")] = true
	}
	for k := range served {
		if !documented[k] {
			t.Errorf("%s is served but not documented", k)
		}
	}
	for k := range documented {
		if !served[k] {
			t.Errorf("%s is documented but not served", k)
		}
	}
}
