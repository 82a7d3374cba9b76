package pipeline

import (
	"context"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// TestDefault_ClockTimeNotQuantity checks that a clock time written with
// a full stop before a time zone is a time, and so no number: the
// quantity stage skips what timex found.
func TestDefault_ClockTimeNotQuantity(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "The signal from the probe Halcyon reached Port Varna at 14.52 local time, engineers said."}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	times := 0
	for _, x := range d.Dates {
		if x.Type == "time" && d.Slice(x.Span) == "14.52 local time" {
			times++
		}
	}
	if times != 1 {
		t.Errorf("dates %+v: want the time 14.52 local time", d.Dates)
	}
	for _, q := range d.Quantities {
		if q.Value == 14.52 {
			t.Errorf("quantity %q (%v) inside a time", d.Slice(q.Span), q.Value)
		}
	}
}
