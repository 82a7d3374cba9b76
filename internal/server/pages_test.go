package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"golang.org/x/net/html"
)

// postForm posts an HTML form to s.
func postForm(s http.Handler, target string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	return w
}

// parsePage parses a page and fails on a wrong status or a page that is
// not HTML.
func parsePage(t *testing.T, w *httptest.ResponseRecorder, status int) *html.Node {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d: %.500s", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	n, err := html.Parse(strings.NewReader(w.Body.String()))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// walk calls fn on every element of n.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text content of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// inert checks that a page has no element, attribute or URL an article
// could have smuggled in: scripts only from /static/, no event handler
// attributes, no images, frames or javascript: URLs.
func inert(t *testing.T, doc *html.Node) {
	t.Helper()
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "script":
			if attr(n, "src") != "/static/app.js" {
				t.Errorf("a script that is not ours: %v", n.Attr)
			}
		case "img", "iframe", "object", "embed", "b":
			t.Errorf("a <%s> element from the article", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if (a.Key == "href" || a.Key == "src") && strings.Contains(strings.ToLower(a.Val), "javascript:") {
				t.Errorf("javascript URL %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
		}
	})
}

func TestServer_HandleAnalyzeForm_Highlights(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
	var rec struct{ Text string }
	json.Unmarshal(fixtures(t)["harbour-gazette"], &rec)
	w := postForm(s, "/analyze", url.Values{"text": {rec.Text}, "title": {"Dock strike"}, "published": {"2025-05-12"}})
	doc := parsePage(t, w, http.StatusOK)
	var article *html.Node
	walk(doc, func(n *html.Node) {
		if n.Data == "article" {
			article = n
		}
	})
	if article == nil {
		t.Fatal("no article element")
	}
	var marks, cues, nums, dates, speakers int
	stmts := map[string]bool{}
	focusable := 0
	walk(article, func(n *html.Node) {
		class := " " + attr(n, "class") + " "
		switch {
		case n.Data == "mark" && strings.Contains(class, " st "):
			marks++
			stmts[attr(n, "data-st")] = true
			if attr(n, "tabindex") == "0" {
				focusable++
			}
			if attr(n, "data-speaker") == "" || attr(n, "data-kind") == "" || attr(n, "data-conf") == "" || attr(n, "title") == "" {
				t.Errorf("statement mark without its details: %v", n.Attr)
			}
		case strings.Contains(class, " cue "):
			cues++
		case strings.Contains(class, " num "):
			nums++
		case strings.Contains(class, " date "):
			dates++
		}
	})
	walk(doc, func(n *html.Node) {
		if n.Data == "button" && strings.Contains(attr(n, "class"), "spk") {
			speakers++
		}
	})
	if len(stmts) < 4 || focusable != len(stmts) || cues < 4 || nums < 1 || dates < 1 || speakers < 2 {
		t.Errorf("marks %d statements %d focusable %d cues %d numbers %d dates %d speakers %d", marks, len(stmts), focusable, cues, nums, dates, speakers)
	}
	// The text is all there, in order, marks or not.
	var paras []string
	walk(article, func(n *html.Node) {
		if n.Data == "p" {
			paras = append(paras, textOf(n))
		}
	})
	if got, want := strings.Join(paras, "\n"), strings.TrimRight(rec.Text, "\n"); got != want {
		t.Errorf("text on the page differs from the article:\n got %q\nwant %q", got, want)
	}
}

func TestServer_HandleAnalyzeForm_Errors(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t), MaxBody: 2048})
	for _, tc := range []struct {
		name   string
		form   url.Values
		status int
		says   string
	}{
		{"nothing", url.Values{}, 400, "give the article"},
		{"bad date", url.Values{"text": {"He said so."}, "published": {"soon"}}, 400, "published"},
		{"private url", url.Values{"url": {"http://127.0.0.1:9/x"}}, 403, "private"},
		{"too large", url.Values{"text": {strings.Repeat("word ", 1000)}}, 413, "limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parsePage(t, postForm(s, "/analyze", tc.form), tc.status)
			found := false
			walk(doc, func(n *html.Node) {
				if attr(n, "role") == "alert" && strings.Contains(textOf(n), tc.says) {
					found = true
				}
			})
			if !found {
				t.Errorf("no alert saying %q", tc.says)
			}
		})
	}
}

// TestServer_Pages_XSS stores an article whose text, title, outlet, URL
// and quotes are markup, and checks every page that shows it renders it
// as text.
func TestServer_Pages_XSS(t *testing.T) {
	s := newTestServer(t, Options{})
	xssID := articleID(t, s, "<script>")
	var rec struct{ Text, Title string }
	json.Unmarshal(fixtures(t)["xss"], &rec)
	for _, path := range []string{"/articles/" + xssID, "/articles", "/speakers", "/speakers/person/carter", "/search?q=council", "/search?q=iframe"} {
		t.Run(path, func(t *testing.T) {
			w := do(s, "GET", path, "")
			doc := parsePage(t, w, http.StatusOK)
			inert(t, doc)
			body := w.Body.String()
			for _, raw := range []string{"<script>alert", "<img src=x", "<iframe", "<b>Bold"} {
				if strings.Contains(body, raw) {
					t.Errorf("the page holds %q unescaped", raw)
				}
			}
		})
	}
	w := do(s, "GET", "/articles/"+xssID, "")
	doc := parsePage(t, w, http.StatusOK)
	if !strings.Contains(textOf(doc), "<script>alert('text')</script>") || !strings.Contains(textOf(doc), rec.Title) {
		t.Error("the markup in the article is not shown as text")
	}
	// The analyze form shows it inert too, fed back into the form.
	w = postForm(s, "/analyze", url.Values{"text": {rec.Text}, "title": {rec.Title}, "outlet": {`"><img src=x onerror=alert(1)>`}, "url": {"javascript:alert(1)"}})
	doc = parsePage(t, w, http.StatusOK)
	inert(t, doc)
}

