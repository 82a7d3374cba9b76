package linear_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/linear"
)

// repoModels returns the paths of the model files committed in the
// repository, which must all keep loading and scoring as before.
func repoModels(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"../tag/model/*.vblm", "../attrib/model/*.vblm"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatal("no model files found")
	}
	return out
}

// refEntry is one weight of a row as the file stores it.
type refEntry struct {
	c int
	w float32
}

// refModel is a model read naively from a file: a map from feature to its
// row in file order. It is the reference the compact Model must match.
type refModel struct {
	classes int
	rows    map[uint64][]refEntry
	keys    []uint64 // in file order
	payload []byte   // the decompressed file
}

func readRef(t testing.TB, path string) *refModel {
	t.Helper()
	f, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	payload, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(bytes.NewReader(payload))
	if _, err := br.Discard(len("VBLM1\n")); err != nil {
		t.Fatal(err)
	}
	uv := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	r := &refModel{classes: int(uv()), rows: map[uint64][]refEntry{}, payload: payload}
	for range r.classes {
		if _, err := br.Discard(int(uv())); err != nil {
			t.Fatal(err)
		}
	}
	var b [8]byte
	for n := uv(); n > 0; n-- {
		io.ReadFull(br, b[:])
		key := binary.LittleEndian.Uint64(b[:])
		k, _ := br.ReadByte()
		var row []refEntry
		for range int(k) {
			c, _ := br.ReadByte()
			if _, err := io.ReadFull(br, b[:4]); err != nil {
				t.Fatal(err)
			}
			row = append(row, refEntry{int(c), math.Float32frombits(binary.LittleEndian.Uint32(b[:4]))})
		}
		if _, dup := r.rows[key]; !dup {
			r.rows[key] = row
			r.keys = append(r.keys, key)
		}
	}
	return r
}

func (r *refModel) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		for _, e := range r.rows[f] {
			scores[e.c] += e.w
		}
	}
}

// featureLists returns n lists of 1 to 40 features, mostly the model's
// keys (so every row layout is exercised) and some unknown features.
func featureLists(keys []uint64, n int, seed uint64) [][]uint64 {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([][]uint64, n)
	for i := range out {
		fs := make([]uint64, 1+rng.IntN(40))
		for j := range fs {
			if rng.IntN(5) == 0 {
				fs[j] = rng.Uint64()
			} else {
				fs[j] = keys[rng.IntN(len(keys))]
			}
		}
		out[i] = fs
	}
	return out
}

func readModel(t testing.TB, path string) *linear.Model {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := linear.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// TestModel_Score_RepoModels checks that every committed model scores
// exactly as a naive reading of its file does: the same floating-point
// sums, added in the same order.
func TestModel_Score_RepoModels(t *testing.T) {
	for _, path := range repoModels(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ref := readRef(t, path)
			m := readModel(t, path)
			if len(m.Classes) != ref.classes {
				t.Fatalf("%d classes, file has %d", len(m.Classes), ref.classes)
			}
			if m.NumFeatures() != len(ref.keys) {
				t.Errorf("NumFeatures() = %d, file has %d rows", m.NumFeatures(), len(ref.keys))
			}
			got := make([]float32, ref.classes)
			rows := make([]float32, ref.classes)
			want := make([]float32, ref.classes)
			for _, fs := range featureLists(ref.keys, 20000, 1) {
				m.Score(fs, got)
				ref.score(fs, want)
				clear(rows)
				for _, f := range fs {
					m.AddRow(m.Row(f), rows)
				}
				for c := range got {
					if got[c] != want[c] || rows[c] != want[c] {
						t.Fatalf("Score(%x)[%d] = %v, by rows %v, want %v", fs, c, got[c], rows[c], want[c])
					}
				}
			}
		})
	}
}

