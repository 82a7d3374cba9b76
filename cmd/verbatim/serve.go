package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/server"
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

Write endpoints (POST /api/articles) need the bearer token when one is set
with --token or $` + tokenEnv + `, and are refused with --read-only.
Fetching an article by URL refuses loopback and private addresses unless
--allow-private is given.`,
		Example: `  verbatim serve
  verbatim serve --addr 0.0.0.0:8080 --read-only
  VERBATIM_TOKEN=secret verbatim serve --db ./verbatim.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), e, f, cmd.Flags().Changed("db"))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	fl.StringVar(&f.db, "db", "./verbatim.db", "the corpus store: a SQLite file, or a postgres:// DSN")
	fl.StringVar(&f.token, "token", "", "bearer token write endpoints require (default $"+tokenEnv+")")
	fl.BoolVar(&f.readOnly, "read-only", false, "refuse every write request")
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "let URL fetches reach loopback and private addresses")
	fl.Int64Var(&f.maxBody, "max-body", server.DefaultMaxBody, "largest request body (and fetched page) accepted, in bytes")
	return cmd
}

// openCorpus opens the corpus store named by dsn for the server. The
// corpus store (issue 6) is not in this build yet, so there is none to
// open: it returns a nil Corpus, and the server serves analysis only.
var openCorpus = func(_ context.Context, _ string) (server.Corpus, func() error, error) {
	return nil, func() error { return nil }, nil
}

func runServe(ctx context.Context, e *env, f serveFlags, dbGiven bool) error {
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
	corpus, closeCorpus, err := openCorpus(ctx, f.db)
	if err != nil {
		return fmt.Errorf("--db %s: %w", f.db, err)
	}
	defer closeCorpus()
	if corpus == nil {
		msg := "no corpus store in this build; serving analysis only"
		if dbGiven {
			msg = "--db " + f.db + ": " + msg
		}
		fmt.Fprintf(e.stderr, "verbatim: warning: %s\n", msg)
	}
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
