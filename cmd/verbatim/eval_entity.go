package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/pipeline"
)

// newEvalEntityCmds returns the scorers of the entity stage: GAP pronoun
// resolution and GUM mentions and coreference.
func newEvalEntityCmds(e *env) []*cobra.Command {
	margin := float32(entity.DefaultMargin)
	var pageContext bool
	gap := &cobra.Command{
		Use:   "gap FILE",
		Short: "Score pronoun resolution on a GAP file (gap-test.tsv)",
		Long: `Gap resolves the pronoun of every row of a GAP file (Webster et al. 2018),
giving the resolver the row's two names as person names, and prints the
paper's figures: precision, recall and F1 of the pronoun-name decisions
(two per row), overall and by the pronoun's gender, and the bias ratio
F1(feminine)/F1(masculine). Snippet-context setting by default: the URL
is not used. With --page-context, the page's title (from the URL) comes
first as a paragraph of its own, as a headline does.`,
		Example: `  verbatim eval gap ../shared/data/gap-coreference/gap-test.tsv`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			exs, err := eval.ReadGAP(args[0])
			if err != nil {
				return usagef("%v", err)
			}
			if pageContext {
				exs = eval.PageContext(exs)
			}
			lex, err := lexicon.Default()
			if err != nil {
				return err
			}
			r, err := entity.New(lex)
			if err != nil {
				return err
			}
			rep, err := eval.GAPResolver(r.WithMargin(margin), exs)
			if err != nil {
				return err
			}
			rep.Write(e.stdout)
			return nil
		},
	}
	gap.Flags().Float32Var(&margin, "margin", margin, "least score lead of a pronoun's best antecedent over the next for it to be resolved (0 always decides)")
	gap.Flags().BoolVar(&pageContext, "page-context", false, "put the page title (from the URL column) before each text, as a headline")
	var prefix string
	gum := &cobra.Command{
		Use:   "gum DIR",
		Short: "Score mentions and person coreference on GUM (DIR holds conllu/)",
		Long: `Gum analyses every GUM document of DIR/conllu whose name starts with
--prefix (the news documents by default) and scores, for persons,
organisations and places, mention detection and typing (a predicted
mention matches a gold one when its head token is the last token of the
gold minimal span and the types agree; a group of people counts as a
person), for name mentions and for all mentions; then person coreference
as MUC and B-cubed F1, mentions identified by their head token.`,
		Example: `  verbatim eval gum ../shared/data/gum-news-interview`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if st, err := os.Stat(filepath.Join(dir, "conllu")); err == nil && st.IsDir() {
				dir = filepath.Join(dir, "conllu")
			}
			docs, err := eval.LoadGUM(dir, prefix)
			if err != nil {
				return usagef("%v", err)
			}
			p, err := pipeline.Default()
			if err != nil {
				return err
			}
			rep, err := eval.GUM(docs, func(text string) (*doc.Document, error) {
				d := &doc.Document{Text: text}
				return d, p.Process(cmd.Context(), d)
			})
			if err != nil {
				return err
			}
			rep.Write(e.stdout)
			return nil
		},
	}
	gum.Flags().StringVar(&prefix, "prefix", "GUM_news_", "score the documents whose file names start with this")
	return []*cobra.Command{gap, gum}
}
