package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/store"
)

// hitJSON is the JSON form of a search hit.
type hitJSON struct {
	Article   string  `json:"article"`
	Outlet    string  `json:"outlet"`
	Published string  `json:"published"`
	Speaker   string  `json:"speaker"`
	Source    string  `json:"source"`
	Kind      string  `json:"kind"`
	Content   string  `json:"content"`
	Rank      float64 `json:"rank"`
}

func newSearchCmd(e *env) *cobra.Command {
	var dsn, format string
	var limit int
	cmd := &cobra.Command{
		Use:   "search [flags] TEXT",
		Short: "Full-text search over the stored statements",
		Long: `Search finds the statements whose content holds every word of TEXT ("quoted
phrases" stay phrases), best match first: SQLite's FTS5 or PostgreSQL's
full-text search, by the store.`,
		Example: `  verbatim search ceasefire
  verbatim search '"no deal"' --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := outputFormat(format); err != nil {
				return err
			}
			q := strings.Join(args, " ")
			return withStore(cmd.Context(), dsn, func(s store.Store) error {
				hits, err := s.Search(cmd.Context(), store.SearchFilter{Query: q, Limit: limit})
				if err != nil {
					return err
				}
				rows := [][]string{}
				js := []hitJSON{}
				for _, h := range hits {
					rows = append(rows, []string{h.Published, h.Outlet, speakerLabel(h.SpeakerName, h.Source), h.Content, h.DocID, fmt.Sprintf("%.3f", h.Rank)})
					js = append(js, hitJSON{Article: h.DocID, Outlet: h.Outlet, Published: h.Published, Speaker: h.SpeakerName, Source: h.Source,
						Kind: h.Kind, Content: h.Content, Rank: h.Rank})
				}
				return writeRows(e.stdout, format, []string{"published", "outlet", "speaker", "statement", "article", "rank"}, rows, js)
			})
		},
	}
	dbFlag(cmd, &dsn)
	formatFlag(cmd, &format)
	cmd.Flags().IntVarP(&limit, "limit", "n", 50, "at most this many")
	return cmd
}
