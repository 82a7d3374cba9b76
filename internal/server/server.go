package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/pipeline"
)

// Options configure a Server.
type Options struct {
	// Pipeline analyses articles; required.
	Pipeline *pipeline.Pipeline
	// Corpus is the corpus store the browsing pages and endpoints read
	// and POST /api/articles writes to. Without one those answer 503.
	Corpus Corpus
	// Token, when set, is the bearer token write endpoints require
	// ("Authorization: Bearer TOKEN").
	Token string
	// ReadOnly refuses every write request with 403.
	ReadOnly bool
	// AllowPrivate lets URL fetches reach loopback, private and
	// link-local addresses; off, they are refused.
	AllowPrivate bool
	// MaxBody is the largest request body accepted, in bytes (default
	// DefaultMaxBody); a fetched page may be as large.
	MaxBody int64
	// Workers is how many analyses run at once (default GOMAXPROCS);
	// further requests wait their turn.
	Workers int
	// AnalyzeTimeout bounds one analysis, waiting included (default 30s).
	AnalyzeTimeout time.Duration
	// FetchTimeout bounds fetching one URL (default 15s).
	FetchTimeout time.Duration
	// Logger receives server errors (default: discarded).
	Logger *slog.Logger
}

// DefaultMaxBody is the default request body limit.
const DefaultMaxBody = 2 << 20

// Server serves the JSON API and the reading room. It is an http.Handler;
// build it with New.
type Server struct {
	opt    Options
	mux    *http.ServeMux
	slots  chan struct{} // one per analysis that may run
	fetch  *fetcher
	pages  *pages
	static http.Handler
	log    *slog.Logger
}

// New returns a server with the given options.
func New(opt Options) (*Server, error) {
	if opt.Pipeline == nil {
		return nil, errors.New("server: no pipeline")
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.AnalyzeTimeout <= 0 {
		opt.AnalyzeTimeout = 30 * time.Second
	}
	if opt.FetchTimeout <= 0 {
		opt.FetchTimeout = 15 * time.Second
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pg, err := parsePages()
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(webFS, "web/static")
	if err != nil {
		return nil, err
	}
	s := &Server{
		opt:    opt,
		mux:    http.NewServeMux(),
		slots:  make(chan struct{}, opt.Workers),
		fetch:  newFetcher(opt.AllowPrivate, opt.MaxBody, opt.FetchTimeout),
		pages:  pg,
		static: http.StripPrefix("/static/", http.FileServerFS(static)),
		log:    log,
	}
	s.routes()
	return s, nil
}

// route is one endpoint.
type route struct {
	method, pattern string
	handler         http.HandlerFunc
	write           bool // changes the corpus: token and read-only apply
}

// apiRoutes lists the JSON API; openapi.json documents exactly these
// (a test holds them equal).
func (s *Server) apiRoutes() []route {
	return []route{
		{"GET", "/api/openapi.json", s.handleOpenAPI, false},
		{"POST", "/api/analyze", s.handleAnalyze, false},
		{"POST", "/api/articles", s.handleIngest, true},
		{"GET", "/api/articles", s.handleArticles, false},
		{"GET", "/api/articles/{id}", s.handleArticle, false},
		{"GET", "/api/quotes", s.handleQuotes, false},
		{"GET", "/api/speakers", s.handleSpeakers, false},
		{"GET", "/api/speakers/{id...}", s.handleSpeaker, false},
		{"GET", "/api/clusters", s.handleClusters, false},
		{"GET", "/api/clusters/{id}", s.handleCluster, false},
		{"GET", "/api/search", s.handleSearch, false},
	}
}

// pageRoutes lists the HTML pages.
func (s *Server) pageRoutes() []route {
	return []route{
		{"GET", "/{$}", s.handleAnalyzePage, false},
		{"GET", "/analyze", s.handleAnalyzePage, false},
		{"POST", "/analyze", s.handleAnalyzeForm, false},
		{"GET", "/articles", s.handleArticlesPage, false},
		{"GET", "/articles/{id}", s.handleArticlePage, false},
		{"GET", "/speakers", s.handleSpeakersPage, false},
		{"GET", "/speakers/{id...}", s.handleSpeakerPage, false},
		{"GET", "/clusters", s.handleClustersPage, false},
		{"GET", "/clusters/{id}", s.handleClusterPage, false},
		{"GET", "/search", s.handleSearchPage, false},
	}
}

func (s *Server) routes() {
	register := func(rs []route, notAllowed func(http.ResponseWriter, []string)) {
		allow := map[string][]string{}
		for _, r := range rs {
			h := r.handler
			if r.write {
				h = s.guardWrite(h)
			}
			s.mux.HandleFunc(r.method+" "+r.pattern, h)
			allow[r.pattern] = append(allow[r.pattern], r.method)
		}
		// A method-less pattern catches the other methods, so that they
		// get an answer in the right form with an Allow header.
		for p, methods := range allow {
			if p == "/{$}" {
				continue // "/" below answers the rest
			}
			if slices.Contains(methods, "GET") {
				methods = append(methods, "HEAD")
			}
			sort.Strings(methods)
			s.mux.HandleFunc(p, func(w http.ResponseWriter, _ *http.Request) { notAllowed(w, methods) })
		}
	}
	register(s.apiRoutes(), func(w http.ResponseWriter, methods []string) {
		w.Header().Set("Allow", strings.Join(methods, ", "))
		writeError(w, http.StatusMethodNotAllowed, "method not allowed; this endpoint answers "+strings.Join(methods, ", "))
	})
	register(s.pageRoutes(), func(w http.ResponseWriter, methods []string) {
		w.Header().Set("Allow", strings.Join(methods, ", "))
		s.pageError(w, http.StatusMethodNotAllowed, "This page answers "+strings.Join(methods, " and ")+" only.")
	})
	s.mux.Handle("GET /static/", s.static)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no endpoint %s", r.URL.Path))
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		s.pageError(w, http.StatusNotFound, "There is no page at this address.")
	})
}

// ServeHTTP serves a request, with the security headers every response
// carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
	s.mux.ServeHTTP(w, r)
}

// guardWrite refuses write requests when the server is read-only or the
// bearer token is missing or wrong.
func (s *Server) guardWrite(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opt.ReadOnly {
			writeError(w, http.StatusForbidden, "the server is read-only")
			return
		}
		if s.opt.Token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opt.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="verbatim"`)
				writeError(w, http.StatusUnauthorized, "this endpoint needs the server's bearer token (Authorization: Bearer TOKEN)")
				return
			}
		}
		next(w, r)
	}
}

// corpus returns the corpus, or answers 503 and returns nil.
func (s *Server) corpus(w http.ResponseWriter) Corpus {
	if s.opt.Corpus == nil {
		writeError(w, http.StatusServiceUnavailable, "this server has no corpus store; only POST /api/analyze is available")
	}
	return s.opt.Corpus
}

// statusOf maps an error from the corpus or an analysis to an HTTP status
// and the message to show; errors the client cannot act on are logged
// and shown without detail.
func (s *Server) statusOf(r *http.Request, err error) (int, string) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, ErrBadCursor):
		return http.StatusBadRequest, "bad cursor: pass back the \"next\" value of a previous page"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the server is busy; try again later"
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled"
	}
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "internal error"
}

// httpError is an error with the status and message to answer with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}
