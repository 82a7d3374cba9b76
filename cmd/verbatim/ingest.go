package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/fetch"
	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/store"
)

type ingestFlags struct {
	db           string
	workers      int
	maxSize      int64
	published    string
	timeout      time.Duration
	perHost      time.Duration
	ignoreRobots bool
}

// feedExts are the file extensions read as RSS or Atom feeds.
var feedExts = []string{".rss", ".atom", ".xml"}

func newIngestCmd(e *env) *cobra.Command {
	var f ingestFlags
	cmd := &cobra.Command{
		Use:   "ingest [flags] PATH|URL...",
		Short: "Analyse articles into the corpus store and track every quote across them",
		Long: `Ingest analyses articles and stores them, with their statements and quotes,
in the corpus store (--db: a SQLite file, ./verbatim.db by default, or a
postgres:// URL). It then groups the quotes of every stored article into quote
clusters: each utterance once, with every outlet that carried it.

Inputs are what analyze reads (.txt, .html, .jsonl, gzipped or not,
directories of these, and - for standard input), plus:
  http(s) URLs   fetched (timeout, --max-size, --per-host delay, robots.txt);
                 a URL that serves an RSS or Atom feed has its items fetched
  .rss .atom .xml  feed files, whose items are fetched
  .warc .warc.gz   web archives: every HTML or text page with status 200
Directories are walked for all of these.

An article is keyed by its URL, or by a hash of its text when it has none:
ingesting it again changes nothing ("already stored"). Each article is stored
in one transaction, so an interrupted ingest can be run again to completion.
Exit status is 0 when every input was ingested, 1 when some failed (each is
named on stderr), 2 for a usage error.`,
		Example: `  verbatim ingest ../shared/data/events/articles.jsonl
  verbatim ingest --db postgres://user:pass@localhost/verbatim feeds.rss crawl.warc.gz
  verbatim ingest https://news.example/politics/rss.xml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), e, f, args)
		},
	}
	fl := cmd.Flags()
	dbFlag(cmd, &f.db)
	fl.IntVarP(&f.workers, "workers", "j", runtime.GOMAXPROCS(0), "articles fetched and analysed in parallel")
	fl.Int64Var(&f.maxSize, "max-size", ingest.DefaultMaxBytes, "largest article or page accepted, in bytes")
	fl.StringVar(&f.published, "published", "", "publication date YYYY-MM-DD for inputs that carry none")
	fl.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit of one HTTP request")
	fl.DurationVar(&f.perHost, "per-host-delay", time.Second, "least time between two requests to one web site")
	fl.BoolVar(&f.ignoreRobots, "ignore-robots", false, "fetch pages that the site's robots.txt disallows")
	return cmd
}

// task is one article to ingest: already read (doc), to fetch (url), or
// an input that failed (err).
type task struct {
	seq       int // its place among the inputs, from 0
	name      string
	doc       *doc.Document
	warn      []string
	err       error
	url       string
	title     string    // from a feed item
	published time.Time // from a feed item
}

// outcome is what became of a task.
type outcome struct {
	name    string
	state   int
	err     error
	warn    []string
	quotes  int
	created bool
}

// The outcome states.
const (
	stored = iota
	already
	failed
)

func runIngest(ctx context.Context, e *env, f ingestFlags, args []string) error {
	if f.workers < 1 {
		return usagef("--workers must be at least 1")
	}
	if f.maxSize <= 0 {
		return usagef("--max-size must be a positive number of bytes")
	}
	opt := ingest.Options{MaxBytes: f.maxSize}
	if f.published != "" {
		t, err := ingest.ParseDate(f.published)
		if err != nil {
			return usagef("--published: %v", err)
		}
		opt.Published = t
	}
	if len(args) == 0 {
		if isTerminal(e.stdin) {
			return usagef("no input: give files, directories, URLs, or - for standard input")
		}
		args = []string{"-"}
	}
	s, err := openStore(ctx, f.db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	fetcher := fetch.New(fetch.Options{Timeout: f.timeout, MaxBytes: f.maxSize, PerHost: f.perHost, IgnoreRobots: f.ignoreRobots})

	start := time.Now()
	bar := newIngestProgress(e)
	if bar.bar != nil {
		if n, ok := countInputs(args); ok {
			bar.setTotal(n)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tasks := make(chan task, 2*f.workers)
	// Articles are analysed in parallel but stored in input order, so
	// that the same inputs make the same store (its ids, and so the
	// clusters' numbers); inflight bounds the analysed articles waiting
	// for an earlier one.
	inflight := make(chan struct{}, 4*f.workers)
	total := make(chan int, 1)
	go func() {
		defer close(tasks)
		n := 0
		produce(ctx, args, e, opt, fetcher, func(t task) bool {
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			t.seq = n
			select {
			case tasks <- t:
				n++
				return true
			case <-ctx.Done():
				return false
			}
		})
		total <- n
	}()
	results := make(chan prepared)
	var wg sync.WaitGroup
	for range f.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				results <- prepareOne(ctx, s, p, fetcher, t, opt)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var counts [3]int
	done := 0
	pending := map[int]prepared{}
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[done]
			if !ok {
				break
			}
			delete(pending, done)
			o := storeOne(ctx, s, r)
			<-inflight
			done++
			counts[o.state]++
			if o.err != nil {
				bar.clear()
				fmt.Fprintf(e.stderr, "verbatim: %s: %v\n", o.name, o.err)
			}
			for _, w := range o.warn {
				bar.clear()
				fmt.Fprintf(e.stderr, "verbatim: %s: warning: %s\n", o.name, w)
			}
			select {
			case n := <-total:
				bar.setTotal(n)
			default:
			}
			bar.add()
		}
	}
	bar.done()
	if err := ctx.Err(); err != nil {
		return err
	}
	elapsed := time.Since(start)
	if _, err := s.Recluster(ctx, false); err != nil {
		return fmt.Errorf("updating the quote clusters: %w", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	rate := float64(counts[stored]+counts[already]) / max(elapsed.Seconds(), 1e-3)
	fmt.Fprintf(e.stderr, "verbatim: %s in %.1fs (%.1f articles/s): %d stored, %d already stored, %d failed; the store holds %s\n",
		render.Count(done, "input"), elapsed.Seconds(), rate, counts[stored], counts[already], counts[failed], storeSummary(st))
	if counts[failed] > 0 {
		return partialError{failed: counts[failed], total: done}
	}
	return nil
}

// prepared is an analysed article waiting to be stored, or what became of
// its task when there is none to store.
type prepared struct {
	seq     int
	outcome outcome
	article *store.Article
}

// prepareOne fetches (when needed) and analyses one article, for storeOne.
func prepareOne(ctx context.Context, s store.Store, p *pipeline.Pipeline, fetcher *fetch.Fetcher, t task, opt ingest.Options) prepared {
	r := prepared{seq: t.seq}
	r.outcome, r.article = prepareArticle(ctx, s, p, fetcher, t, opt)
	return r
}

// prepareArticle returns the article of t ready to store, or nil and the
// outcome when there is none (failed, or stored before).
func prepareArticle(ctx context.Context, s store.Store, p *pipeline.Pipeline, fetcher *fetch.Fetcher, t task, opt ingest.Options) (outcome, *store.Article) {
	o := outcome{name: t.name, state: failed, err: t.err, warn: t.warn}
	if t.err != nil {
		return o, nil
	}
	d := t.doc
	if d == nil {
		if has, err := s.HasArticle(ctx, store.Key(t.url, "")); err != nil || has {
			o.state, o.err = already, err
			if err != nil {
				o.state = failed
			}
			return o, nil
		}
		page, err := fetcher.Get(ctx, t.url)
		if err != nil {
			o.err = err
			return o, nil
		}
		d, o.warn, o.err = page.Document()
		if o.err != nil {
			return o, nil
		}
		d.URL = t.url // the key, whatever the redirects
		if d.Title == "" {
			d.Title = t.title
		}
		if d.Published.IsZero() {
			d.Published = t.published
		}
		if d.Published.IsZero() {
			d.Published = opt.Published
		}
	}
	if has, err := s.HasArticle(ctx, store.Key(d.URL, d.Text)); err != nil || has {
		o.state, o.err = already, err
		if err != nil {
			o.state = failed
		}
		return o, nil
	}
	if err := p.Process(ctx, d); err != nil {
		o.err = err
		return o, nil
	}
	a, err := store.NewArticle(d)
	if err != nil {
		o.err = err
		return o, nil
	}
	return o, a
}

// storeOne stores a prepared article, and says what became of it.
func storeOne(ctx context.Context, s store.Store, r prepared) outcome {
	o := r.outcome
	if r.article == nil {
		return o
	}
	created, err := s.PutArticle(ctx, r.article)
	if err != nil {
		o.err = fmt.Errorf("storing: %w", err)
		return o
	}
	o.state = already
	if created {
		o.state = stored
	}
	return o
}

// produce turns the inputs into tasks, in order, calling emit with each;
// it stops when emit returns false.
func produce(ctx context.Context, args []string, e *env, opt ingest.Options, fetcher *fetch.Fetcher, emit func(task) bool) {
	fromWalk := func(it ingest.Item) error {
		if !emit(task{name: it.Name, doc: it.Doc, warn: it.Warnings, err: it.Err}) {
			return context.Canceled
		}
		return nil
	}
	for _, arg := range args {
		if ctx.Err() != nil {
			return
		}
		switch {
		case arg == "-":
			if ingest.Walk([]string{"-"}, e.stdin, opt, fromWalk) != nil {
				return
			}
		case fetch.IsURL(arg):
			if !produceURL(ctx, arg, fetcher, emit) {
				return
			}
		default:
			st, err := os.Stat(arg)
			if err != nil || !st.IsDir() {
				if !produceFile(arg, opt, fromWalk, emit) {
					return
				}
				continue
			}
			files, err := inputFiles(arg)
			if err != nil {
				if !emit(task{name: arg, err: err}) {
					return
				}
				continue
			}
			for _, file := range files {
				if !produceFile(file, opt, fromWalk, emit) {
					return
				}
			}
		}
	}
}

// produceFile makes the tasks of one file: a WARC archive, a feed, or
// what ingest reads.
func produceFile(path string, opt ingest.Options, fromWalk func(ingest.Item) error, emit func(task) bool) bool {
	switch {
	case fetch.IsWARC(path):
		return fetch.ReadWARC(path, opt.MaxBytes, func(it fetch.WARCItem) error {
			if it.Doc != nil && it.Doc.Published.IsZero() {
				it.Doc.Published = opt.Published
			}
			if !emit(task{name: it.Name, doc: it.Doc, warn: it.Warnings, err: it.Err}) {
				return context.Canceled
			}
			return nil
		}) == nil
	case slices.Contains(feedExts, strings.ToLower(filepath.Ext(path))):
		b, err := os.ReadFile(path)
		if err != nil {
			return emit(task{name: path, err: err})
		}
		return produceFeed(path, b, emit)
	}
	return ingest.Walk([]string{path}, nil, opt, fromWalk) == nil
}

// produceURL fetches a URL given on the command line: a feed gives a
// task per item, a page is one task.
func produceURL(ctx context.Context, u string, fetcher *fetch.Fetcher, emit func(task) bool) bool {
	page, err := fetcher.Get(ctx, u)
	if err != nil {
		return emit(task{name: u, err: err})
	}
	if page.IsFeed() {
		return produceFeed(u, page.Body, emit)
	}
	d, warn, err := page.Document()
	if err == nil {
		d.URL = u
	}
	return emit(task{name: u, doc: d, warn: warn, err: err})
}

// produceFeed makes a task for each item of a feed.
func produceFeed(name string, b []byte, emit func(task) bool) bool {
	items, err := fetch.ParseFeed(b)
	if err == nil && len(items) == 0 {
		err = errors.New("the feed has no items that link to an article")
	}
	if err != nil {
		return emit(task{name: name, err: err})
	}
	for _, it := range items {
		if !emit(task{name: it.URL, url: it.URL, title: it.Title, published: it.Published}) {
			return false
		}
	}
	return true
}

// inputFiles lists the files under dir that ingest reads, in lexical
// order, skipping hidden ones.
func inputFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		if !d.IsDir() && (ingest.HasExt(path) || slices.Contains(feedExts, ext) || fetch.IsWARC(path)) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("no articles, feeds or WARC files in this directory")
	}
	slices.Sort(files)
	return files, nil
}

// countInputs counts the articles in local inputs for the progress bar:
// a line of a JSON Lines file, or a file, each count one. It reports
// false when the count cannot be known beforehand (standard input, URLs,
// feeds, WARC files).
func countInputs(args []string) (int, bool) {
	n := 0
	for _, arg := range args {
		if arg == "-" || fetch.IsURL(arg) {
			return 0, false
		}
		files := []string{arg}
		if st, err := os.Stat(arg); err == nil && st.IsDir() {
			var err error
			if files, err = inputFiles(arg); err != nil {
				n++
				continue
			}
		}
		for _, f := range files {
			ext := strings.ToLower(filepath.Ext(f))
			in, gzipped := ingest.InputExt(f)
			switch {
			case fetch.IsWARC(f) || slices.Contains(feedExts, ext) || gzipped && in == ".jsonl":
				return 0, false
			case ext == ".jsonl":
				b, err := os.ReadFile(f)
				if err != nil {
					n++
					continue
				}
				for line := range bytes.Lines(b) {
					if len(bytes.TrimSpace(line)) > 0 {
						n++
					}
				}
			default:
				n++
			}
		}
	}
	return n, true
}

// ingestProgress shows a progress bar on standard error when it is a
// terminal: the count, the rate, and the time left once the number of
// inputs is known. It is used from one goroutine.
type ingestProgress struct {
	bar *progressbar.ProgressBar
}

func newIngestProgress(e *env) *ingestProgress {
	if !isTerminal(e.stderr) {
		return &ingestProgress{}
	}
	return &ingestProgress{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetSpinnerChangeInterval(0),
		progressbar.OptionThrottle(100*time.Millisecond),
	)}
}

func (p *ingestProgress) add() {
	if p.bar != nil {
		p.bar.Add(1)
	}
}

func (p *ingestProgress) setTotal(n int) {
	if p.bar != nil {
		p.bar.ChangeMax(n)
	}
}

func (p *ingestProgress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *ingestProgress) done() {
	if p.bar != nil {
		p.bar.Clear()
	}
}
