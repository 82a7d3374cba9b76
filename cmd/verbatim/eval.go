package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/render"
)

func newEvalCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score Verbatim against gold corpora",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("eval needs a corpus: see 'verbatim eval --help'")
		},
	}
	var asJSON bool
	var out string
	var workers int
	pn := &cobra.Command{
		Use:   "polnear DIR",
		Short: "Score attributions on a PolNeAR split (DIR holds text/ and ann/)",
		Long: `Polnear analyses every article of DIR/text and scores the statements against
the gold attributions in DIR/ann.

For Source, Cue and Content separately it prints exact-match span precision,
recall and F1 (a predicted span counts only if its start and end equal a gold
span of the same role, white space trimmed; spans are scored unpaired;
discontinuous spans count as separate spans; Content2 counts as Content) and
span Jaccard (each gold span scores its best character overlap ratio with a
predicted span of its role, divided by gold spans plus predicted spans that
touch no gold span). Then attribution-level figures: contents matched
one-to-one with token Jaccard >= 0.5, and for matched pairs how often the
source and the cue are exactly right or overlap, over all attributions and
over direct quotations.`,
		Example: `  verbatim eval polnear ../shared/data/polnear/dev`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if _, err := os.Stat(filepath.Join(dir, "text")); err != nil {
				return usagef("%s: not a PolNeAR split (no text/ directory)", dir)
			}
			p, err := pipeline.Default()
			if err != nil {
				return err
			}
			var keep func(string, *doc.Document, []polnear.Attribution) error
			if out != "" {
				if err := os.MkdirAll(out, 0o755); err != nil {
					return err
				}
				keep = func(name string, d *doc.Document, _ []polnear.Attribution) error {
					return writeScored(filepath.Join(out, name+".ann"), d)
				}
			}
			r, err := eval.PolNeAR(cmd.Context(), dir, p, workers, keep)
			if err != nil {
				return err
			}
			if asJSON {
				return r.WriteJSON(e.stdout)
			}
			r.Write(e.stdout)
			return nil
		},
	}
	pn.Flags().BoolVar(&asJSON, "json", false, "print the figures as one JSON object")
	pn.Flags().StringVar(&out, "out", "", "also write the scored statements (the top-level ones) as brat files into this directory")
	pn.Flags().IntVarP(&workers, "workers", "j", runtime.GOMAXPROCS(0), "articles analysed in parallel")
	cmd.AddCommand(pn)
	cmd.AddCommand(newEvalEntityCmds(e)...)
	cmd.AddCommand(newEvalFactsCmds(e)...)
	return cmd
}

// writeScored writes d's top-level statements, the ones the PolNeAR
// scorer reads (eval.Attributions), as brat standoff to path.
func writeScored(path string, d *doc.Document) error {
	top := *d
	top.Statements = nil
	for _, st := range d.Statements {
		if st.Parent < 0 {
			top.Statements = append(top.Statements, st)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := render.Brat(f, &top); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
