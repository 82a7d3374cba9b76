// Package pipeline composes Verbatim's stages and runs them over many
// documents. Each stage adds one layer of annotation to a doc.Document;
// Default wires the standard stages in order, in one place, so the flow
// of a document is readable here (see ARCHITECTURE.md).
package pipeline

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// A Stage adds one layer of annotations to d. It reads earlier layers,
// never rewrites them, and every Span it adds lies within d.Text. A Stage
// is immutable after construction and safe for concurrent use on
// different Documents.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *doc.Document) error
}

// Func adapts a function to a Stage.
type Func struct {
	StageName string
	Fn        func(ctx context.Context, d *doc.Document) error
}

// Name returns the stage's name.
func (f Func) Name() string { return f.StageName }

// Process runs the function.
func (f Func) Process(ctx context.Context, d *doc.Document) error { return f.Fn(ctx, d) }

// Pipeline runs stages in order.
type Pipeline struct {
	stages []Stage
}

// New returns a pipeline of the given stages.
func New(stages ...Stage) *Pipeline { return &Pipeline{stages: stages} }

// Stages returns a copy of the pipeline's stages in order, which the
// caller may change or append to without changing p.
func (p *Pipeline) Stages() []Stage { return slices.Clone(p.stages) }

// Until returns a pipeline of the stages before the one named name (all
// of them when there is none): what a stage's training needs to prepare
// documents exactly as the full pipeline will.
func (p *Pipeline) Until(name string) *Pipeline {
	for i, s := range p.stages {
		if s.Name() == name {
			return &Pipeline{stages: p.stages[:i:i]}
		}
	}
	return p
}

// StageError reports a stage that failed on a document.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return fmt.Sprintf("stage %s: %v", e.Stage, e.Err) }

// Unwrap returns the underlying error.
func (e *StageError) Unwrap() error { return e.Err }

// Process runs every stage on d. A stage that panics is reported as a
// StageError rather than taking the process down: one bad document must
// not cost the others.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) (err error) {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := runStage(ctx, s, d); err != nil {
			return err
		}
	}
	return nil
}

// ProcessBatch runs every stage on each of docs, as Process does, and
// sets errs[i] (errs is as long as docs) to what Process would return for
// docs[i]. It runs each stage over all the documents before the next
// stage, so that a stage's tables stay warm in the processor's caches
// from one document to the next: over many small documents that is
// markedly faster than Process one document at a time. Every other stage
// takes the documents in reverse order, so that it starts on those the
// stage before it left last, still in the caches. A document a stage
// fails on is left to the other documents, as with Process.
func (p *Pipeline) ProcessBatch(ctx context.Context, docs []*doc.Document, errs []error) {
	clear(errs)
	for k, s := range p.stages {
		for j := range docs {
			i := j
			if k%2 == 1 {
				i = len(docs) - 1 - j
			}
			if errs[i] != nil {
				continue
			}
			if err := ctx.Err(); err != nil {
				errs[i] = err
				continue
			}
			errs[i] = runStage(ctx, s, docs[i])
		}
	}
}

func runStage(ctx context.Context, s Stage, d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &StageError{Stage: s.Name(), Err: fmt.Errorf("internal error: %v\n%s", r, debug.Stack())}
		}
	}()
	if err := s.Process(ctx, d); err != nil {
		return &StageError{Stage: s.Name(), Err: err}
	}
	return nil
}
