// Package reuse reuses the storage of per-document slices, so that a
// stage that runs over many documents allocates only when a document is
// larger than any before it.
package reuse

// Zeroed returns s with length n and every element zero, reusing its
// storage when it has room.
func Zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// Sized returns s with length n, reusing its storage when it has room;
// the elements it keeps are left as they were.
func Sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
