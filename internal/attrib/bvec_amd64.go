//go:build !purego

package attrib

// addBvecs is addBvecsGeneric in SSE instructions (every amd64 processor
// has them), four classes an instruction: each lane adds as the scalar
// code does, so the sums are the same bit for bit.
//
//go:noescape
func addBvecs(dst *bvec, vs []*bvec)
