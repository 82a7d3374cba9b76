package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/store"
)

// quoteJSON is the JSON form of one quote occurrence.
type quoteJSON struct {
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	SpeakerID string `json:"speaker_id"`
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Article   string `json:"article"`
	URL       string `json:"url"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Cluster   int64  `json:"cluster"`
	Variant   string `json:"variant"`
	Misquote  bool   `json:"misquote"`
	Diff      string `json:"diff"`
}

func quoteOf(q store.QuoteRow) quoteJSON {
	return quoteJSON{Text: q.Text, Speaker: q.SpeakerName, SpeakerID: q.SpeakerKey, Source: q.Source, Outlet: q.Outlet,
		Published: q.Published, Article: q.DocID, URL: q.URL, Start: q.Start, End: q.End,
		Cluster: q.ClusterID, Variant: q.Variant, Misquote: q.Misquote, Diff: q.Diff}
}

// speakerLabel is how a table names a speaker: the resolved name, else
// the source words in brackets.
func speakerLabel(name, source string) string {
	if name != "" {
		return name
	}
	if source != "" {
		return "(" + source + ")"
	}
	return "?"
}

func newQuotesCmd(e *env) *cobra.Command {
	var dsn, format string
	var f store.QuoteFilter
	cmd := &cobra.Command{
		Use:   "quotes [flags]",
		Short: "List the stored quotations, filtered by speaker, outlet, date or words",
		Long: `Quotes lists the verbatim quoted passages in the store, oldest article first,
with their speaker, outlet, date and quote cluster. String filters match
anywhere, ignoring case. A speaker shown in brackets is unresolved: the words
the article uses for them.`,
		Example: `  verbatim quotes --speaker putin --from 2025-08-15 --to 2025-08-16
  verbatim quotes --text "no deal" --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := outputFormat(format); err != nil {
				return err
			}
			for _, d := range []*string{&f.From, &f.To} {
				if *d != "" {
					t, err := ingest.ParseDate(*d)
					if err != nil {
						return usagef("%v", err)
					}
					*d = t.Format("2006-01-02")
				}
			}
			return withStore(cmd.Context(), dsn, func(s store.Store) error {
				qs, err := s.Quotes(cmd.Context(), f)
				if err != nil {
					return err
				}
				rows := [][]string{}
				js := []quoteJSON{}
				for _, q := range qs {
					flag := ""
					if q.Misquote {
						flag = "possible misquote"
					}
					rows = append(rows, []string{q.Published, q.Outlet, speakerLabel(q.SpeakerName, q.Source), q.Text,
						strconv.FormatInt(q.ClusterID, 10), q.Variant, flag})
					js = append(js, quoteOf(q))
				}
				return writeRows(e.stdout, format, []string{"published", "outlet", "speaker", "quote", "cluster", "variant", "flag"}, rows, js)
			})
		},
	}
	dbFlag(cmd, &dsn)
	formatFlag(cmd, &format)
	fl := cmd.Flags()
	fl.StringVar(&f.Speaker, "speaker", "", "speaker id or name contains this")
	fl.StringVar(&f.Outlet, "outlet", "", "outlet contains this")
	fl.StringVar(&f.From, "from", "", "published on or after this date (YYYY-MM-DD)")
	fl.StringVar(&f.To, "to", "", "published on or before this date (YYYY-MM-DD)")
	fl.StringVar(&f.Text, "text", "", "the quotation contains this")
	fl.Int64Var(&f.Cluster, "cluster", 0, "only the quotes of this cluster")
	fl.IntVarP(&f.Limit, "limit", "n", 0, "at most this many (0: all)")
	return cmd
}
