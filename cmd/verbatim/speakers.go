package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/store"
)

// speakerJSON is the JSON form of a speaker's counts.
type speakerJSON struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Statements int    `json:"statements"`
	Quotes     int    `json:"quotes"`
	Articles   int    `json:"articles"`
	Outlets    int    `json:"outlets"`
}

func newSpeakersCmd(e *env) *cobra.Command {
	var dsn, format string
	var f store.SpeakerFilter
	cmd := &cobra.Command{
		Use:   "speakers [flags]",
		Short: "Who is quoted, how often, and by how many outlets",
		Long: `Speakers lists the people and organisations the stored statements are
attributed to, most statements first, with how many quotations, articles and
outlets carry them. Statements whose speaker is unresolved are counted on one
line, "(unresolved)".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := outputFormat(format); err != nil {
				return err
			}
			return withStore(cmd.Context(), dsn, func(s store.Store) error {
				sp, err := s.Speakers(cmd.Context(), f)
				if err != nil {
					return err
				}
				rows := [][]string{}
				js := []speakerJSON{}
				for _, x := range sp {
					name := x.Name
					if x.Key == "" {
						name = "(unresolved)"
					}
					rows = append(rows, []string{name, x.Key, strconv.Itoa(x.Statements), strconv.Itoa(x.Quotes), strconv.Itoa(x.Articles), strconv.Itoa(x.Outlets)})
					js = append(js, speakerJSON{ID: x.Key, Name: x.Name, Statements: x.Statements, Quotes: x.Quotes, Articles: x.Articles, Outlets: x.Outlets})
				}
				return writeRows(e.stdout, format, []string{"speaker", "id", "statements", "quotes", "articles", "outlets"}, rows, js)
			})
		},
	}
	dbFlag(cmd, &dsn)
	formatFlag(cmd, &format)
	cmd.Flags().StringVar(&f.Name, "name", "", "speaker id or name contains this")
	cmd.Flags().IntVarP(&f.Limit, "limit", "n", 0, "at most this many (0: all)")
	return cmd
}
