package server

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/render"
)

//go:embed openapi.json
var openAPI []byte

// apiError is the body of every error the API answers.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg, Status: status})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		fmt.Fprintf(&buf, `{"error":"internal error","status":%d}`+"\n", status)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers err as JSON with the status that fits it.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.statusOf(r, err)
	writeError(w, status, msg)
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// articleRequest is the body of POST /api/analyze and POST /api/articles.
type articleRequest struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
}

// readArticleRequest decodes a JSON request body.
func readArticleRequest(r *http.Request) (articleRequest, error) {
	var req articleRequest
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return req, errorf(http.StatusUnsupportedMediaType, "send the article as application/json, not %s", ct)
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, bodyError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return req, errorf(http.StatusBadRequest, "the body must hold one JSON object and nothing after it")
	}
	return req, nil
}

// bodyError describes a request body that could not be read.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return errorf(http.StatusRequestEntityTooLarge, "the request body is over the %d-byte limit", mbe.Limit)
	case errors.Is(err, io.EOF):
		return errorf(http.StatusBadRequest, "the request body is empty; send a JSON object")
	case errors.As(err, &se):
		return errorf(http.StatusBadRequest, "the body is not valid JSON (at byte %d): %v", se.Offset, err)
	case errors.As(err, &te):
		return errorf(http.StatusBadRequest, "field %q must be a %s, not %s", te.Field, te.Type, te.Value)
	}
	return errorf(http.StatusBadRequest, "cannot read the body: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// document builds the document a request describes: its text, its HTML
// or, with neither, the page its URL names, fetched. It returns the
// warnings ingest gave.
func (s *Server) document(ctx context.Context, req articleRequest) (*doc.Document, []string, error) {
	var d *doc.Document
	var warn []string
	var err error
	field := "text"
	switch {
	case req.Text != "" && req.HTML != "":
		return nil, nil, errorf(http.StatusBadRequest, `give "text" or "html", not both`)
	case req.Text != "":
		d, warn, err = ingest.FromText([]byte(req.Text))
	case req.HTML != "":
		field = "html"
		d, warn, err = ingest.FromHTML([]byte(req.HTML), req.URL)
	case req.URL != "":
		field = "url"
		d, warn, err = s.fetch.document(ctx, req.URL)
	default:
		return nil, nil, errorf(http.StatusBadRequest, `give the article as "text", "html" or "url"`)
	}
	if err != nil {
		var he *httpError
		if errors.As(err, &he) {
			return nil, nil, err
		}
		return nil, nil, errorf(http.StatusBadRequest, "%s: %v", field, err)
	}
	if req.ID != "" {
		d.ID = req.ID
	}
	if req.URL != "" && d.URL == "" {
		d.URL = req.URL
	}
	if req.Title != "" {
		d.Title = req.Title
	}
	if req.Outlet != "" {
		d.Outlet = req.Outlet
	}
	if req.Published != "" {
		t, err := ingest.ParseDate(req.Published)
		if err != nil {
			return nil, nil, errorf(http.StatusBadRequest, "published: %v", err)
		}
		d.Published = t
	}
	return d, warn, nil
}

// analyze runs the pipeline on d, waiting for a free slot first; the
// wait counts towards the analysis timeout.
func (s *Server) analyze(ctx context.Context, d *doc.Document) error {
	ctx, cancel := context.WithTimeout(ctx, s.opt.AnalyzeTimeout)
	defer cancel()
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.slots }()
	return s.opt.Pipeline.Process(ctx, d)
}

// analyzed reads the article a JSON request body describes and
// analyses it.
func (s *Server) analyzed(r *http.Request) (*doc.Document, error) {
	req, err := readArticleRequest(r)
	if err != nil {
		return nil, err
	}
	d, _, err := s.document(r.Context(), req)
	if err != nil {
		return nil, err
	}
	return d, s.analyze(r.Context(), d)
}

// handleAnalyze analyses the article in the body and answers its JSON
// form, the object `verbatim analyze --format jsonl` prints.
func (s *Server) handleAnalyze(w http.ResponseWriter, r *http.Request) {
	d, err := s.analyzed(r)
	var buf bytes.Buffer
	if err == nil {
		err = render.JSON(&buf, d, false)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(buf.Bytes())
}

// ingestResult answers POST /api/articles.
type ingestResult struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
}

// handleIngest analyses the article in the body and stores it.
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	c := s.corpus(w)
	if c == nil {
		return
	}
	d, err := s.analyzed(r)
	var id string
	var created bool
	if err == nil {
		id, created, err = c.Ingest(r.Context(), d)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/articles/"+url.PathEscape(id))
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, ingestResult{ID: id, Created: created})
}

