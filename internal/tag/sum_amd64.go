//go:build !purego

package tag

import "golang.org/x/sys/cpu"

// sumRows is sumRowsGeneric in vector instructions: AVX where the
// processor has it, eight classes an instruction, each row added straight
// from memory; else SSE (every amd64 processor has it), four an
// instruction. Each lane adds as the scalar code does, so the sums are the
// same bit for bit.
func sumRows(dst *vec, rows []*vec) int { return sumRowsAsm(dst, rows, hasAVX) }

// hasAVX reports whether sumRows may use AVX instructions.
var hasAVX = cpu.X86.HasAVX

// sumRowsAsm is sumRowsGeneric in AVX instructions when avx, else in SSE
// instructions.
//
//go:noescape
func sumRowsAsm(dst *vec, rows []*vec, avx bool) int

// sumRowsImpls lists the implementations of sumRows this processor runs,
// for the tests.
var sumRowsImpls = func() []func(*vec, []*vec) int {
	fs := []func(*vec, []*vec) int{func(dst *vec, rows []*vec) int { return sumRowsAsm(dst, rows, false) }}
	if hasAVX {
		fs = append(fs, func(dst *vec, rows []*vec) int { return sumRowsAsm(dst, rows, true) })
	}
	return fs
}()
