package pipeline

import (
	"context"
	"sync"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Job is one document to process, with an error already met while
// reading it (then it is passed through without processing).
type Job struct {
	Name string // where the document came from, for messages
	Path string // the file it came from, when it came from one
	Doc  *doc.Document
	Err  error
}

// Run processes the jobs that next yields with up to workers goroutines
// and calls emit for each, in the order next yielded them. next returns
// false when there are no more jobs. Run stops at the first error emit
// returns, or when ctx is cancelled. Memory stays bounded: at most
// 2*workers documents are in flight.
func (p *Pipeline) Run(ctx context.Context, workers int, next func() (Job, bool), emit func(Job) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct {
		job  Job
		done chan struct{}
	}
	queue := make(chan *slot, 2*workers) // in input order, to emit
	work := make(chan *slot)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				if s.job.Err == nil && s.job.Doc != nil {
					s.job.Err = p.Process(ctx, s.job.Doc)
				}
				close(s.done)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(work)
		for {
			j, ok := next()
			if !ok {
				return
			}
			s := &slot{job: j, done: make(chan struct{})}
			select {
			case queue <- s:
			case <-ctx.Done():
				return
			}
			select {
			case work <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for s := range queue {
		select {
		case <-s.done:
		case <-ctx.Done():
		}
		if err != nil || ctx.Err() != nil {
			continue // drain
		}
		err = emit(s.job)
		if err != nil {
			cancel()
		}
	}
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return err
}
