package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/store"
)

// clusterJSON is the JSON form of a quote cluster.
type clusterJSON struct {
	ID          int64       `json:"id"`
	Speaker     string      `json:"speaker"`
	SpeakerID   string      `json:"speaker_id"`
	Canonical   string      `json:"canonical"`
	Size        int         `json:"size"`
	Articles    int         `json:"articles"`
	Outlets     int         `json:"outlets"`
	Variants    int         `json:"variants"`
	Misquotes   int         `json:"misquotes"`
	First       quoteJSON   `json:"first"`
	Occurrences []quoteJSON `json:"occurrences"`
}

func newClustersCmd(e *env) *cobra.Command {
	var dsn, format string
	var f store.ClusterFilter
	cmd := &cobra.Command{
		Use:   "clusters [flags]",
		Short: "Each quoted utterance once, with every outlet that carried it and how they differ",
		Long: `Clusters lists the quote clusters, largest first: each utterance once, with its
speaker, canonical wording, earliest appearance, and every occurrence (outlet,
date, exact wording) with a word-level diff against the canonical wording:
[-word-] is missing from the variant, {+word+} added, […words…] left out at
an elision mark. A variant that changes meaning-bearing words is flagged as a
possible misquote; a mere truncation is not. See docs/corpus.md.

The text format shows every occurrence; csv gives one row per occurrence.`,
		Example: `  verbatim clusters --limit 10
  verbatim clusters --speaker trump --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := outputFormat(format); err != nil {
				return err
			}
			return withStore(cmd.Context(), dsn, func(s store.Store) error {
				cs, err := s.Clusters(cmd.Context(), f)
				if err != nil {
					return err
				}
				if format == "text" {
					return clustersText(e, cs)
				}
				rows := [][]string{}
				js := []clusterJSON{}
				for _, c := range cs {
					cj := clusterJSON{ID: c.ID, Speaker: c.SpeakerName, SpeakerID: c.SpeakerKey, Canonical: c.Canonical, Size: c.Size,
						Articles: c.Articles, Outlets: c.Outlets, Variants: c.Variants, Misquotes: c.Misquotes, First: quoteOf(c.First), Occurrences: []quoteJSON{}}
					for _, o := range c.Occurrences {
						cj.Occurrences = append(cj.Occurrences, quoteOf(o))
						rows = append(rows, []string{strconv.FormatInt(c.ID, 10), c.SpeakerName, c.Canonical, o.Published, o.Outlet, o.DocID,
							o.Text, o.Variant, strconv.FormatBool(o.Misquote), o.Diff})
					}
					js = append(js, cj)
				}
				return writeRows(e.stdout, format, []string{"cluster", "speaker", "canonical", "published", "outlet", "article", "quote", "variant", "misquote", "diff"}, rows, js)
			})
		},
	}
	dbFlag(cmd, &dsn)
	formatFlag(cmd, &format)
	fl := cmd.Flags()
	fl.IntVar(&f.MinArticles, "min-articles", 2, "clusters carried by at least this many articles")
	fl.StringVar(&f.Speaker, "speaker", "", "speaker id or name contains this")
	fl.StringVar(&f.Text, "text", "", "the canonical wording contains this")
	fl.Int64Var(&f.ID, "id", 0, "only this cluster")
	fl.IntVarP(&f.Limit, "limit", "n", 0, "at most this many (0: all)")
	return cmd
}

// clustersText prints clusters for people: a header line per cluster and
// an indented line per occurrence.
func clustersText(e *env, cs []store.Cluster) error {
	w := e.stdout
	for i, c := range cs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		speaker := c.SpeakerName
		if speaker == "" {
			speaker = speakerLabel("", commonSource(c.Occurrences))
		}
		fmt.Fprintf(w, "#%d  %s: %q\n", c.ID, speaker, c.Canonical)
		fmt.Fprintf(w, "    %s in %s from %s, %s", render.Count(c.Size, "occurrence"), render.Count(c.Articles, "article"), render.Count(c.Outlets, "outlet"), render.Count(c.Variants, "wording"))
		if c.Misquotes > 0 {
			fmt.Fprintf(w, ", %s", render.Count(c.Misquotes, "possible misquote"))
		}
		first := c.First.Published
		if first == "" {
			first = "date unknown"
		}
		fmt.Fprintf(w, "; first: %s, %s\n", c.First.Outlet, first)
		for _, o := range c.Occurrences {
			date := o.Published
			if date == "" {
				date = "----------"
			}
			line := fmt.Sprintf("    %s  %-28s %-10s", date, clip(o.Outlet, 28), o.Variant)
			if o.Misquote {
				line += "  POSSIBLE MISQUOTE"
			}
			fmt.Fprintln(w, line)
			fmt.Fprintf(w, "        %q\n", o.Text)
			if o.Variant != "same" {
				fmt.Fprintf(w, "        %s\n", o.Diff)
			}
		}
	}
	if len(cs) == 0 {
		fmt.Fprintln(w, "no quote clusters")
	}
	return nil
}

// commonSource returns the words the occurrences most often use for
// their speaker, for a cluster whose speaker is unresolved.
func commonSource(occ []store.QuoteRow) string {
	n := map[string]int{}
	best := ""
	for _, o := range occ {
		if o.Source == "" {
			continue
		}
		n[o.Source]++
		if n[o.Source] > n[best] || (n[o.Source] == n[best] && o.Source < best) {
			best = o.Source
		}
	}
	return best
}
