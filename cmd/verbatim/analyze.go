package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
)

type analyzeFlags struct {
	format    string
	out       string
	published string
	workers   int
	maxSize   int64
	color     string
}

func newAnalyzeCmd(e *env) *cobra.Command {
	var f analyzeFlags
	cmd := &cobra.Command{
		Use:   "analyze [flags] [FILE|DIR|-]...",
		Short: "Find every statement in news articles: who said what, and how",
		Long: `Analyze reads news articles and prints every statement in them: the exact
words, the cue ("said", "according to"), the source span and the speaker it
refers to, with the numbers, dates and inconsistencies the article asserts.

Inputs are .txt files (the whole file is the text), .html/.htm pages (the
main article text is extracted), .jsonl files (one article per line:
{"id","text"|"html","url","title","published","outlet"}), any of these
gzipped (.html.gz, .jsonl.gz), directories of these, and - for standard
input (the default when it is not a terminal).

Formats:
  text   statements grouped by speaker (the default on a terminal)
  json   one indented JSON object per article (the default otherwise)
  jsonl  one JSON object per line, carrying the input's id
  brat   brat standoff in the PolNeAR scheme; with --out DIR, NAME.ann (and
         NAME.txt where the input was not plain text) for each input NAME

Offsets in JSON and brat are Unicode code points into the article text,
end-exclusive. The text of a .txt file is the file as it is on disk; bytes
that are not UTF-8 are read as Windows-1252, one character each, with a
warning. Empty, binary and oversize inputs (--max-size) are refused.

Exit status is 0 when every input was analysed, 1 when some failed (each
failure is reported on stderr), 2 for a usage error.`,
		Example: `  verbatim analyze examples/
  verbatim analyze --format json --published 2025-08-15 article.txt
  cat feed.jsonl | verbatim analyze --format jsonl -
  verbatim analyze --format brat --out ann/ texts/`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAnalyze(cmd, e, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "", "output format: text, json, jsonl or brat (default text on a terminal, else json)")
	fl.StringVarP(&f.out, "out", "o", "", "write one file per input into this directory instead of stdout")
	fl.StringVar(&f.published, "published", "", "publication date YYYY-MM-DD for inputs that carry none")
	fl.IntVarP(&f.workers, "workers", "j", runtime.GOMAXPROCS(0), "articles analysed in parallel")
	fl.Int64Var(&f.maxSize, "max-size", ingest.DefaultMaxBytes, "largest article accepted, in bytes")
	fl.StringVar(&f.color, "color", "auto", "colour the text format: auto, always or never")
	return cmd
}

func runAnalyze(cmd *cobra.Command, e *env, f analyzeFlags, args []string) error {
	if f.format == "" {
		f.format = "json"
		if isTerminal(e.stdout) && f.out == "" {
			f.format = "text"
		}
	}
	switch f.format {
	case "text", "json", "jsonl", "brat":
	default:
		return usagef("unknown --format %q (want text, json, jsonl or brat)", f.format)
	}
	if f.maxSize <= 0 {
		return usagef("--max-size must be a positive number of bytes")
	}
	if f.workers < 1 {
		return usagef("--workers must be at least 1")
	}
	var opt ingest.Options
	opt.MaxBytes = f.maxSize
	if f.published != "" {
		t, err := ingest.ParseDate(f.published)
		if err != nil {
			return usagef("--published: %v", err)
		}
		opt.Published = t
	}
	color := false
	switch f.color {
	case "auto":
		color = isTerminal(e.stdout)
	case "always":
		color = true
	case "never":
	default:
		return usagef("unknown --color %q (want auto, always or never)", f.color)
	}
	if len(args) == 0 {
		if isTerminal(e.stdin) {
			return usagef("no input: give files or directories, or - for standard input")
		}
		args = []string{"-"}
	}
	if f.out != "" {
		if err := os.MkdirAll(f.out, 0o755); err != nil {
			return err
		}
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}

	// Read inputs on one goroutine, analyse on workers, write in order.
	items := make(chan ingest.Item)
	walkErr := make(chan error, 1)
	var warnMu sync.Mutex
	warnings := map[*doc.Document][]string{}
	go func() {
		defer close(items)
		walkErr <- ingest.Walk(args, e.stdin, opt, func(it ingest.Item) error {
			if it.Doc != nil && len(it.Warnings) > 0 {
				warnMu.Lock()
				warnings[it.Doc] = it.Warnings
				warnMu.Unlock()
			}
			select {
			case items <- it:
				return nil
			case <-cmd.Context().Done():
				return cmd.Context().Err()
			}
		})
	}()
	next := func() (pipeline.Job, bool) {
		it, ok := <-items
		if !ok {
			return pipeline.Job{}, false
		}
		return pipeline.Job{Name: it.Name, Doc: it.Doc, Err: it.Err, Path: it.Path}, true
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	defer out.Flush()
	bar := newProgress(e)
	defer bar.done()
	total, failed := 0, 0
	usedNames := map[string]int{}
	emit := func(j pipeline.Job) error {
		total++
		bar.step(total)
		if j.Err != nil {
			failed++
			bar.clear()
			fmt.Fprintf(e.stderr, "verbatim: %s: %v\n", j.Name, j.Err)
			return nil
		}
		d := j.Doc
		warnMu.Lock()
		warn := warnings[d]
		delete(warnings, d)
		warnMu.Unlock()
		if len(warn) > 0 {
			bar.clear()
		}
		for _, w := range warn {
			fmt.Fprintf(e.stderr, "verbatim: %s: warning: %s\n", j.Name, w)
		}
		if f.out != "" {
			if err := writeOut(f, d, j, usedNames, color); err != nil {
				failed++
				bar.clear()
				fmt.Fprintf(e.stderr, "verbatim: %s: %v\n", j.Name, err)
			}
			return nil
		}
		bar.clearFor(e.stdout)
		var err error
		switch f.format {
		case "text":
			if total > 1 {
				out.WriteString("\n")
			}
			err = render.Text(out, d, render.TextOptions{Color: color})
		case "json":
			err = render.JSON(out, d, true)
		case "jsonl":
			err = render.JSON(out, d, false)
		case "brat":
			err = render.Brat(out, d)
		}
		if err == nil {
			err = out.Flush()
		}
		return err
	}
	if err := p.Run(cmd.Context(), f.workers, next, emit); err != nil {
		// Let the reader goroutine finish.
		for range items {
		}
		return err
	}
	if err := <-walkErr; err != nil {
		return err
	}
	if failed > 0 {
		return partialError{failed: failed, total: total}
	}
	return nil
}

// writeOut writes one article's output file(s) into f.out, named after
// its input: NAME.ann (and NAME.txt unless the input was that text file)
// for brat, NAME.json, NAME.jsonl or NAME.txt otherwise.
func writeOut(f analyzeFlags, d *doc.Document, j pipeline.Job, used map[string]int, color bool) error {
	name := d.ID
	if j.Path != "" && !strings.HasSuffix(strings.ToLower(j.Path), ".jsonl") {
		name = strings.TrimSuffix(filepath.Base(j.Path), filepath.Ext(j.Path))
	}
	name = safeName(name)
	if n := used[name]; n > 0 {
		used[name] = n + 1
		name = fmt.Sprintf("%s-%d", name, n+1)
	} else {
		used[name] = 1
	}
	write := func(file string, fn func(w *bufio.Writer) error) error {
		path := filepath.Join(f.out, file)
		fh, err := os.Create(path)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(fh)
		err = fn(w)
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		return err
	}
	switch f.format {
	case "brat":
		isTxt := strings.EqualFold(filepath.Ext(j.Path), ".txt")
		if !isTxt {
			// Never replace a text that is not this article's: --out may be
			// the folder the inputs came from.
			txt := filepath.Join(f.out, name+".txt")
			if old, err := os.ReadFile(txt); err == nil && string(old) != d.Text {
				return fmt.Errorf("%s already exists with another text; not overwriting it (choose another --out)", txt)
			}
			if err := write(name+".txt", func(w *bufio.Writer) error { _, err := w.WriteString(d.Text); return err }); err != nil {
				return err
			}
		}
		return write(name+".ann", func(w *bufio.Writer) error { return render.Brat(w, d) })
	case "json":
		return write(name+".json", func(w *bufio.Writer) error { return render.JSON(w, d, true) })
	case "jsonl":
		return write(name+".jsonl", func(w *bufio.Writer) error { return render.JSON(w, d, false) })
	default:
		return write(name+".out.txt", func(w *bufio.Writer) error { return render.Text(w, d, render.TextOptions{}) })
	}
}

// safeName makes an id usable as a file name.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|', 0:
			return '_'
		}
		return r
	}, s)
	if s == "" || s == "." || s == ".." {
		s = "article"
	}
	return s
}

// progress shows a progress line on standard error while analyze works
// through several inputs, when standard error is a terminal. It appears
// from the second input on, so a single article never shows one. All
// methods are called from the goroutine that writes the output.
type progress struct {
	stderr io.Writer
	on     bool
	bar    *progressbar.ProgressBar
}

func newProgress(e *env) *progress {
	return &progress{stderr: e.stderr, on: isTerminal(e.stderr)}
}

// step records that the n-th input is done.
func (p *progress) step(n int) {
	if !p.on || n < 2 {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(p.stderr),
			progressbar.OptionSetSpinnerChangeInterval(0), // render only here, never from another goroutine
			progressbar.OptionThrottle(100*time.Millisecond),
		)
	}
	p.bar.Describe(fmt.Sprintf("analysed %d inputs", n))
	p.bar.Add(1)
}

// clear erases the progress line before something else is written to the
// terminal; the next step draws it again.
func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

// clearFor erases the progress line before output goes to w, when w is
// the terminal too.
func (p *progress) clearFor(w io.Writer) {
	if p.bar != nil && isTerminal(w) {
		p.bar.Clear()
	}
}

func (p *progress) done() { p.clear() }