func TestServer_Pages_Render(t *testing.T) {
	s := newTestServer(t, Options{})
	var cl List[Cluster]
	decode(t, do(s, "GET", "/api/clusters?speaker=okafor", ""), 200, &cl)
	if len(cl.Items) == 0 {
		t.Fatal("no cluster")
	}
	for _, tc := range []struct {
		path string
		want []string // texts the page must show
	}{
		{"/", []string{"Analyze an article", "Article text"}},
		{"/articles", []string{"Dock workers walk out", "Coastal Times"}},
		{"/articles?limit=1", []string{"Next page"}},
		{"/speakers", []string{"Lena Okafor", "Gregor Lindqvist"}},
		{"/speakers?name=lindq", []string{"Gregor Lindqvist"}},
		{"/speakers/person/lena-okafor", []string{"Lena Okafor", "Over time", "By outlet", "Harbour Gazette", "eighteen months"}},
		{"/clusters", []string{"eighteen months"}},
		{"/clusters/" + cl.Items[0].ID, []string{"first seen", "possible misquote", "Northern Ledger", "years", "months"}},
		{"/search?q=patience", []string{"patience has not paid"}},
		{"/search", []string{"Search statements"}},
		{"/search?q=zebra+crossing", []string{"No statement matches"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			doc := parsePage(t, do(s, "GET", tc.path, ""), http.StatusOK)
			text := textOf(doc)
			for _, want := range tc.want {
				if !strings.Contains(text, want) {
					t.Errorf("the page does not show %q", want)
				}
			}
			inert(t, doc)
		})
	}
	for _, path := range []string{"/articles/999", "/clusters/999", "/speakers/person/nobody"} {
		parsePage(t, do(s, "GET", path, ""), http.StatusNotFound)
	}
	parsePage(t, do(s, "GET", "/articles?cursor=***", ""), http.StatusBadRequest)
}

func TestServer_HandleClusterPage_Diff(t *testing.T) {
	s := newTestServer(t, Options{})
	var cl List[Cluster]
	decode(t, do(s, "GET", "/api/clusters?speaker=okafor", ""), 200, &cl)
	w := do(s, "GET", "/clusters/"+cl.Items[0].ID, "")
	body := w.Body.String()
	if !regexp.MustCompile(`<ins>years</ins>`).MatchString(body) || !regexp.MustCompile(`<del>months</del>`).MatchString(body) {
		t.Errorf("the misquote's word diff is not marked: %s", body)
	}
	if strings.Count(body, `<li class="version`) != cl.Items[0].Size {
		t.Errorf("%d versions shown, want %d", strings.Count(body, `<li class="version`), cl.Items[0].Size)
	}
}

func TestServer_Static(t *testing.T) {
	s := newTestServer(t, Options{Corpus: openTestCorpus(t)})
	for path, ctype := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "text/javascript", "/static/icon.svg": "image/svg+xml"} {
		w := do(s, "GET", path, "")
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %q", path, w.Code, w.Header().Get("Content-Type"))
		}
	}
	if w := do(s, "GET", "/static/nope.js", ""); w.Code != 404 {
		t.Errorf("missing static file: %d", w.Code)
	}
}

// An article that names a speaker only by surname links them to the
// speaker page of the person the corpus names in full, where the store
// filed the statement, not to a page no statement is filed under.
func TestServer_HandleArticlePage_JoinedSpeaker(t *testing.T) {
	c := openTestCorpus(t)
	fillCorpus(t, c)
	d := &doc.Document{ID: "surname-only", Outlet: "Quay Weekly", Title: "Strike talks resume",
		Text: "Strike talks resume\n\nTalks at Wellmouth resumed on Friday. \"We will not go back for less than we asked,\" Ms Okafor said after the first session."}
	if err := mustPipeline(t).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	id, _, err := c.Ingest(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Pipeline: mustPipeline(t), Corpus: c})
	if err != nil {
		t.Fatal(err)
	}
	page := parsePage(t, do(s, "GET", "/articles/"+id, ""), http.StatusOK)
	var links []string
	walk(page, func(n *html.Node) {
		if h := attr(n, "href"); n.Data == "a" && strings.HasPrefix(h, "/speakers/") {
			links = append(links, h)
		}
	})
	if !slices.Contains(links, "/speakers/person/lena-okafor") || slices.Contains(links, "/speakers/person/okafor") {
		t.Fatalf("speaker links %q, want /speakers/person/lena-okafor and not /speakers/person/okafor", links)
	}
	parsePage(t, do(s, "GET", "/speakers/person/lena-okafor", ""), http.StatusOK)
	// The page of the name as the article gave it is hers too.
	if w := do(s, "GET", "/speakers/person/okafor?limit=5", ""); w.Code != http.StatusFound || w.Header().Get("Location") != "/speakers/person/lena-okafor?limit=5" {
		t.Errorf("GET /speakers/person/okafor: %d to %q, want 302 to /speakers/person/lena-okafor?limit=5", w.Code, w.Header().Get("Location"))
	}
}
