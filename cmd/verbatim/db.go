package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/store"
	"github.com/verbatim-news/verbatim/internal/store/postgres"
	"github.com/verbatim-news/verbatim/internal/store/sqlite"
)

// defaultDB is the store every corpus command uses without --db.
const defaultDB = "./verbatim.db"

// dbFlag adds --db to a command that reads or writes the store.
func dbFlag(cmd *cobra.Command, dsn *string) {
	cmd.Flags().StringVar(dsn, "db", defaultDB, "the store: a SQLite file, or a postgres:// URL")
}

// openStore opens the store at dsn: PostgreSQL for a postgres:// or
// postgresql:// URL, else the SQLite file at that path. Unless create is
// set, a SQLite file that does not exist is an error rather than a new,
// empty store.
func openStore(ctx context.Context, dsn string, create bool) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if path == "" {
		return nil, usagef("--db is empty")
	}
	if !create {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no store at %s (run 'verbatim ingest --db %s ...' first)", path, dsn)
		}
	}
	return sqlite.Open(ctx, path)
}

// outputFormat checks a --format value of the query commands.
func outputFormat(f string) error {
	switch f {
	case "text", "json", "csv":
		return nil
	}
	return usagef("unknown --format %q (want text, json or csv)", f)
}

// formatFlag adds --format (text, json or csv) to a query command.
func formatFlag(cmd *cobra.Command, format *string) {
	cmd.Flags().StringVarP(format, "format", "f", "text", "output format: text, json or csv")
}

// withStore opens the store for a query command, brings its clusters up
// to date, and runs fn.
func withStore(ctx context.Context, dsn string, fn func(store.Store) error) error {
	s, err := openStore(ctx, dsn, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Recluster(ctx, false); err != nil {
		return fmt.Errorf("updating the quote clusters: %w", err)
	}
	return fn(s)
}

// clip shortens s to n characters for a table cell, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if n > 0 && len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// writeRows prints a query's result: as a table (text), as CSV with a
// header row, or as the JSON form v of the same rows.
func writeRows(w io.Writer, format string, header []string, rows [][]string, v any) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header)
		cw.WriteAll(rows)
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
	for _, r := range rows {
		for i := range r {
			r[i] = clip(r[i], 100)
		}
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}
