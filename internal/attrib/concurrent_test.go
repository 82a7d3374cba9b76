package attrib

import (
	"reflect"
	"sync"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// TestAttributor_Attribute_Concurrent attributes real articles from
// several goroutines at once, with a fresh Attributor (so that they fill
// its word-form cache together), and checks that each gets what it gets
// alone.
func TestAttributor_Attribute_Concurrent(t *testing.T) {
	arts, def, prep := devSetup(t)
	arts = arts[:min(len(arts), 16)]
	docs := make([]*doc.Document, len(arts))
	want := make([][]doc.Statement, len(arts))
	for i, art := range arts {
		docs[i] = prep(art.Text)
		c := *docs[i]
		def.Attribute(&c)
		want[i] = c.Statements
	}
	a, err := New(def.lex, def.m)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][][]doc.Statement, 4)
	for w := range got {
		got[w] = make([][]doc.Statement, len(docs))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + w*5) % len(docs)
				c := *docs[i]
				a.Attribute(&c)
				got[w][i] = c.Statements
			}
		}()
	}
	wg.Wait()
	for w := range got {
		for i := range docs {
			if !reflect.DeepEqual(got[w][i], want[i]) {
				t.Errorf("goroutine %d, %s: statements differ from a lone run", w, arts[i].Name)
			}
		}
	}
}
