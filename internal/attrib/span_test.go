package attrib

import "testing"

func TestDenseSizes(t *testing.T) {
	for tmpl, n := range denseSize {
		if n <= 0 {
			t.Errorf("dense template %d has no domain size", tmpl)
		}
	}
}
