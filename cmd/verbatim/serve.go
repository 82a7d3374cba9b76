package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/server"
	"github.com/verbatim-news/verbatim/internal/store"
)

type serveFlags struct {
	addr         string
	db           string
	token        string
	readOnly     bool
	allowPrivate bool
	maxBody      int64
}

// tokenEnv names the environment variable that gives the bearer token
// when --token does not.
const tokenEnv = "VERBATIM_TOKEN"

func newServeCmd(e *env) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve the JSON API and the reading room in a browser",
		Long: `Serve runs Verbatim's web server: the JSON API (documented at
/api/openapi.json) and pages to analyse an article, browse who was quoted,
compare how outlets carried a quote, and search statements. Every page and
asset is in the binary; nothing is loaded from elsewhere.

The corpus is the store --db names, as for ingest and the query commands: a
SQLite file (created when it does not exist, unless --read-only) or a
postgres:// URL. POST /api/articles analyses an article, stores it and
updates the quote clusters. Write endpoints need the bearer token when one
is set with --token or $` + tokenEnv + `, and are refused with --read-only.
Fetching an article by URL refuses loopback and private addresses unless
--allow-private is given.`,
		Example: `  verbatim serve
  verbatim serve --addr 0.0.0.0:8080 --read-only
  VERBATIM_TOKEN=secret verbatim serve --db ./verbatim.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), e, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	dbFlag(cmd, &f.db)
	fl.StringVar(&f.token, "token", "", "bearer token write endpoints require (default $"+tokenEnv+")")
	fl.BoolVar(&f.readOnly, "read-only", false, "refuse every write request")
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "let URL fetches reach loopback and private addresses")
	fl.Int64Var(&f.maxBody, "max-body", server.DefaultMaxBody, "largest request body (and fetched page) accepted, in bytes")
	return cmd
}

// openCorpus opens the corpus store at dsn for the server (a SQLite file
// is created unless readOnly), brings its quote clusters up to date and
// says on stderr what it holds.
func openCorpus(ctx context.Context, e *env, dsn string, readOnly bool) (store.Store, error) {
	s, err := openStore(ctx, dsn, !readOnly)
	if err != nil {
		return nil, err
	}
	if _, err := s.Recluster(ctx, false); err != nil {
		s.Close()
		return nil, fmt.Errorf("updating the quote clusters: %w", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		s.Close()
		return nil, err
	}
	fmt.Fprintf(e.stderr, "verbatim: corpus %s: %s\n", redactDSN(dsn), storeSummary(st))
	return s, nil
}

// redactDSN returns dsn with the password of a URL hidden, for messages.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

func runServe(ctx context.Context, e *env, f serveFlags) error {
	if f.maxBody <= 0 {
		return usagef("--max-body must be a positive number of bytes")
	}
	if _, _, err := net.SplitHostPort(f.addr); err != nil {
		return usagef("--addr %q: want host:port (%v)", f.addr, err)
	}
	if f.token == "" {
		f.token = os.Getenv(tokenEnv)
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	st, err := openCorpus(ctx, e, f.db, f.readOnly)
	if err != nil {
		return fmt.Errorf("--db %s: %w", redactDSN(f.db), err)
	}
	defer st.Close()
	corpus := server.NewStoreCorpus(st)
	srv, err := server.New(server.Options{
		Pipeline:     p,
		Corpus:       corpus,
		Token:        f.token,
		ReadOnly:     f.readOnly,
		AllowPrivate: f.allowPrivate,
		MaxBody:      f.maxBody,
		Logger:       log,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(e.stderr, "verbatim: serving on http://%s/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stderr, "verbatim: server stopped")
	return nil
}

// storeSummary says what a store holds: "12 articles, 40 statements,
// 31 quotes, 1 quote cluster across articles".
func storeSummary(st store.Stats) string {
	return render.Count(st.Articles, "article") + ", " + render.Count(st.Statements, "statement") + ", " +
		render.Count(st.Quotes, "quote") + ", " + render.Count(st.Clusters, "quote cluster") + " across articles"
}
