package eval

import (
	"strings"
	"testing"
)

const gumSample = `# newdoc id = sample
# newpar
# text = Mayor Ann Lee spoke.
1	Mayor	mayor	PROPN	NNP	_	3	compound	_	Entity=(1-person-new-sssss-cf1-1,2,3-coref
2	Ann	Ann	PROPN	NNP	_	3	flat	_	_
3	Lee	Lee	PROPN	NNP	_	4	nsubj	_	Entity=1)
4	spoke	speak	VERB	VBD	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# newpar
# text = She's here.
1-2	She's	_	_	_	_	_	_	_	_
1	She	she	PRON	PRP	_	3	nsubj	_	Entity=(1-person-giv-sssss-cf1-1-coref)
2	's	be	AUX	VBZ	_	3	cop	_	_
3	here	here	ADV	RB	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
`

func TestReadGUM_Sample(t *testing.T) {
	d, err := ReadGUM(strings.NewReader(gumSample))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Mayor Ann Lee spoke.\nShe's here."; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	if len(d.Mentions) != 2 {
		t.Fatalf("mentions %+v", d.Mentions)
	}
	m := d.Mentions[0]
	if m.Start != 0 || m.End != 3 || m.Type != "person" || m.Head != 2 || m.Entity != "1" {
		t.Errorf("first mention %+v", m)
	}
	if h := d.Tokens[d.Mentions[1].Head]; d.Text[h.Start:h.End] != "She" {
		t.Errorf("second mention's head is %q", d.Text[h.Start:h.End])
	}
}

func TestMUC_Perfect(t *testing.T) {
	key := map[int]string{1: "a", 2: "a", 3: "b", 4: "b", 5: "b"}
	var r ratioSum
	mucAdd(&r, key, key)
	if r.value() != 1 {
		t.Errorf("MUC of a partition against itself = %v", r.value())
	}
	var s ratioSum
	mucAdd(&s, key, map[int]string{1: "x", 2: "y", 3: "z", 4: "z"})
	if s.Num != 1 || s.Den != 3 {
		t.Errorf("MUC recall %v/%v, want 1/3", s.Num, s.Den)
	}
}

func TestGUMDoc_Head_FlatChain(t *testing.T) {
	const sample = `# newdoc id = chain
# newpar
# text = Captain Tae Jong-un spoke.
1	Captain	captain	NOUN	NN	_	6	nsubj	_	Entity=(1-person-new-sssss-cf1-1,2,3-coref
2	Tae	Tae	PROPN	NNP	_	1	flat	_	_
3	Jong	Jong	PROPN	NNP	_	2	flat	_	SpaceAfter=No
4	-	-	PUNCT	HYPH	_	3	punct	_	SpaceAfter=No
5	un	un	PROPN	NNP	_	3	flat	_	Entity=1)
6	spoke	speak	VERB	VBD	_	0	root	_	SpaceAfter=No
7	.	.	PUNCT	.	_	6	punct	_	_
`
	d, err := ReadGUM(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Mentions) != 1 {
		t.Fatalf("mentions %+v", d.Mentions)
	}
	if h := d.Tokens[d.Mentions[0].Head]; d.Text[h.Start:h.End] != "un" {
		t.Errorf("head is %q, want the last word of the flat name, \"un\"", d.Text[h.Start:h.End])
	}
}
