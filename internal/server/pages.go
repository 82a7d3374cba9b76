package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/verbatim-news/verbatim/internal/render"
)

//go:embed web
var webFS embed.FS

// pages holds one template set per page, each the layout with the page's
// own templates.
type pages struct {
	sets map[string]*template.Template
}

// pageNames are the page templates under web/templates, besides the
// shared layout.html.
var pageNames = []string{"analyze", "article", "articles", "speakers", "speaker", "clusters", "cluster", "search", "error"}

func parsePages() (*pages, error) {
	funcs := template.FuncMap{
		"pathEscape": url.PathEscape,
		// webURL reports whether an article's URL may be a link: http(s)
		// only; others are shown as text.
		"webURL": func(s string) bool {
			u, err := url.Parse(s)
			return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
		},
		// segments escapes each segment of a path ("person/maria-ostrander").
		"segments": func(p string) string {
			parts := strings.Split(p, "/")
			for i, s := range parts {
				parts[i] = url.PathEscape(s)
			}
			return strings.Join(parts, "/")
		},
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("server: parsing the layout: %w", err)
	}
	p := &pages{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(webFS, "web/templates/"+name+".html")
		}
		if err != nil {
			return nil, fmt.Errorf("server: parsing page %s: %w", name, err)
		}
		p.sets[name] = t
	}
	return p, nil
}

// view is what every page template gets.
type view struct {
	Title  string // the page's title, before " · Verbatim"
	Nav    string // the navigation item to show as current
	Corpus bool   // a corpus is configured
	Data   any    // the page's own data
}

