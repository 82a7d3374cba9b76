package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/render"
)

// TestPipeline_ProcessBatch_SameAsProcess runs the default pipeline over
// the golden articles one at a time and as one batch, and compares the
// JSON of every document.
func TestPipeline_ProcessBatch_SameAsProcess(t *testing.T) {
	p, files := goldenSetup(t)
	var texts []string
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range ar.Files {
			if fl.Name == "input.txt" {
				texts = append(texts, string(fl.Data))
			}
		}
	}
	ctx := context.Background()
	docs := make([]*doc.Document, len(texts))
	for i, text := range texts {
		docs[i] = &doc.Document{Text: text}
	}
	errs := make([]error, len(docs))
	p.ProcessBatch(ctx, docs, errs)
	for i, text := range texts {
		if errs[i] != nil {
			t.Fatalf("%s: %v", files[i], errs[i])
		}
		one := &doc.Document{Text: text}
		if err := p.Process(ctx, one); err != nil {
			t.Fatal(err)
		}
		var want, got bytes.Buffer
		if err := render.JSON(&want, one, false); err != nil {
			t.Fatal(err)
		}
		if err := render.JSON(&got, docs[i], false); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the batch's output differs from Process's", files[i])
		}
	}
}

// markStages returns a pipeline of two stages that append their names to
// a document's ID, the first panicking on a text that holds "panic".
func markStages() *Pipeline {
	return New(
		Func{"one", func(_ context.Context, d *doc.Document) error {
			if strings.Contains(d.Text, "panic") {
				panic("a bad document")
			}
			d.ID += "one "
			return nil
		}},
		Func{"two", func(_ context.Context, d *doc.Document) error { d.ID += "two"; return nil }},
	)
}

func TestPipeline_ProcessBatch_StageFails(t *testing.T) {
	p := markStages()
	docs := []*doc.Document{{Text: "a"}, {Text: "panic"}, {Text: "b"}}
	errs := []error{errors.New("left from before"), nil, nil}
	p.ProcessBatch(context.Background(), docs, errs)
	var se *StageError
	if !errors.As(errs[1], &se) || se.Stage != "one" {
		t.Errorf("errs[1] = %v, want a StageError of stage one", errs[1])
	}
	for _, i := range []int{0, 2} {
		if errs[i] != nil || docs[i].ID != "one two" {
			t.Errorf("document %d: ID %q, error %v; want \"one two\" and none", i, docs[i].ID, errs[i])
		}
	}
	if docs[1].ID != "" {
		t.Errorf("the failed document went on to stage two: ID %q", docs[1].ID)
	}
}

func TestPipeline_ProcessBatch_Cancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := []*doc.Document{{Text: "a"}, {Text: "b"}}
	errs := make([]error, len(docs))
	markStages().ProcessBatch(ctx, docs, errs)
	for i, err := range errs {
		if !errors.Is(err, context.Canceled) || docs[i].ID != "" {
			t.Errorf("document %d: ID %q, error %v; want no stage run and context.Canceled", i, docs[i].ID, err)
		}
	}
}

// TestPipeline_Run_Order runs many jobs, some failed before processing,
// some with a stage failing, through Run with batches and checks that
// each comes out once, in order, processed or failed as it should.
func TestPipeline_Run_Order(t *testing.T) {
	tests := []struct {
		name    string
		workers int
		size    int // bytes of each text
	}{
		{"OneWorker", 1, 10},
		{"ThreeWorkers", 3, 10},
		{"LargeTexts", 2, batchBytes / 2},
		{"VeryLargeTexts", 2, 3 * batchBytes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const n = 300
			// next runs on a goroutine of Run's, emit on the caller's.
			var mu sync.Mutex
			yielded, emitted := 0, 0
			var sizes []int // of the jobs' texts
			next := func() (Job, bool) {
				mu.Lock()
				defer mu.Unlock()
				if yielded == n {
					return Job{}, false
				}
				i := yielded
				yielded++
				j := Job{Name: fmt.Sprint(i), Doc: &doc.Document{Text: strings.Repeat("x", tt.size)}}
				switch i % 7 {
				case 3:
					j.Err = errors.New("unreadable")
				case 4:
					j.Doc = nil
				case 5:
					j.Doc.Text = "panic"
				}
				sizes = append(sizes, textLen(j))
				return j, true
			}
			emit := func(j Job) error {
				if j.Name != fmt.Sprint(emitted) {
					t.Fatalf("emitted %s after %d", j.Name, emitted)
				}
				// Run's bound on the documents in flight, give or take
				// the one emit has and the one next has yielded.
				mu.Lock()
				defer mu.Unlock()
				bytes := 0
				for _, n := range sizes[emitted:yielded] {
					bytes += n
				}
				if n := yielded - emitted; n > 2*tt.workers+2 && bytes > 2*tt.workers*batchBytes+2*tt.size {
					t.Errorf("%d documents of %d bytes in all in flight with %d workers", n, bytes, tt.workers)
				}
				switch emitted % 7 {
				case 3:
					if j.Err == nil || j.Err.Error() != "unreadable" {
						t.Errorf("job %d: error %v, want the reading error", emitted, j.Err)
					}
				case 4:
					if j.Err != nil {
						t.Errorf("job %d without a document: error %v", emitted, j.Err)
					}
				case 5:
					if j.Err == nil {
						t.Errorf("job %d: no error from the failing stage", emitted)
					}
				default:
					if j.Err != nil || j.Doc.ID != "one two" {
						t.Errorf("job %d: ID %q, error %v", emitted, j.Doc.ID, j.Err)
					}
				}
				emitted++
				return nil
			}
			if err := markStages().Run(context.Background(), tt.workers, next, emit); err != nil {
				t.Fatal(err)
			}
			if emitted != n {
				t.Errorf("emitted %d jobs of %d", emitted, n)
			}
		})
	}
}

func TestPipeline_Run_EmitFails(t *testing.T) {
	yielded, emitted := 0, 0
	next := func() (Job, bool) {
		yielded++
		return Job{Doc: &doc.Document{Text: "a"}}, yielded <= 1000
	}
	stop := errors.New("disk full")
	emit := func(Job) error {
		emitted++
		if emitted == 5 {
			return stop
		}
		return nil
	}
	if err := markStages().Run(context.Background(), 2, next, emit); !errors.Is(err, stop) {
		t.Errorf("Run returned %v, want emit's error", err)
	}
	if emitted != 5 {
		t.Errorf("emit called %d times, want 5", emitted)
	}
}
