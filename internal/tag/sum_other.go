//go:build !amd64 || purego

package tag

func sumRows(dst *vec, rows []*vec) int { return sumRowsGeneric(dst, rows) }