// render writes page name with data, or an error page when the template
// fails.
func (s *Server) render(w http.ResponseWriter, status int, name string, v view) {
	v.Corpus = s.opt.Corpus != nil
	var buf bytes.Buffer
	if err := s.pages.sets[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		s.log.Error("rendering a page", "page", name, "err", err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString("<!doctype html><title>Internal error</title><p>Internal error.</p>\n")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageError answers an HTML error page.
func (s *Server) pageError(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "error", view{Title: http.StatusText(status), Data: errorPage{Status: status, Message: msg}})
}

type errorPage struct {
	Status  int
	Message string
}

// pageFail answers err as an HTML error page with the status that fits.
func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.statusOf(r, err)
	if status == http.StatusNotFound && msg == "not found" {
		msg = "There is nothing here: the corpus has no such item."
	}
	s.pageError(w, status, msg)
}

// pageCorpus returns the corpus, or answers a 503 page and returns nil.
func (s *Server) pageCorpus(w http.ResponseWriter) Corpus {
	if s.opt.Corpus == nil {
		s.pageError(w, http.StatusServiceUnavailable, "This server has no corpus store, so there is nothing to browse; the Analyze page works without one.")
	}
	return s.opt.Corpus
}

// analyzePage is the Analyze page: the form, and the article analysed.
type analyzePage struct {
	Form     articleRequest
	Error    string
	Warnings []string
	Article  *render.Article
	Reading  *reading
}

func (s *Server) handleAnalyzePage(w http.ResponseWriter, _ *http.Request) {
	s.render(w, http.StatusOK, "analyze", view{Title: "Analyze", Nav: "analyze", Data: analyzePage{}})
}

// handleAnalyzeForm analyses the article the form gives and shows it.
func (s *Server) handleAnalyzeForm(w http.ResponseWriter, r *http.Request) {
	var pg analyzePage
	status := http.StatusOK
	err := r.ParseForm()
	if err != nil {
		err = bodyError(err)
	} else {
		pg.Form = articleRequest{
			Text: r.PostForm.Get("text"), URL: strings.TrimSpace(r.PostForm.Get("url")),
			Title: r.PostForm.Get("title"), Outlet: r.PostForm.Get("outlet"),
			Published: strings.TrimSpace(r.PostForm.Get("published")),
		}
		if strings.TrimSpace(pg.Form.Text) == "" {
			pg.Form.Text = ""
		}
		d, warn, derr := s.document(r.Context(), pg.Form)
		if derr == nil {
			derr = s.analyze(r.Context(), d)
		}
		if err = derr; err == nil {
			pg.Warnings = warn
			pg.Article = render.NewArticle(d)
			pg.Reading = newReading(pg.Article)
			if s.opt.Corpus == nil {
				for i := range pg.Reading.Speakers {
					pg.Reading.Speakers[i].Global = false // no speaker pages to link to
				}
			}
		}
	}
	if err != nil {
		status, pg.Error = s.statusOf(r, err)
	}
	title := "Analyze"
	if pg.Article != nil && pg.Article.Title != "" {
		title = pg.Article.Title
	}
	s.render(w, status, "analyze", view{Title: title, Nav: "analyze", Data: pg})
}

// listPage is a page of a list with the link to the next one.
type listPage[T any] struct {
	Items []T
	Next  string // the query string of the next page, or ""
	Query url.Values
}

// nextLink returns the query string for the page after l, keeping q's
// other parameters.
func nextLink[T any](q url.Values, l List[T]) string {
	if l.Next == "" {
		return ""
	}
	n := url.Values{}
	for k, v := range q {
		n[k] = v
	}
	n.Set("cursor", wrap(l).Next)
	return "?" + n.Encode()
}

// pageList serves an HTML page of a list.
func pageList[T any](s *Server, w http.ResponseWriter, r *http.Request, name, title string, list lister[T]) {
	c := s.pageCorpus(w)
	if c == nil {
		return
	}
	l, err := listOf(r, c, list)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	q := r.URL.Query()
	s.render(w, http.StatusOK, name, view{Title: title, Nav: name, Data: listPage[T]{Items: l.Items, Next: nextLink(q, l), Query: q}})
}

func (s *Server) handleArticlesPage(w http.ResponseWriter, r *http.Request) {
	pageList(s, w, r, "articles", "Articles", listArticles)
}

func (s *Server) handleSpeakersPage(w http.ResponseWriter, r *http.Request) {
	pageList(s, w, r, "speakers", "Speakers", listSpeakers)
}

func (s *Server) handleClustersPage(w http.ResponseWriter, r *http.Request) {
	pageList(s, w, r, "clusters", "Quote clusters", listClusters)
}

// searchPage is the search form and its results.
type searchPage struct {
	Q       string
	Results *listPage[Statement]
}

func (s *Server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sp := searchPage{Q: strings.TrimSpace(q.Get("q"))}
	if sp.Q != "" {
		c := s.pageCorpus(w)
		if c == nil {
			return
		}
		l, err := listOf(r, c, search)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		sp.Results = &listPage[Statement]{Items: l.Items, Next: nextLink(q, l), Query: q}
	}
	title := "Search"
	if sp.Q != "" {
		title = "Search: " + sp.Q
	}
	s.render(w, http.StatusOK, "search", view{Title: title, Nav: "search", Data: sp})
}

// articlePage is a stored article laid out for reading.
type articlePage struct {
	Article *Article
	Reading *reading
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	c := s.pageCorpus(w)
	if c == nil {
		return
	}
	a, err := c.Article(r.Context(), r.PathValue("id"))
	if err == nil && a.Analysis == nil {
		err = errors.New("the stored article has no analysis")
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	title := a.Title
	if title == "" {
		title = "Article " + a.ID
	}
	rd := newReading(a.Analysis)
	rd.fileUnder(a.Analysis, a.SpeakerKeys)
	s.render(w, http.StatusOK, "article", view{Title: title, Nav: "articles", Data: articlePage{Article: a, Reading: rd}})
}

// speakerPage is a speaker's statements, with their timeline.
type speakerPage struct {
	Speaker *SpeakerDetail
	Chart   chart
	Next    string
}

func (s *Server) handleSpeakerPage(w http.ResponseWriter, r *http.Request) {
	c := s.pageCorpus(w)
	if c == nil {
		return
	}
	q := r.URL.Query()
	p, err := page(q)
	var sd *SpeakerDetail
	if err == nil {
		sd, err = c.Speaker(r.Context(), r.PathValue("id"), p)
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if sd.ID != r.PathValue("id") {
		// A name the corpus files under a fuller one ("person/trump"):
		// that one's page.
		to := &url.URL{Path: "/speakers/" + sd.ID, RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, to.String(), http.StatusFound)
		return
	}
	s.render(w, http.StatusOK, "speaker", view{Title: sd.Name, Nav: "speakers",
		Data: speakerPage{Speaker: sd, Chart: newChart(sd.Timeline), Next: nextLink(q, sd.StatementList)}})
}

// clusterPage is a cluster with every outlet's version.
type clusterPage struct {
	Cluster *ClusterDetail
}

func (s *Server) handleClusterPage(w http.ResponseWriter, r *http.Request) {
	c := s.pageCorpus(w)
	if c == nil {
		return
	}
	cd, err := c.Cluster(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "cluster", view{Title: "“" + truncate(cd.Canonical, 60) + "”", Nav: "clusters", Data: clusterPage{Cluster: cd}})
}

// truncate shortens s to at most n characters, at a word boundary when
// it can, with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
