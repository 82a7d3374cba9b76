//go:build !amd64 || purego

package attrib

func addBvecs(dst *bvec, vs []*bvec) { addBvecsGeneric(dst, vs) }

// addBvecsImpls lists the implementations of addBvecs, for the tests.
var addBvecsImpls = []func(*bvec, []*bvec){addBvecs}
