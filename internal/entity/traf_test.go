package entity_test

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// trafBlocks start the comment lines that open the blind blocks of
// testdata/traf-speakers.tsv after the first, whose shares
// TestSpeakers_Traf also reports alone.
var trafBlocks = []string{"# Block 2", "# Block 3", "# Block 4"}

// TestSpeakers_Traf measures the share of gold direct quotations whose
// speaker is the right person or organisation in English news pages of the
// trafilatura evaluation set that were annotated blind, so that no rule was
// made on them. Each page is analysed as the text ingest.FromHTML extracts
// from its HTML, as `verbatim analyze` reads a page; speakers are taken as
// in TestSpeakers_Events.
func TestSpeakers_Traf(t *testing.T) {
	dir := shareddata.Dir(t, "trafilatura-eval-en")
	gold := readGoldSpeakers(t, "traf-speakers.tsv")
	docs := trafDocs(t, dir, gold)
	// Each block is scored once and reported alone, so that a later stop
	// can keep one of them blind.
	share := measureSpeakers(t, docs, gold, "traf-speakers.tsv", trafBlocks, dir, "block", 1)
	// Measured once, when it joined, after the gold was written and
	// committed: 170 of 206 (82.5%; block 1 49 of 63, block 2 55 of 61,
	// block 3 46 of 61, block 4 20 of 21), a speaker named for 190 and
	// right for 170 of them, on the rules and models of the AEB stop's end
	// (2cc8789), and the same on those of the start of that stop (stop
	// 18). Rules were then made on blocks 1 and 3; blocks 2 and 4 stayed
	// blind to the end of stop 18, when they gave 55 of 61 and 20 of 21
	// again (all four 175 of 206, 85.0%). The floor only goes up: 0.86 at
	// 178 of 206 (stop 21), 0.87 at 180 (stop 22), 0.89 at 184 (stop 26:
	// an organisation's name over a plural's possessive mark, and a
	// parenthesis after a subject), 0.91 at 188 (stop 27: a name of
	// three words the tagger typed an organisation, a quotation opening
	// a sentence after its speaker's, "at that time" between a name and
	// its verb, a bare word for when after a source), 0.915 at 189
	// (stop 29: "…, says a report highlighting …", by the author "The
	// report by …" names in the next sentence).
	const floor = 0.915
	if share < floor {
		t.Errorf("speaker share %.3f below floor %.3f", share, floor)
	}
}

// trafDocs returns a document for each page of the trafilatura evaluation
// set in dir that a gold row names (by its file under html/), its text
// extracted from the gzipped HTML by ingest.FromHTML with the page's key in
// evaldata_en.json as its URL when the key is one.
func trafDocs(t *testing.T, dir string, gold []goldSpeaker) map[string]*doc.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "evaldata_en.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string]struct {
		File string `json:"file"`
	}
	if err := json.Unmarshal(b, &pages); err != nil {
		t.Fatalf("%s: %v", filepath.Join(dir, "evaldata_en.json"), err)
	}
	url := map[string]string{}
	for key, pg := range pages {
		if strings.HasPrefix(key, "http://") || strings.HasPrefix(key, "https://") {
			url[pg.File] = key
		} else {
			url[pg.File] = ""
		}
	}
	docs := map[string]*doc.Document{}
	for _, g := range gold {
		if docs[g.id] != nil {
			continue
		}
		u, ok := url[g.id]
		if !ok {
			t.Fatalf("page %s not in %s", g.id, filepath.Join(dir, "evaldata_en.json"))
		}
		path := filepath.Join(dir, "html", g.id)
		html, err := readGzip(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		d, _, err := ingest.FromHTML(html, u)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		d.ID = g.id
		docs[g.id] = d
	}
	return docs
}

// readGzip returns the unzipped content of the gzip file at path.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
