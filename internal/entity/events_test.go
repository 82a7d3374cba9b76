package entity_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// goldSpeaker is one row of a gold speakers file such as
// testdata/events-speakers.tsv.
type goldSpeaker struct{ id, quote, source, speaker string }

// readGoldSpeakers reads the gold speakers file testdata/name.
func readGoldSpeakers(t *testing.T, name string) []goldSpeaker {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldSpeaker
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 4 {
			t.Fatalf("%s:%d: want 4 columns", name, n)
		}
		out = append(out, goldSpeaker{c[0], c[1], c[2], c[3]})
	}
	return out
}

// TestSpeakers_Events measures the share of gold direct quotations in the
// multi-outlet news sample whose speaker is the right person. The speaker
// comes from the statement the attribution stage made for the quotation;
// while that stage is absent (no statements), SpeakerOf resolves the gold
// source words instead, which measures this package's part alone.
func TestSpeakers_Events(t *testing.T) {
	path := filepath.Join(shareddata.Dir(t, "events"), "articles.jsonl")
	gold := readGoldSpeakers(t, "events-speakers.tsv")
	docs := map[string]*doc.Document{}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	err = ingest.Walk([]string{path}, nil, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return it.Err
		}
		docs[it.Doc.ID] = it.Doc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The blocks written blind, after rules had been made on the first,
	// are reported alone too.
	b2 := rowsBefore(t, "events-speakers.tsv", "# Held-out block 2")
	b3 := rowsBefore(t, "events-speakers.tsv", "# Held-out block 3")
	var all speakerScore
	for i, blk := range [][]goldSpeaker{gold[:b2], gold[b2:b3], gold[b3:]} {
		sc := scoreSpeakers(t, p, docs, blk, path)
		all.add(sc)
		if i > 0 && len(blk) > 0 {
			t.Logf("block %d alone: %d of %d direct quotations (%.1f%%); %s", i+1, sc.right, len(blk), 100*float64(sc.right)/float64(len(blk)), sc.precision())
		}
	}
	share := float64(all.right) / float64(len(gold))
	t.Logf("speakers right: %d of %d direct quotations (%.1f%%); %s; %d resolved from the gold source words", all.right, len(gold), 100*share, all.precision(), all.fromGold)
	// The floor only goes up (0.955 at 186 of 194; 0.965 at 188), with one
	// exception on the record: 0.96 at 187 in stop 22, when the attribution
	// models were retrained on mentions with datelines and transcript
	// labels (the retrain rule kept that change): the new draw no longer
	// takes a greeting ("his first greeting to Trump “Hello neighbour”")
	// for a statement, and gave L3S 3 right speakers more, trafilatura 1
	// more and AEB 1 fewer. Stop 23 raised it to 0.97 at 189.
	const floor = 0.97
	if share < floor {
		t.Errorf("speaker share %.3f below floor %.3f", share, floor)
	}
}

// speakerScore counts gold quotations: those given a speaker (named),
// those whose speaker is right, and those whose speaker SpeakerOf found
// from the gold source words (fromGold).
type speakerScore struct{ right, named, fromGold int }

func (s *speakerScore) add(o speakerScore) {
	s.right, s.named, s.fromGold = s.right+o.right, s.named+o.named, s.fromGold+o.fromGold
}

// precision describes how often a speaker given is right.
func (s speakerScore) precision() string {
	return fmt.Sprintf("a speaker named for %d, right for %d of them (%.1f%%)", s.named, s.right, 100*float64(s.right)/float64(max(s.named, 1)))
}

