package server

import (
	"strconv"
	"time"
)

// chart is a small bar chart of statements over time, drawn as inline SVG
// by the speaker template: one bar per day, or per month when the days
// span more than chartDays.
type chart struct {
	Width, Height int
	Bars          []bar
	From, To      string // the first and last label, for the axis
	Max           int
	AxisY         int    // where the axis line is drawn
	Label         string // the chart's text alternative
}

// bar is one bar, in SVG user units.
type bar struct {
	X, Y, W, H int
	Label      string
	Count      int
}

const chartDays = 92

// newChart returns the chart of counts by day (labels YYYY-MM-DD, in
// order); labels that are not dates are left out.
func newChart(days []Count) chart {
	c := chart{Width: 600, Height: 120}
	type point struct {
		t time.Time
		n int
	}
	var pts []point
	for _, d := range days {
		t, err := time.Parse(time.DateOnly, d.Label)
		if err == nil && d.Count > 0 {
			pts = append(pts, point{t, d.Count})
		}
	}
	if len(pts) == 0 {
		return c
	}
	first, last := pts[0].t, pts[len(pts)-1].t
	monthly := last.Sub(first) > chartDays*24*time.Hour
	// Bins from first to last, empty ones included, so gaps show.
	var labels []string
	index := map[string]int{}
	for t := first; !t.After(last); {
		l := t.Format(time.DateOnly)
		next := t.AddDate(0, 0, 1)
		if monthly {
			l = t.Format("2006-01")
			next = time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		}
		index[l] = len(labels)
		labels = append(labels, l)
		t = next
	}
	counts := make([]int, len(labels))
	total := 0
	for _, p := range pts {
		l := p.t.Format(time.DateOnly)
		if monthly {
			l = p.t.Format("2006-01")
		}
		counts[index[l]] += p.n
		total += p.n
	}
	for _, n := range counts {
		c.Max = max(c.Max, n)
	}
	const top, bottom = 6, 18 // room for the axis labels below
	plot := c.Height - top - bottom
	c.AxisY = top + plot
	step := float64(c.Width) / float64(len(labels))
	w := max(1, int(step*0.8))
	for i, n := range counts {
		if n == 0 {
			continue
		}
		h := max(2, n*plot/c.Max)
		c.Bars = append(c.Bars, bar{X: int(float64(i) * step), Y: top + plot - h, W: w, H: h, Label: labels[i], Count: n})
	}
	c.From, c.To = labels[0], labels[len(labels)-1]
	unit := "day"
	if monthly {
		unit = "month"
	}
	c.Label = "Statements by " + unit + " from " + c.From + " to " + c.To + ": " + strconv.Itoa(total) + " in all, at most " + strconv.Itoa(c.Max) + " in one " + unit
	return c
}