// TestModel_WriteTo_RepoModels checks that writing a committed model back
// gives the file's exact contents, so the format is unchanged.
func TestModel_WriteTo_RepoModels(t *testing.T) {
	for _, path := range repoModels(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ref := readRef(t, path)
			m := readModel(t, path)
			var buf bytes.Buffer
			if _, err := m.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, ref.payload) {
				t.Errorf("rewritten model differs from the file (%d bytes, file %d)", len(got), len(ref.payload))
			}
		})
	}
}

// trainToy trains a small model whose rows take every layout: features
// seen with one class, with a few of many classes, and with most.
func trainToy(nc int) *linear.Model {
	classes := make([]string, nc)
	for i := range classes {
		classes[i] = fmt.Sprintf("c%d", i)
	}
	tr := linear.NewTrainer(classes)
	rng := rand.New(rand.NewPCG(3, 4))
	scores := make([]float32, nc)
	var fs []uint64
	for range 4000 {
		gold := rng.IntN(max(nc, 2))
		fs = append(fs[:0],
			linear.Int(1, 0),                  // bias: every class
			linear.Int(2, gold),               // one class
			linear.Int(3, gold/2+rng.IntN(2)), // a few classes
			linear.Int(4, rng.IntN(3)),        // noise: most classes
		)
		tr.Score(fs, scores)
		guess := linear.Argmax(scores)
		tr.Tick()
		if nc == 1 { // a ranker's single score: push it up or down
			tr.Update(fs, 0, float32(1-2*(gold&1)))
		} else if guess != gold {
			tr.Update(fs, gold, 1)
			tr.Update(fs, guess, -1)
		}
	}
	return tr.Model(0)
}

func TestModel_WriteTo_RoundTrip(t *testing.T) {
	for _, nc := range []int{1, 2, 3, 45} {
		t.Run(fmt.Sprint(nc), func(t *testing.T) {
			m := trainToy(nc)
			var a bytes.Buffer
			if _, err := m.WriteTo(&a); err != nil {
				t.Fatal(err)
			}
			m2, err := linear.Read(bytes.NewReader(a.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if _, err := m2.WriteTo(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("model changed on a round trip through WriteTo and Read")
			}
			if m.NumFeatures() != m2.NumFeatures() || m.NumFeatures() == 0 {
				t.Errorf("NumFeatures: %d before, %d after", m.NumFeatures(), m2.NumFeatures())
			}
			s1, s2 := make([]float32, nc), make([]float32, nc)
			for g := range nc {
				fs := []uint64{linear.Int(1, 0), linear.Int(2, g), linear.Int(3, g/2), linear.Int(4, g%3), 12345}
				m.Score(fs, s1)
				m2.Score(fs, s2)
				for c := range s1 {
					if s1[c] != s2[c] {
						t.Fatalf("class %d: %v before, %v after", c, s1[c], s2[c])
					}
				}
				if nc > 1 && linear.Argmax(s1) != g {
					t.Errorf("toy model predicts %d for class %d", linear.Argmax(s1), g)
				}
			}
		})
	}
}

func TestModel_AddAll_Prefix(t *testing.T) {
	m := trainToy(45)
	fs := []uint64{linear.Int(1, 0), linear.Int(2, 7), linear.Int(3, 3), linear.Int(4, 1)}
	want := make([]float32, 45)
	m.Score(fs, want)
	got := make([]float32, 45)
	m.Score(fs[:2], got)
	m.AddAll(fs[2:], got)
	for c := range got {
		if got[c] != want[c] {
			t.Fatalf("class %d: %v, want %v", c, got[c], want[c])
		}
	}
}

// gz compresses payload as a model file does.
func gz(payload []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(payload)
	zw.Close()
	return b.Bytes()
}

func TestRead_Errors(t *testing.T) {
	row := func(key uint64, ents ...byte) []byte {
		b := binary.LittleEndian.AppendUint64(nil, key)
		b = append(b, byte(len(ents)))
		for _, c := range ents {
			b = append(b, c)
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(0.5))
		}
		return b
	}
	head := []byte("VBLM1\n\x02\x01a\x01b")
	cases := map[string][]byte{
		"not gzip":         []byte("VBLM1\n"),
		"bad magic":        gz([]byte("VBLM9\n\x01\x01a\x00")),
		"no classes":       gz([]byte("VBLM1\n\x00\x00")),
		"truncated":        gz(append(append(head[:len(head):len(head)], 1), row(9, 0)[:10]...)),
		"class too big":    gz(append(append(head[:len(head):len(head)], 1), row(9, 2)...)),
		"class twice":      gz(append(append(head[:len(head):len(head)], 1), row(9, 1, 1)...)),
		"rows missing":     gz(append(head[:len(head):len(head)], 2)),
		"name truncated":   gz([]byte("VBLM1\n\x01\x05ab")),
		"absurd row count": gz(append(head[:len(head):len(head)], 0xff, 0xff, 0xff, 0xff, 0x7f)),
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := linear.Read(bytes.NewReader(b)); !errors.Is(err, linear.ErrFormat) {
				t.Errorf("Read: %v, want ErrFormat", err)
			}
		})
	}
}

