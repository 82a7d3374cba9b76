package pipeline

import (
	"context"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// TestPipeline_Until_AppendKeepsOriginal checks that two pipelines built
// by appending different stages to one prefix stay apart, and leave the
// full pipeline as it was: training builds one such pipeline per model it
// scores, at once.
func TestPipeline_Until_AppendKeepsOriginal(t *testing.T) {
	stage := func(name string) Stage {
		return Func{StageName: name, Fn: func(_ context.Context, d *doc.Document) error { d.Text += name; return nil }}
	}
	full := New(stage("a"), stage("b"), stage("c"))
	prefix := full.Until("b")
	x := New(append(prefix.Stages(), stage("x"))...)
	y := New(append(prefix.Stages(), stage("y"))...)
	for _, tc := range []struct {
		p    *Pipeline
		want string
	}{{full, "abc"}, {x, "ax"}, {y, "ay"}, {prefix, "a"}} {
		d := &doc.Document{}
		if err := tc.p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if d.Text != tc.want {
			t.Errorf("ran %q, want %q", d.Text, tc.want)
		}
	}
}
