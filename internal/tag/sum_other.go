//go:build !amd64 || purego

package tag

func sumRows(dst *vec, rows []*vec) int { return sumRowsGeneric(dst, rows) }

// sumRowsImpls lists the implementations of sumRows, for the tests.
var sumRowsImpls = []func(*vec, []*vec) int{sumRows}
