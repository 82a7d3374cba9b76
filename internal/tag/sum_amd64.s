//go:build !purego

#include "textflag.h"

// func sumRowsAsm(dst *vec, rows []*vec, avx bool) int
//
// With SSE, X0-X11 hold the 48 sums, four classes each, and X12-X14 are
// scratch (X15 is left alone: Go code keeps zero in it). With AVX, Y0-Y5
// hold them, eight classes each, each row's vectors are added straight
// from memory (VEX-encoded adds take unaligned operands), and Y6-Y7 are
// scratch.
TEXT ·sumRowsAsm(SB), NOSPLIT, $0-48
	MOVQ dst+0(FP), DI
	MOVQ rows_base+8(FP), SI
	MOVQ rows_len+16(FP), CX
	MOVQ (SI), AX
	CMPB avx+32(FP), $0
	JNE  avx
	MOVUPS 0(AX), X0
	MOVUPS 16(AX), X1
	MOVUPS 32(AX), X2
	MOVUPS 48(AX), X3
	MOVUPS 64(AX), X4
	MOVUPS 80(AX), X5
	MOVUPS 96(AX), X6
	MOVUPS 112(AX), X7
	MOVUPS 128(AX), X8
	MOVUPS 144(AX), X9
	MOVUPS 160(AX), X10
	MOVUPS 176(AX), X11
	ADDQ $8, SI
	DECQ CX
	JZ   done

next:
	MOVQ (SI), AX
	MOVUPS 0(AX), X12
	MOVUPS 16(AX), X13
	MOVUPS 32(AX), X14
	ADDPS X12, X0
	ADDPS X13, X1
	ADDPS X14, X2
	MOVUPS 48(AX), X12
	MOVUPS 64(AX), X13
	MOVUPS 80(AX), X14
	ADDPS X12, X3
	ADDPS X13, X4
	ADDPS X14, X5
	MOVUPS 96(AX), X12
	MOVUPS 112(AX), X13
	MOVUPS 128(AX), X14
	ADDPS X12, X6
	ADDPS X13, X7
	ADDPS X14, X8
	MOVUPS 144(AX), X12
	MOVUPS 160(AX), X13
	MOVUPS 176(AX), X14
	ADDPS X12, X9
	ADDPS X13, X10
	ADDPS X14, X11
	ADDQ $8, SI
	DECQ CX
	JNZ  next

done:
	MOVUPS X0, 0(DI)
	MOVUPS X1, 16(DI)
	MOVUPS X2, 32(DI)
	MOVUPS X3, 48(DI)
	MOVUPS X4, 64(DI)
	MOVUPS X5, 80(DI)
	MOVUPS X6, 96(DI)
	MOVUPS X7, 112(DI)
	MOVUPS X8, 128(DI)
	MOVUPS X9, 144(DI)
	MOVUPS X10, 160(DI)
	MOVUPS X11, 176(DI)

	// The largest sum, in every lane of X12.
	MOVAPS X0, X12
	MAXPS  X1, X12
	MOVAPS X2, X13
	MAXPS  X3, X13
	MOVAPS X4, X14
	MAXPS  X5, X14
	MAXPS  X6, X12
	MAXPS  X7, X13
	MAXPS  X8, X14
	MAXPS  X9, X12
	MAXPS  X10, X13
	MAXPS  X11, X14
	MAXPS  X13, X12
	MAXPS  X14, X12
	MOVAPS X12, X13
	SHUFPS $0x4e, X13, X13
	MAXPS  X13, X12
	MOVAPS X12, X13
	SHUFPS $0xb1, X13, X13
	MAXPS  X13, X12

	// One bit a class whose sum equals it; the first is the answer.
	CMPPS    X12, X0, $0
	MOVMSKPS X0, AX
	CMPPS    X12, X1, $0
	MOVMSKPS X1, BX
	SHLQ     $4, BX
	ORQ      BX, AX
	CMPPS    X12, X2, $0
	MOVMSKPS X2, BX
	SHLQ     $8, BX
	ORQ      BX, AX
	CMPPS    X12, X3, $0
	MOVMSKPS X3, BX
	SHLQ     $12, BX
	ORQ      BX, AX
	CMPPS    X12, X4, $0
	MOVMSKPS X4, BX
	SHLQ     $16, BX
	ORQ      BX, AX
	CMPPS    X12, X5, $0
	MOVMSKPS X5, BX
	SHLQ     $20, BX
	ORQ      BX, AX
	CMPPS    X12, X6, $0
	MOVMSKPS X6, BX
	SHLQ     $24, BX
	ORQ      BX, AX
	CMPPS    X12, X7, $0
	MOVMSKPS X7, BX
	SHLQ     $28, BX
	ORQ      BX, AX
	CMPPS    X12, X8, $0
	MOVMSKPS X8, BX
	SHLQ     $32, BX
	ORQ      BX, AX
	CMPPS    X12, X9, $0
	MOVMSKPS X9, BX
	SHLQ     $36, BX
	ORQ      BX, AX
	CMPPS    X12, X10, $0
	MOVMSKPS X10, BX
	SHLQ     $40, BX
	ORQ      BX, AX
	CMPPS    X12, X11, $0
	MOVMSKPS X11, BX
	SHLQ     $44, BX
	ORQ      BX, AX
	BSFQ AX, AX
	MOVQ AX, ret+40(FP)
	RET

