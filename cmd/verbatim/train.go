package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/train"
)

func newTrainCmd(e *env) *cobra.Command {
	var o train.Options
	var seeds []uint
	cmd := &cobra.Command{
		Use:   "train [MODEL]...",
		Short: "Rebuild the embedded models from the shared corpora",
		Long: `Train rebuilds Verbatim's models from the training data in the shared corpora
and writes them into the source tree, deterministically (the same data gives
the same files). Rebuild the binary afterwards to embed them.

Models (default: all, in this order):
  lexicons word lists derived from the shared lexicons and CoreNLP lemmas
           (internal/lexicon/data/{lemmas,cue_verbs,cue_nouns}.txt)
  pos      part-of-speech tagger (internal/tag/model/pos.vblm), from the
           CoreNLP tags of polnear/train
  ner      named-entity tagger (internal/entity/model/ner.vblm), from the
           CoreNLP NER labels of polnear/train, epoch chosen on polnear/dev
  pronoun  pronoun ranker (internal/entity/model/pronoun.vblm), from
           gap-coreference/gap-development.tsv and gap-validation.tsv in
           snippet and page context, after a development-only model is
           checked on validation (needs the ner model: train it first)
  attrib   attribution models: cue tagger and content/source rankers
           (internal/attrib/model/*.vblm), each the mean of 5 perceptrons
           trained in different orders, from the gold attributions of
           polnear/train; drawn with seed 7 (--seeds draws others,
           logs their polnear/dev figures and keeps the best)`,
		Example: `  verbatim train --data ../shared/data
  verbatim train pos`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, s := range seeds {
				o.Seeds = append(o.Seeds, uint64(s))
			}
			if o.Data == "" {
				o.Data = shareddata.Root()
			}
			if o.Data == "" {
				return usagef("no shared data found: pass --data DIR (the folder holding polnear/)")
			}
			if _, err := os.Stat(filepath.Join(o.Repo, "go.mod")); err != nil {
				return usagef("--repo %s: not the repository root (no go.mod)", o.Repo)
			}
			o.Log = e.stderr
			steps := map[string]func(train.Options) error{
				"lexicons": train.Lexicons,
				"pos":      train.POS,
				"ner":      train.NER,
				"pronoun":  train.Pronouns,
				"attrib":   train.Attrib,
			}
			order := []string{"lexicons", "pos", "ner", "pronoun", "attrib"}
			if len(args) == 0 {
				args = order
			}
			for _, a := range args {
				if steps[a] == nil {
					return usagef("unknown model %q (want one of %s)", a, strings.Join(order, ", "))
				}
			}
			for _, name := range order {
				for _, a := range args {
					if a == name {
						if err := steps[name](o); err != nil {
							return fmt.Errorf("train %s: %w", name, err)
						}
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Data, "data", "", "shared data root holding polnear/ (default ../shared/data beside the repository)")
	cmd.Flags().StringVar(&o.Repo, "repo", ".", "repository root the models are written into")
	cmd.Flags().IntVar(&o.Holdout, "holdout", 0, "leave training fold 1-5 out of attribution training (for feature development)")
	cmd.Flags().UintSliceVar(&seeds, "seeds", nil, "draw the attribution models with these seeds instead of the committed ones (to measure the spread)")
	return cmd
}
