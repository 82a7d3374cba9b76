package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/lexicon"
	qgold "github.com/verbatim-news/verbatim/internal/quantity/gold"
	tgold "github.com/verbatim-news/verbatim/internal/timex/gold"
)

// newEvalFactsCmds returns the eval subcommands that score the figures
// and dates: recognizers, quantulum and timeml.
func newEvalFactsCmds(e *env) []*cobra.Command {
	var asJSON, verbose bool
	flags := func(c *cobra.Command) *cobra.Command {
		c.Flags().BoolVar(&asJSON, "json", false, "print the figures as one JSON object")
		c.Flags().BoolVarP(&verbose, "verbose", "v", false, "also list every case scored wrong")
		return c
	}
	// analyzer checks that dir holds want and returns the quantity
	// analysis.
	analyzer := func(dir, want string) (qgold.Analyze, error) {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			return nil, usagef("%s: not the expected corpus (no %s)", dir, want)
		}
		return qgold.DefaultAnalyze(lexicon.MustDefault())
	}
	rec := &cobra.Command{
		Use:   "recognizers DIR",
		Short: "Score numbers, money, measures and dates on the Recognizers-Text English specs",
		Long: `Recognizers scores the numbers, percentages, dimensions, currencies,
temperatures and ages Verbatim finds, and its dates and times, against the
Microsoft Recognizers-Text English specs in DIR (recognizers-text-specs-en).

For each number-with-unit model it prints the share of cases parsed right
(every expected result found with its value and unit, over an overlapping
span, and no other result of the model's kind), then result-level
precision, recall and F1. Unit mentions without a number are not scored.
For dates and times it prints detection precision, recall and F1 (a
predicted date overlapping the expected one) and the share of detected
expressions with the right value.`,
		Example: `  verbatim eval recognizers ../shared/data/recognizers-text-specs-en`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			qa, err := analyzer(dir, "Number")
			if err != nil {
				return err
			}
			var reports []*qgold.Report
			for _, m := range qgold.Recognizers {
				r, err := qgold.ScoreRecognizers(dir, m, qa)
				if err != nil {
					return err
				}
				reports = append(reports, r)
			}
			ta, err := tgold.DefaultAnalyze(lexicon.MustDefault())
			if err != nil {
				return err
			}
			dt, err := tgold.ScoreDateTime(filepath.Join(dir, tgold.DateTimeFile), ta)
			if err != nil {
				return err
			}
			if asJSON {
				out := map[string]any{}
				for _, r := range reports {
					out[r.Name] = quantityFigures(r)
				}
				out["datetime"] = map[string]float64{
					"detection_p": dt.Detection.P(), "detection_r": dt.Detection.R(), "detection_f1": dt.Detection.F1(),
					"value_accuracy": dt.ValueAccuracy(),
				}
				return writeJSON(e, out)
			}
			qgold.WriteReports(e.stdout, reports)
			fmt.Fprintln(e.stdout, dt.String())
			if verbose {
				for _, r := range reports {
					printFailures(e, r.Name, r.Failures)
				}
				printFailures(e, "date/time", dt.Failures)
			}
			return nil
		},
	}
	qua := &cobra.Command{
		Use:   "quantulum DIR",
		Short: "Score quantities on quantulum3's English test cases",
		Long: `Quantulum scores the quantities Verbatim finds against quantulum3's English
test cases in DIR (quantulum3-tests-en): the share of cases parsed right
(every expected quantity found with its value and unit, and no other), then
result-level precision, recall and F1. A range matches by its midpoint; a
bare year ("1979") is not scored, as Verbatim reads years as dates; "a
dozen" counts as the number 12.`,
		Example: `  verbatim eval quantulum ../shared/data/quantulum3-tests-en`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			qa, err := analyzer(dir, "quantities.json")
			if err != nil {
				return err
			}
			reports, err := qgold.ScoreQuantulum(dir, qa)
			if err != nil {
				return err
			}
			if asJSON {
				out := map[string]any{}
				for _, r := range reports {
					out[r.Name] = quantityFigures(r)
				}
				return writeJSON(e, out)
			}
			qgold.WriteReports(e.stdout, reports)
			if verbose {
				for _, r := range reports {
					printFailures(e, r.Name, r.Failures)
				}
			}
			return nil
		},
	}
	tml := &cobra.Command{
		Use:   "timeml DIR...",
		Short: "Score dates and times on TimeML corpora (TempEval-3 Platinum, TBAQ)",
		Long: `Timeml scores the dates, times and durations Verbatim finds against the
TIMEX3 annotations of each TimeML directory (the TempEval-3 Platinum test
set, or TBAQ's TimeBank and AQUAINT), each document published at its
creation time, as TempEval-3 does: extraction precision, recall and F1 with
relaxed (overlapping) and strict (equal) spans, and for relaxed matches the
value F1, value accuracy and type accuracy.`,
		Example: `  verbatim eval timeml ../shared/data/timeml-tempeval3/te3-platinum`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ta, err := tgold.DefaultAnalyze(lexicon.MustDefault())
			if err != nil {
				return err
			}
			out := map[string]any{}
			for _, dir := range args {
				docs, err := tgold.ReadTimeMLDir(dir)
				if err != nil {
					return usagef("%v", err)
				}
				r := tgold.ScoreTimeML(filepath.Base(dir), docs, ta)
				if asJSON {
					out[r.Name] = map[string]float64{
						"relaxed_p": r.Relaxed.P(), "relaxed_r": r.Relaxed.R(), "relaxed_f1": r.Relaxed.F1(),
						"strict_f1": r.Strict.F1(), "value_f1": r.Value.F1(), "value_accuracy": r.ValueAccuracy(),
						"type_accuracy": r.TypeAccuracy(),
					}
					continue
				}
				fmt.Fprintln(e.stdout, r.String())
				if verbose {
					printFailures(e, r.Name, r.Failures)
				}
			}
			if asJSON {
				return writeJSON(e, out)
			}
			return nil
		},
	}
	return []*cobra.Command{flags(rec), flags(qua), flags(tml)}
}

func quantityFigures(r *qgold.Report) map[string]float64 {
	return map[string]float64{
		"cases": float64(r.Cases), "accuracy": r.Accuracy(), "p": r.P(), "r": r.R(), "f1": r.F1(),
	}
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printFailures(e *env, name string, fs []string) {
	for _, f := range fs {
		fmt.Fprintf(e.stdout, "%s: %s\n", name, f)
	}
}
