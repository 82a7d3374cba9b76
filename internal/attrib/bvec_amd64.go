//go:build !purego

package attrib

import "golang.org/x/sys/cpu"

// addBvecs adds the vectors vs to dst in order, as addBvecsGeneric does,
// in vector instructions: AVX where the processor has it, else SSE (every
// amd64 processor has it). Each lane adds as the scalar code does, so the
// sums are the same bit for bit.
func addBvecs(dst *bvec, vs []*bvec) { addBvecsAsm(dst, vs, hasAVX) }

// hasAVX reports whether addBvecs may use AVX instructions.
var hasAVX = cpu.X86.HasAVX

// addBvecsAsm is addBvecsGeneric in AVX instructions, eight classes an
// instruction, when avx, else in SSE instructions, four an instruction.
//
//go:noescape
func addBvecsAsm(dst *bvec, vs []*bvec, avx bool)

// addBvecsImpls lists the implementations of addBvecs this processor
// runs, for the tests.
var addBvecsImpls = func() []func(*bvec, []*bvec) {
	fs := []func(*bvec, []*bvec){func(dst *bvec, vs []*bvec) { addBvecsAsm(dst, vs, false) }}
	if hasAVX {
		fs = append(fs, func(dst *bvec, vs []*bvec) { addBvecsAsm(dst, vs, true) })
	}
	return fs
}()
