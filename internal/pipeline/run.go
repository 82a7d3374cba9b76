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

// A worker of Run takes the documents waiting, up to batchDocs of them
// and batchBytes of text (but at least one), and runs them through the
// stages together (ProcessBatch), so that each stage's tables stay warm
// in the caches from one document to the next. On the PolNeAR dev
// articles (5 KB each on average), one goroutine takes some 185 ms of CPU
// a pass one document at a time, 170 in batches of 16, 148 of 32, 146 of
// 64 and 143 of 128 (all 84 at once). The larger the batch, the fewer
// times a stage brings its tables back into the caches, and the less its
// tables and those of the other stages evict one another: over 300
// PolNeAR train articles, a simulated processor (cachegrind, 48 KB first
// level, 8 MB last) misses the last level 2.22 million times a pass in
// batches of 32, 1.94 of 64, 1.87 of 128 and 1.85 of 256.
const (
	batchDocs  = 128
	batchBytes = 1 << 20
)

// Run processes the jobs that next yields with up to workers goroutines
// and calls emit for each, in the order next yielded them. next returns
// false when there are no more jobs. Run stops at the first error emit
// returns, or when ctx is cancelled. Memory stays bounded: at most
// 2*workers documents are in flight, or more while their texts come to at
// most 2*workers*batchBytes bytes in all, up to 2*workers*batchDocs.
func (p *Pipeline) Run(ctx context.Context, workers int, next func() (Job, bool), emit func(Job) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct {
		job  Job
		size int // textLen(job)
		done chan struct{}
	}
	most := 2 * workers * batchDocs
	queue := make(chan *slot, most) // in input order, to emit
	work := make(chan *slot, most)
	room := newFlight(2*workers, 2*workers*batchBytes)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var batch []*slot
			var docs []*doc.Document
			var errs []error
			for s := range work {
				batch = append(batch[:0], s)
				size := s.size
				// No more than a fair share of the documents waiting,
				// so that the workers finish together.
				share := min(batchDocs, 1+len(work)/workers)
			more:
				for len(batch) < share && size < batchBytes {
					select {
					case s, ok := <-work:
						if !ok {
							break more
						}
						batch, size = append(batch, s), size+s.size
					default:
						break more
					}
				}
				docs, errs = docs[:0], errs[:0]
				for _, s := range batch {
					if s.job.Err == nil && s.job.Doc != nil {
						docs, errs = append(docs, s.job.Doc), append(errs, nil)
					}
				}
				p.ProcessBatch(ctx, docs, errs)
				k := 0
				for _, s := range batch {
					if s.job.Err == nil && s.job.Doc != nil {
						s.job.Err = errs[k]
						k++
					}
					close(s.done)
				}
				clear(batch) // so that the worker pins no document
				clear(docs)
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
			s := &slot{job: j, size: textLen(j), done: make(chan struct{})}
			room.enter(ctx, s.size)
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
		room.leave(s.size)
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

// textLen returns the length of j's text, 0 when it has no document.
func textLen(j Job) int {
	if j.Doc == nil {
		return 0
	}
	return len(j.Doc.Text)
}

// flight counts the documents in flight in a Run and their bytes of
// text: one more may enter while there are fewer than docs, or while
// the bytes stay within bytes.
type flight struct {
	mu          sync.Mutex
	left        *sync.Cond
	docs, bytes int // the limits
	n, size     int // in flight
}

func newFlight(docs, bytes int) *flight {
	f := &flight{docs: docs, bytes: bytes}
	f.left = sync.NewCond(&f.mu)
	return f
}

// enter waits until a document of size bytes may enter, then counts it;
// it returns at once when ctx is done.
func (f *flight) enter(ctx context.Context, size int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.n >= f.docs && f.size+size > f.bytes && ctx.Err() == nil {
		f.left.Wait()
	}
	f.n++
	f.size += size
}

// leave counts out a document of size bytes that entered.
func (f *flight) leave(size int) {
	f.mu.Lock()
	f.n--
	f.size -= size
	f.mu.Unlock()
	f.left.Broadcast()
}