// FuzzRead checks that no model payload makes Read panic, and that a
// model it accepts scores and writes without panicking.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	trainToy(3).WriteTo(&b)
	zr, _ := gzip.NewReader(&b)
	payload, _ := io.ReadAll(zr)
	f.Add(payload)
	f.Add([]byte("VBLM1\n\x01\x01a\x01\x01\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x3f"))
	f.Fuzz(func(t *testing.T, payload []byte) {
		m, err := linear.Read(bytes.NewReader(gz(payload)))
		if err != nil {
			return
		}
		scores := make([]float32, len(m.Classes))
		m.Score([]uint64{0, 1, 2, binary.LittleEndian.Uint64(append(payload, make([]byte, 16)...)[7:])}, scores)
		if _, err := m.WriteTo(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}

func TestBytes_EqualsStr(t *testing.T) {
	for _, s := range []string{"", "said", "Über", "U.S."} {
		if linear.Bytes(7, []byte(s)) != linear.Str(7, s) {
			t.Errorf("Bytes and Str differ on %q", s)
		}
	}
	if linear.Lower(3, "Said") != linear.Str(3, "said") {
		t.Error("Lower does not fold case")
	}
}

func ExampleTrainer() {
	tr := linear.NewTrainer([]string{"verb", "noun"})
	data := []struct {
		word  string
		class int
	}{{"said", 0}, {"told", 0}, {"minister", 1}, {"report", 1}}
	scores := make([]float32, 2)
	for range 3 {
		for _, d := range data {
			fs := []uint64{linear.Str(1, d.word), linear.Str(2, d.word[len(d.word)-2:])}
			tr.Score(fs, scores)
			guess := linear.Argmax(scores)
			tr.Tick()
			if guess != d.class {
				tr.Update(fs, d.class, 1)
				tr.Update(fs, guess, -1)
			}
		}
	}
	m := tr.Model(0)
	m.Score([]uint64{linear.Str(1, "told"), linear.Str(2, "ld")}, scores)
	fmt.Println(m.Classes[linear.Argmax(scores)])
	// Output: verb
}

// TestStr_KnownValues pins feature hashes, which committed models depend
// on, for small and large template numbers.
func TestStr_KnownValues(t *testing.T) {
	for _, c := range []struct {
		got, want uint64
	}{
		{linear.Str(2, "said"), 0xaac3608008f87625},
		{linear.Str(300, "said"), 0xf12ed296de2fbc58},
		{linear.Int(5, 17), 0x4ff4335e491afc75},
		{linear.Int(70000, -3), 0x51f24435758771f6},
	} {
		if c.got != c.want {
			t.Errorf("hash %#x, want %#x", c.got, c.want)
		}
	}
}