avx:
	VMOVUPS 0(AX), Y0
	VMOVUPS 32(AX), Y1
	VMOVUPS 64(AX), Y2
	VMOVUPS 96(AX), Y3
	VMOVUPS 128(AX), Y4
	VMOVUPS 160(AX), Y5
	ADDQ $8, SI
	DECQ CX
	JZ   avxdone

avxnext:
	MOVQ (SI), AX
	VADDPS 0(AX), Y0, Y0
	VADDPS 32(AX), Y1, Y1
	VADDPS 64(AX), Y2, Y2
	VADDPS 96(AX), Y3, Y3
	VADDPS 128(AX), Y4, Y4
	VADDPS 160(AX), Y5, Y5
	ADDQ $8, SI
	DECQ CX
	JNZ  avxnext

avxdone:
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	VMOVUPS Y4, 128(DI)
	VMOVUPS Y5, 160(DI)

	// The largest sum, in every lane of Y6.
	VMAXPS Y1, Y0, Y6
	VMAXPS Y3, Y2, Y7
	VMAXPS Y7, Y6, Y6
	VMAXPS Y5, Y4, Y7
	VMAXPS Y7, Y6, Y6
	VEXTRACTF128 $1, Y6, X7
	VMAXPS X7, X6, X6
	VPERMILPS $0x4e, X6, X7
	VMAXPS X7, X6, X6
	VPERMILPS $0xb1, X6, X7
	VMAXPS X7, X6, X6
	VINSERTF128 $1, X6, Y6, Y6

	// One bit a class whose sum equals it; the first is the answer.
	VCMPPS    $0, Y6, Y0, Y7
	VMOVMSKPS Y7, AX
	VCMPPS    $0, Y6, Y1, Y7
	VMOVMSKPS Y7, BX
	SHLQ      $8, BX
	ORQ       BX, AX
	VCMPPS    $0, Y6, Y2, Y7
	VMOVMSKPS Y7, BX
	SHLQ      $16, BX
	ORQ       BX, AX
	VCMPPS    $0, Y6, Y3, Y7
	VMOVMSKPS Y7, BX
	SHLQ      $24, BX
	ORQ       BX, AX
	VCMPPS    $0, Y6, Y4, Y7
	VMOVMSKPS Y7, BX
	SHLQ      $32, BX
	ORQ       BX, AX
	VCMPPS    $0, Y6, Y5, Y7
	VMOVMSKPS Y7, BX
	SHLQ      $40, BX
	ORQ       BX, AX
	VZEROUPPER
	BSFQ AX, AX
	MOVQ AX, ret+40(FP)
	RET
