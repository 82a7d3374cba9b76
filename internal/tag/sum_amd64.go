//go:build !purego

package tag

// sumRows is sumRowsGeneric in SSE instructions (every amd64 processor
// has them), four classes an instruction: each lane adds as the scalar
// code does, so the sums are the same bit for bit.
//
//go:noescape
func sumRows(dst *vec, rows []*vec) int
