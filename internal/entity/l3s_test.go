package entity_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// l3sBlocks start the comment lines that open the second to twentieth blind
// blocks of testdata/l3s-speakers.tsv, whose shares TestSpeakers_L3S also
// reports alone.
var l3sBlocks = []string{"# Held-out block 2", "# Held-out block 3", "# Held-out block 4", "# Held-out block 5", "# Held-out block 6", "# Held-out block 7", "# Held-out block 8", "# Held-out block 9", "# Held-out block 10", "# Held-out block 11", "# Held-out block 12", "# Held-out block 13", "# Held-out block 14", "# Held-out block 15", "# Held-out block 16", "# Held-out block 17", "# Held-out block 18", "# Held-out block 19", "# Held-out block 20"}

// l3sPage is the part of a gold.json entry of the L3S-GN1 corpus that the
// speaker test reads.
type l3sPage struct {
	Headline string `json:"headline"`
	Fulltext string `json:"fulltext"`
}

// TestSpeakers_L3S measures the share of gold direct quotations whose
// speaker is the right person or organisation in varied 2008 Google News
// articles (L3S-GN1) that were annotated blind, so that no rule was made
// on them. Each article is analysed as its headline, a line break and its
// full text; speakers are taken as in TestSpeakers_Events.
func TestSpeakers_L3S(t *testing.T) {
	path := filepath.Join(shareddata.Dir(t, "l3s-gn1"), "gold.json")
	gold := readGoldSpeakers(t, "l3s-speakers.tsv")
	docs := goldDocs(t, path, gold, func(pg l3sPage) string { return pg.Headline + "\n" + pg.Fulltext })
	// Each block is scored once; the later ones, written after rules had
	// been made on the first, are reported alone too.
	share := measureSpeakers(t, docs, gold, "l3s-speakers.tsv", l3sBlocks, path, "held-out block", 2)
	// Floors only go up, except when a new blind block joins the gold
	// (0.935 before block 6, which scored 53 of 67 when it was added;
	// 0.93 before block 7 joined, which scored 49 of 63 on the rules of
	// its day; 0.91 once rules had seen it; 0.90 when block 8 joined, which
	// scored 47 of 57; 0.895 when block 9 joined, which scored 50 of 60,
	// and kept when block 10 joined, which scored 50 of 61 on the rules
	// of the day it was measured; 0.915 after block 11 joined, which
	// scored 42 of 57 when it was measured once, and rules made that
	// stop raised all eleven blocks from 597 to 615 of 669; 0.905 when
	// block 12 joined, which scored 43 of 57 when it was measured once;
	// 0.91 at 663 of 726; 0.90 when block 13 joined, which scored 41 of
	// 60 when it was measured once, on the rules of the day before; 0.89
	// when block 14 joined, which scored 42 of 59 when it was measured
	// once; 0.90 at 761 of 845; 0.885 when block 15 joined, which scored
	// 45 of 61 when it was measured once, on the rules of the end of the
	// stop it was written in, as on those of its start; 0.89 at 808 of
	// 906, and kept when block 16 joined, which scored 44 of 57 when it
	// was measured once, 45 on the rules of the start of that stop;
	// 0.875 when block 17 joined, which scored 32 of 56 when it was
	// measured once, on the rules of the start of the next stop as on
	// those of its first commit; 0.885 when block 18 joined, which scored
	// 52 of 60 when it was measured once, on the rules of the start of
	// its stop as on those of its end; 0.89 at 963 of 1079, and kept when
	// block 19 joined, which scored 47 of 58 when it was measured once, on
	// the rules of the start of its stop; 0.895 at 1022 of 1137, and kept
	// when block 20, the corpus's last, joined, which scored 51 of 61 when
	// it was measured once, on the rules of the middle of its stop as on
	// those of its start); 0.905 at 1085 of 1198 (stop 21); 0.91 at 1092
	// (stop 22), and at 1096 (stop 24); 0.915 at 1098 (stop 24); 0.92 at 1103 (stop 25);
	// 0.925 at 1112 (stop 27: "the speaker" on a recording, an office or
	// a campaign named by its owner); 0.93 at 1116 (stop 29: a
	// possessor's source, a link opening a sentence on a line of its
	// own).
	const floor = 0.93
	if share < floor {
		t.Errorf("speaker share %.3f below floor %.3f", share, floor)
	}
}

// goldDocs reads the JSON object of pages at path, keyed by id, and
// returns a document for each page a gold row names, its text made by
// text.
func goldDocs[P any](t *testing.T, path string, gold []goldSpeaker, text func(P) string) map[string]*doc.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string]P
	if err := json.Unmarshal(b, &pages); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	docs := map[string]*doc.Document{}
	for _, g := range gold {
		if pg, ok := pages[g.id]; ok && docs[g.id] == nil {
			docs[g.id] = &doc.Document{ID: g.id, Text: text(pg)}
		}
	}
	return docs
}

// rowsBefore returns the number of gold rows in testdata/name before the
// first line that starts with marker, or all its rows when none does.
func rowsBefore(t *testing.T, name, marker string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, marker) {
			break
		}
		if line != "" && line[0] != '#' {
			n++
		}
	}
	return n
}