// scoreSpeakers runs p on the article of each gold row (once per article)
// and counts the rows whose speaker is right, logging the others. The
// speaker comes from the statement whose content holds the gold quotation;
// when p makes no statements for an article, SpeakerOf resolves the gold
// source words instead, and fromGold counts those rows. path names the
// corpus in messages.
func scoreSpeakers(t *testing.T, p *pipeline.Pipeline, docs map[string]*doc.Document, gold []goldSpeaker, path string) (sc speakerScore) {
	t.Helper()
	for _, g := range gold {
		d := docs[g.id]
		if d == nil {
			t.Fatalf("article %s not in %s", g.id, path)
		}
		if d.Tokens == nil {
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
		}
		at := strings.Index(d.Text, g.quote)
		if at < 0 {
			t.Fatalf("%s: no %q in the text", g.id, g.quote)
		}
		quote := doc.Span{Start: at, End: at + len(g.quote)}
		got, how := "", "statement"
		if len(d.Statements) > 0 {
			// The innermost statement that holds the quotation says it:
			// "“…,” he said, according to the paper" is his.
			size := -1
			for _, s := range d.Statements {
				if c := s.ContentSpan(); c.Contains(quote) && s.Speaker >= 0 && (size < 0 || c.End-c.Start <= size) {
					got, size = d.Entities[s.Speaker].Name, c.End-c.Start
				}
			}
		} else {
			how = "gold source"
			sc.fromGold++
			src := nearest(d.Text, g.source, at)
			if src.IsZero() {
				t.Fatalf("%s: no %q in the text", g.id, g.source)
			}
			if e, _ := entity.SpeakerOf(d, src); e >= 0 {
				got = d.Entities[e].Name
			}
		}
		if got != "" {
			sc.named++
		}
		if sameSpeaker(g.speaker, got) {
			sc.right++
		} else {
			t.Logf("%s %q: speaker %q, want %q (%s)", g.id, g.quote, got, g.speaker, how)
		}
	}
	return sc
}

// measureSpeakers analyses docs with the default pipeline, scores the gold
// rows of testdata/name by blocks (scoreBlocks), logs the share over them
// all and each block's line, and returns that share.
func measureSpeakers(t *testing.T, docs map[string]*doc.Document, gold []goldSpeaker, name string, markers []string, path, label string, first int) float64 {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	all, alone := scoreBlocks(t, p, docs, gold, name, markers, path, label, first)
	share := float64(all.right) / float64(max(len(gold), 1))
	t.Logf("speakers right: %d of %d direct quotations in %d documents (%.1f%%); %s; %d resolved from the gold source words", all.right, len(gold), len(docs), 100*share, all.precision(), all.fromGold)
	for _, line := range alone {
		t.Log(line)
	}
	return share
}

// scoreBlocks scores the gold rows of testdata/name, split into blocks at
// the comment lines that start with the markers, with scoreSpeakers, and
// returns the score of them all and a line for each block from the
// first-th on (1-based), labelled "label N alone".
func scoreBlocks(t *testing.T, p *pipeline.Pipeline, docs map[string]*doc.Document, gold []goldSpeaker, name string, markers []string, path, label string, first int) (all speakerScore, alone []string) {
	t.Helper()
	cut := []int{0}
	for _, m := range markers {
		cut = append(cut, rowsBefore(t, name, m))
	}
	cut = append(cut, len(gold))
	for i := 1; i < len(cut); i++ {
		blk := gold[cut[i-1]:cut[i]]
		sc := scoreSpeakers(t, p, docs, blk, path)
		all.add(sc)
		if i >= first && len(blk) > 0 {
			alone = append(alone, fmt.Sprintf("%s %d alone: %d of %d direct quotations (%.1f%%); %s", label, i, sc.right, len(blk), 100*float64(sc.right)/float64(len(blk)), sc.precision()))
		}
	}
	return all, alone
}

// nearest returns the span of the occurrence of s in text nearest to
// byte offset at, matched as whole words.
func nearest(text, s string, at int) doc.Span {
	best := doc.Span{}
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return best
		}
		i += from
		from = i + 1
		if i > 0 && isWordByte(text[i-1]) || i+len(s) < len(text) && isWordByte(text[i+len(s)]) {
			continue
		}
		if best.IsZero() || abs(i-at) < abs(best.Start-at) {
			best = doc.Span{Start: i, End: i + len(s)}
		}
	}
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sameSpeaker reports whether the predicted name names the gold speaker:
// the same key, the same country by any of its names, or, when either
// gives a surname only, the same surname.
func sameSpeaker(gold, got string) bool {
	if got == "" {
		return false
	}
	if strings.EqualFold(gold, got) {
		return true
	}
	kg, kp := entity.Key(doc.Person, gold), entity.Key(doc.Person, got)
	if kg == kp || entity.Key(doc.Place, gold) == entity.Key(doc.Place, got) || entity.Key(doc.Organization, gold) == entity.Key(doc.Organization, got) {
		return true // the same person, one country by two names ("UK", "Britain"), one company with its legal form or without
	}
	pg, pp := strings.Split(kg, "-"), strings.Split(kp, "-")
	if len(pg) == 1 || len(pp) == 1 {
		return strings.TrimPrefix(pg[len(pg)-1], "person/") == strings.TrimPrefix(pp[len(pp)-1], "person/")
	}
	return false
}
