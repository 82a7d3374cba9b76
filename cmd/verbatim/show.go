package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/store"
)

func newShowCmd(e *env) *cobra.Command {
	var dsn, format string
	cmd := &cobra.Command{
		Use:   "show [flags] ARTICLE",
		Short: "Show a stored article: its statements, their speakers and quote clusters",
		Long: `Show prints a stored article, named by its number in the store, its URL, its
key or its input id. The json format prints the article's analysis as
'verbatim analyze --format json' does (docs/schema.md); csv gives one row per
statement.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := outputFormat(format); err != nil {
				return err
			}
			return withStore(cmd.Context(), dsn, func(s store.Store) error {
				a, err := s.Article(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				switch format {
				case "json":
					_, err := fmt.Fprintf(e.stdout, "%s\n", a.Analysis)
					return err
				case "csv":
					rows := [][]string{}
					for _, st := range a.Statements {
						rows = append(rows, []string{"s" + strconv.Itoa(st.Ord), st.Kind, st.SpeakerName, st.SpeakerKey, st.Source, st.Cue, st.Content, clusterList(st)})
					}
					return writeRows(e.stdout, format, []string{"statement", "kind", "speaker", "speaker_id", "source", "cue", "content", "clusters"}, rows, nil)
				}
				return showText(e, a)
			})
		},
	}
	dbFlag(cmd, &dsn)
	formatFlag(cmd, &format)
	return cmd
}

// clusterList names the quote clusters of a statement's quotes: "#3 #17".
func clusterList(st store.Statement) string {
	s := ""
	for _, q := range st.Quotes {
		if q.ClusterID != 0 {
			if s != "" {
				s += " "
			}
			s += "#" + strconv.FormatInt(q.ClusterID, 10)
		}
	}
	return s
}

func showText(e *env, a *store.Article) error {
	w := e.stdout
	title := a.Title
	if title == "" {
		title = a.DocID
	}
	fmt.Fprintf(w, "%s\n", title)
	for _, kv := range [][2]string{{"outlet", a.Outlet}, {"published", a.Published}, {"url", a.URL}, {"id", a.DocID}, {"key", a.Key}} {
		if kv[1] != "" {
			fmt.Fprintf(w, "  %-10s %s\n", kv[0]+":", kv[1])
		}
	}
	fmt.Fprintf(w, "  %-10s %d (stored %s)\n\n", "number:", a.ID, a.IngestedAt.Format("2006-01-02 15:04"))
	for _, st := range a.Statements {
		fmt.Fprintf(w, "s%-3d %-8s %s", st.Ord, st.Kind, speakerLabel(st.SpeakerName, st.Source))
		if st.Cue != "" {
			fmt.Fprintf(w, " [%s]", st.Cue)
		}
		if c := clusterList(st); c != "" {
			fmt.Fprintf(w, "  clusters %s", c)
		}
		fmt.Fprintf(w, "\n     %s\n", clip(st.Content, 0))
	}
	if len(a.Statements) == 0 {
		fmt.Fprintln(w, "no statements")
	}
	return nil
}
