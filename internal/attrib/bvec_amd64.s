//go:build !purego

#include "textflag.h"

// func addBvecsAsm(dst *bvec, vs []*bvec, avx bool)
//
// With SSE, X0-X6 hold the 28 sums, four classes each, and X7-X13 are
// scratch (X15 is left alone: Go code keeps zero in it). With AVX, Y0-Y2
// and X3 hold them, eight classes each, and each vector is added straight
// from memory (VEX-encoded adds take unaligned operands).
TEXT ·addBvecsAsm(SB), NOSPLIT, $0-33
	MOVQ dst+0(FP), DI
	MOVQ vs_base+8(FP), SI
	MOVQ vs_len+16(FP), CX
	TESTQ CX, CX
	JZ   done
	CMPB avx+32(FP), $0
	JNE  avx

	MOVUPS 0(DI), X0
	MOVUPS 16(DI), X1
	MOVUPS 32(DI), X2
	MOVUPS 48(DI), X3
	MOVUPS 64(DI), X4
	MOVUPS 80(DI), X5
	MOVUPS 96(DI), X6

next:
	MOVQ (SI), AX
	MOVUPS 0(AX), X7
	MOVUPS 16(AX), X8
	MOVUPS 32(AX), X9
	MOVUPS 48(AX), X10
	MOVUPS 64(AX), X11
	MOVUPS 80(AX), X12
	MOVUPS 96(AX), X13
	ADDPS X7, X0
	ADDPS X8, X1
	ADDPS X9, X2
	ADDPS X10, X3
	ADDPS X11, X4
	ADDPS X12, X5
	ADDPS X13, X6
	ADDQ $8, SI
	DECQ CX
	JNZ  next

	MOVUPS X0, 0(DI)
	MOVUPS X1, 16(DI)
	MOVUPS X2, 32(DI)
	MOVUPS X3, 48(DI)
	MOVUPS X4, 64(DI)
	MOVUPS X5, 80(DI)
	MOVUPS X6, 96(DI)
	RET

avx:
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVUPS 64(DI), Y2
	VMOVUPS 96(DI), X3

nextavx:
	MOVQ (SI), AX
	VADDPS 0(AX), Y0, Y0
	VADDPS 32(AX), Y1, Y1
	VADDPS 64(AX), Y2, Y2
	VADDPS 96(AX), X3, X3
	ADDQ $8, SI
	DECQ CX
	JNZ  nextavx

	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS X3, 96(DI)
	VZEROUPPER

done:
	RET