// page reads the limit and cursor query parameters.
func page(q url.Values) (Page, error) {
	p := Page{Limit: DefaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxLimit {
			return p, errorf(http.StatusBadRequest, "limit must be a whole number from 1 to %d, not %q", MaxLimit, v)
		}
		p.Limit = n
	}
	if v := q.Get("cursor"); v != "" {
		b, err := base64.RawURLEncoding.DecodeString(v)
		if err != nil || !utf8.Valid(b) || len(b) == 0 {
			return p, ErrBadCursor
		}
		p.Cursor = string(b)
	}
	return p, nil
}

// wrap returns l with its Next cursor in the form clients see.
func wrap[T any](l List[T]) List[T] {
	if l.Items == nil {
		l.Items = []T{}
	}
	if l.Next != "" {
		l.Next = base64.RawURLEncoding.EncodeToString([]byte(l.Next))
	}
	return l
}

// date checks a YYYY-MM-DD query parameter.
func date(q url.Values, name string) (string, error) {
	v := q.Get(name)
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", errorf(http.StatusBadRequest, "%s must be a date YYYY-MM-DD, not %q", name, v)
	}
	return v, nil
}

// quoteFilter reads the filters of GET /api/quotes.
func quoteFilter(q url.Values) (QuoteFilter, error) {
	f := QuoteFilter{Speaker: q.Get("speaker"), Outlet: q.Get("outlet"), Text: q.Get("text"), Cluster: q.Get("cluster")}
	var err error
	if f.From, err = date(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = date(q, "to"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, errorf(http.StatusBadRequest, "from (%s) is after to (%s)", f.From, f.To)
	}
	return f, nil
}

// lister lists one page of something the corpus holds, reading its
// filters from the query.
type lister[T any] func(ctx context.Context, c Corpus, q url.Values, p Page) (List[T], error)

// listOf reads the page the request asks for and lists it.
func listOf[T any](r *http.Request, c Corpus, list lister[T]) (List[T], error) {
	q := r.URL.Query()
	p, err := page(q)
	if err != nil {
		return List[T]{}, err
	}
	return list(r.Context(), c, q, p)
}

// listHandler serves a paged list as JSON.
func listHandler[T any](s *Server, list lister[T]) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := s.corpus(w)
		if c == nil {
			return
		}
		l, err := listOf(r, c, list)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, wrap(l))
	}
}

// itemHandler serves one item named by the path's id.
func itemHandler[T any](s *Server, get func(ctx context.Context, c Corpus, id string, r *http.Request) (*T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := s.corpus(w)
		if c == nil {
			return
		}
		v, err := get(r.Context(), c, r.PathValue("id"), r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func listArticles(ctx context.Context, c Corpus, _ url.Values, p Page) (List[ArticleSummary], error) {
	return c.Articles(ctx, p)
}

func listQuotes(ctx context.Context, c Corpus, q url.Values, p Page) (List[Quote], error) {
	f, err := quoteFilter(q)
	if err != nil {
		return List[Quote]{}, err
	}
	return c.Quotes(ctx, f, p)
}

func listSpeakers(ctx context.Context, c Corpus, q url.Values, p Page) (List[Speaker], error) {
	return c.Speakers(ctx, SpeakerFilter{Name: q.Get("name")}, p)
}

func listClusters(ctx context.Context, c Corpus, q url.Values, p Page) (List[Cluster], error) {
	return c.Clusters(ctx, ClusterFilter{Speaker: q.Get("speaker"), Text: q.Get("text")}, p)
}

func search(ctx context.Context, c Corpus, q url.Values, p Page) (List[Statement], error) {
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		return List[Statement]{}, errorf(http.StatusBadRequest, "give a query: /api/search?q=words")
	}
	return c.Search(ctx, query, p)
}

func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request) {
	listHandler(s, listArticles)(w, r)
}

func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	listHandler(s, listQuotes)(w, r)
}

func (s *Server) handleSpeakers(w http.ResponseWriter, r *http.Request) {
	listHandler(s, listSpeakers)(w, r)
}

func (s *Server) handleClusters(w http.ResponseWriter, r *http.Request) {
	listHandler(s, listClusters)(w, r)
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) { listHandler(s, search)(w, r) }

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	itemHandler(s, func(ctx context.Context, c Corpus, id string, _ *http.Request) (*Article, error) {
		return c.Article(ctx, id)
	})(w, r)
}

func (s *Server) handleSpeaker(w http.ResponseWriter, r *http.Request) {
	itemHandler(s, func(ctx context.Context, c Corpus, id string, r *http.Request) (*SpeakerDetail, error) {
		p, err := page(r.URL.Query())
		if err != nil {
			return nil, err
		}
		sd, err := c.Speaker(ctx, id, p)
		if err != nil {
			return nil, err
		}
		sd.StatementList = wrap(sd.StatementList)
		return sd, nil
	})(w, r)
}

func (s *Server) handleCluster(w http.ResponseWriter, r *http.Request) {
	itemHandler(s, func(ctx context.Context, c Corpus, id string, _ *http.Request) (*ClusterDetail, error) {
		return c.Cluster(ctx, id)
	})(w, r)
}
