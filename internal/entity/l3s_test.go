package entity_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// l3sBlock2 starts the comment line that opens the second blind block of
// testdata/l3s-speakers.tsv, whose share TestSpeakers_L3S also reports alone.
const l3sBlock2 = "# Held-out block 2"

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
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string]l3sPage
	if err := json.Unmarshal(b, &pages); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	docs := map[string]*doc.Document{}
	for _, g := range gold {
		if pg, ok := pages[g.id]; ok && docs[g.id] == nil {
			docs[g.id] = &doc.Document{ID: g.id, Text: pg.Headline + "\n" + pg.Fulltext}
		}
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := rowsBefore(t, "l3s-speakers.tsv", l3sBlock2)
	right1, fromGold1 := scoreSpeakers(t, p, docs, gold[:n], path)
	right2, fromGold2 := scoreSpeakers(t, p, docs, gold[n:], path)
	right, fromGold := right1+right2, fromGold1+fromGold2
	share := float64(right) / float64(len(gold))
	t.Logf("speakers right: %d of %d direct quotations in %d articles (%.1f%%); %d resolved from the gold source words", right, len(gold), len(docs), 100*share, fromGold)
	if m := len(gold) - n; m > 0 {
		t.Logf("held-out block 2 alone: %d of %d direct quotations (%.1f%%)", right2, m, 100*float64(right2)/float64(m))
	}
	if share < 0.85 {
		t.Errorf("speaker share %.3f below floor 0.85", share)
	}
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
