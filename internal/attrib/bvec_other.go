//go:build !amd64 || purego

package attrib

func addBvecs(dst *bvec, vs []*bvec) { addBvecsGeneric(dst, vs) }
