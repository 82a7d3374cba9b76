package tag

// width is the number of scores a tagger keeps: the model's classes,
// then padding up to a multiple of 16, so that rows add in whole vector
// registers. A Tagger takes models of up to width classes.
const width = 48

// vec is a row of weights or scores, one a class; the padding classes
// hold -0 in every row but a word's own weights, where they hold -Inf,
// so that a padding class never has the top score.
type vec = [width]float32

// sumRowsGeneric sets dst to the sum of rows, added in order (class by
// class, rows[0] + rows[1] + ...), and returns the class of the largest
// sum, the first on ties, as linear.Argmax does. rows is not empty and
// its sums are not NaN. It is what sumRows does where there is no vector
// code for it.
func sumRowsGeneric(dst *vec, rows []*vec) int {
	*dst = *rows[0]
	for _, r := range rows[1:] {
		for c := range dst {
			dst[c] += r[c]
		}
	}
	return argmax(dst[:])
}

// argmax returns the index of the largest score, the first on ties, as
// linear.Argmax does: the largest value first, then the first score
// equal to it (-0 equals +0, as it does in linear.Argmax's comparisons).
// scores holds no NaN.
func argmax(scores []float32) int {
	m := scores[0]
	for _, x := range scores[1:] {
		m = max(m, x)
	}
	for c, x := range scores {
		if x == m {
			return c
		}
	}
	return 0
}
