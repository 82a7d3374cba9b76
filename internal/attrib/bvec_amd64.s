//go:build !purego

#include "textflag.h"

// func addBvecs(dst *bvec, vs []*bvec)
//
// X0-X6 hold the 28 sums, four classes each; X7-X13 are scratch (X15
// is left alone: Go code keeps zero in it).
TEXT ·addBvecs(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ vs_base+8(FP), SI
	MOVQ vs_len+16(FP), CX
	TESTQ CX, CX
	JZ   done
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

done:
	RET
