package attrib

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestAttribute_SameOutput checks that a change to this package leaves its
// output alone: with ATTRIB_SAME_WRITE=DIR it writes, for every text of
// PolNeAR train and dev, the statements Attribute makes and the bits of
// every score on the way (the cue tagger's margins, each proposal's
// decoded content, source and score), one split a file; with
// ATTRIB_SAME=DIR it makes them again and compares with those files.
// Write before the change, compare after.
func TestAttribute_SameOutput(t *testing.T) {
	write, dir := os.Getenv("ATTRIB_SAME_WRITE"), os.Getenv("ATTRIB_SAME")
	if write == "" && dir == "" {
		t.Skip("set ATTRIB_SAME_WRITE=DIR to write the output, ATTRIB_SAME=DIR to compare with it")
	}
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	prep := testPreparer(t)
	for _, split := range []string{"dev", "train"} {
		arts, err := polnear.Load(shareddata.Dir(t, "polnear", split), false)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, art := range arts {
			d := prep(art.Text)
			c := newContext(d, a.lex, a.fs)
			cues := proposeCues(c, a.fs, proposeSlack)
			h := fnv.New64a()
			for _, m := range c.cueMargin {
				fmt.Fprintf(h, "%x ", math.Float32bits(m))
			}
			r := a.ranker(c, cues)
			var ks []string
			for _, q := range cues {
				k := decodeCue(r, q)
				ks = append(ks, fmt.Sprintf("%d-%d:%x %d-%d/%d %d-%d/%d %x", q.a, q.b, math.Float32bits(q.score),
					k.content.a, k.content.b, k.content.side, k.source.a, k.source.b, k.source.side, math.Float32bits(k.score)))
			}
			a.Attribute(d)
			js, err := json.Marshal(d.Statements)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s\t%x\t%s\t%s\n", art.Name, h.Sum64(), strings.Join(ks, ","), js)
		}
		if write != "" {
			if err := os.WriteFile(filepath.Join(write, "polnear-"+split+".tsv"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(filepath.Join(dir, "polnear-"+split+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		got, wl := strings.Split(b.String(), "\n"), strings.Split(string(want), "\n")
		if len(got) != len(wl) {
			t.Errorf("%s: %d texts, want %d", split, len(got)-1, len(wl)-1)
			continue
		}
		diff := 0
		for i := range got {
			if got[i] != wl[i] {
				if diff++; diff <= 3 {
					t.Errorf("%s: text %d differs:\n got %.300s\nwant %.300s", split, i, got[i], wl[i])
				}
			}
		}
		t.Logf("%s: %d texts, %d differ", split, len(arts), diff)
	}
}
