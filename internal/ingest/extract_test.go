package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"

	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// extractScore accumulates the article-extraction-benchmark metric over
// pages: each page's precision and recall of 4-token shingles (tokens are
// runs of letters, digits and underscores), averaged over pages, F1 the
// harmonic mean of the averages; and the same over whole paragraphs
// (lines compared after collapsing white space), which measures how well
// the paragraph breaks the segmenter relies on are kept.
type extractScore struct {
	pages         int
	p, r          float64 // sums over pages, shingles
	lineP, lineR  float64 // sums over pages, paragraphs
	exact, failed int
	worst         []pageScore
}

type pageScore struct {
	name string
	f1   float64
}

func (s *extractScore) add(name, gold, pred string) {
	p, r := prf(shingles(words(gold)), shingles(words(pred)))
	lp, lr := prf(paragraphs(gold), paragraphs(pred))
	s.pages++
	s.p += p
	s.r += r
	s.lineP += lp
	s.lineR += lr
	if strings.Join(words(gold), " ") == strings.Join(words(pred), " ") {
		s.exact++
	}
	s.worst = append(s.worst, pageScore{name, harmonic(p, r)})
}

func (s *extractScore) report(t *testing.T, label string) (f1, lineF1 float64) {
	t.Helper()
	n := float64(s.pages)
	p, r := s.p/n, s.r/n
	lp, lr := s.lineP/n, s.lineR/n
	f1, lineF1 = harmonic(p, r), harmonic(lp, lr)
	t.Logf("%s: %d pages (%d failed to extract): shingles P %.3f R %.3f F1 %.3f; exact %d; paragraphs P %.3f R %.3f F1 %.3f",
		label, s.pages, s.failed, p, r, f1, s.exact, lp, lr, lineF1)
	sort.Slice(s.worst, func(i, j int) bool { return s.worst[i].f1 < s.worst[j].f1 })
	for _, w := range s.worst[:min(5, len(s.worst))] {
		t.Logf("  low: %s F1 %.3f", w.name, w.f1)
	}
	return f1, lineF1
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// prf returns the precision and recall of the multiset pred against gold
// (1 and 1 when both are empty).
func prf(gold, pred []string) (float64, float64) {
	if len(gold) == 0 && len(pred) == 0 {
		return 1, 1
	}
	count := map[string]int{}
	for _, g := range gold {
		count[g]++
	}
	tp := 0
	for _, x := range pred {
		if count[x] > 0 {
			count[x]--
			tp++
		}
	}
	if tp == 0 {
		return 0, 0
	}
	return float64(tp) / float64(len(pred)), float64(tp) / float64(len(gold))
}

// words returns the \w+ tokens of s, as Python's re module finds them.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_')
	})
}

// shingles returns the 4-token n-grams of toks, or toks as one shingle
// when there are fewer than 4.
func shingles(toks []string) []string {
	if len(toks) < 4 {
		if len(toks) == 0 {
			return nil
		}
		return []string{strings.Join(toks, " ")}
	}
	out := make([]string, 0, len(toks)-3)
	for i := 0; i+4 <= len(toks); i++ {
		out = append(out, strings.Join(toks[i:i+4], " "))
	}
	return out
}

// paragraphs returns the non-blank lines of s with white space collapsed.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = oneSpaced(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// TestFromHTML_ArticleExtractionBenchmark scores the extracted text against
// the human-checked article bodies of the Zyte article extraction
// benchmark, with its official metric, and holds floors.
func TestFromHTML_ArticleExtractionBenchmark(t *testing.T) {
	dir := shareddata.Dir(t, "article-extraction-benchmark")
	if testing.Short() {
		t.Skip("slow: 181 pages")
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatal(err)
	}
	lang := map[string]string{}
	idx, err := os.Open(filepath.Join(dir, "index.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	sc := bufio.NewScanner(idx)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) >= 2 {
			lang[f[0]] = f[1]
		}
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var all, en extractScore
	for _, id := range ids {
		page := gunzip(t, filepath.Join(dir, "html", id+".html.gz"))
		pred := ""
		d, _, err := FromHTML(page, gt[id].URL)
		if err != nil {
			t.Logf("%s: %v", id[:12], err)
			all.failed++
			if lang[id] == "en" {
				en.failed++
			}
		} else {
			pred = d.Text
		}
		all.add(id[:12], gt[id].ArticleBody, pred)
		if lang[id] == "en" {
			en.add(id[:12], gt[id].ArticleBody, pred)
		}
	}
	// The same scorer on a baseline's stored output checks the scorer
	// against the published figures.
	if b, err := os.ReadFile(filepath.Join(dir, "baselines", "go_readability.json")); err == nil {
		var base struct {
			Output map[string]struct {
				ArticleBody string `json:"articleBody"`
			} `json:"output"`
		}
		if err := json.Unmarshal(b, &base); err == nil {
			var bs extractScore
			for _, id := range ids {
				bs.add(id[:12], gt[id].ArticleBody, base.Output[id].ArticleBody)
			}
			bs.worst = nil
			bs.report(t, "baseline go_readability (published F1 0.934)")
		}
	}
	f1All, _ := all.report(t, "all")
	f1En, _ := en.report(t, "en")
	if f1All < floorAEBAll {
		t.Errorf("shingle F1 (all pages) %.3f below floor %.3f", f1All, floorAEBAll)
	}
	if f1En < floorAEBEn {
		t.Errorf("shingle F1 (English pages) %.3f below floor %.3f", f1En, floorAEBEn)
	}
}

// Floors for the extraction scores; they only go up.
const (
	floorAEBAll      = 0.955 // measured 0.958
	floorAEBEn       = 0.958 // measured 0.960
	floorRTPText     = 0.995 // measured 0.999
	floorRTPLines    = 0.990 // measured 0.993
	floorRTPMetadata = 0.980 // measured 0.983
)

// TestFromHTML_ReadabilityTestPages compares the extracted text with the
// text of Readability.js's output on Mozilla's English news test pages
// (a reference, not human gold), and the metadata with theirs.
func TestFromHTML_ReadabilityTestPages(t *testing.T) {
	dir := shareddata.Dir(t, "readability-testpages-en-news")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var s extractScore
	var title, site, by, date, dates int
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		page := gunzip(t, filepath.Join(dir, name, "source.html.gz"))
		want := gunzip(t, filepath.Join(dir, name, "expected.html.gz"))
		var md struct {
			Title, Byline, SiteName, PublishedTime string
		}
		mb, err := os.ReadFile(filepath.Join(dir, name, "expected-metadata.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(mb, &md); err != nil {
			t.Fatal(err)
		}
		root, err := html.Parse(bytes.NewReader(want))
		if err != nil {
			t.Fatal(err)
		}
		gold := plainText(root)
		d, _, err := FromHTML(page, "")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			s.failed++
			s.add(name, gold, "")
			continue
		}
		s.add(name, gold, d.Text)
		// FromHTML cuts a site name off the title on purpose.
		if d.Title == cutSiteName(oneSpaced(md.Title), oneSpaced(md.SiteName)) {
			title++
		} else {
			t.Logf("%s: title %q, want %q", name, d.Title, md.Title)
		}
		if d.Outlet == oneSpaced(md.SiteName) {
			site++
		}
		if d.Byline == byline(md.Byline) {
			by++
		}
		if md.PublishedTime != "" {
			dates++
			if wantDate := md.PublishedTime[:min(10, len(md.PublishedTime))]; d.Published.Format(time.DateOnly) == wantDate {
				date++
			} else {
				t.Logf("%s: published %s, want %s", name, d.Published.Format(time.DateOnly), md.PublishedTime)
			}
		}
	}
	f1, lineF1 := s.report(t, "readability test pages")
	meta := float64(title+site+by) / float64(3*s.pages)
	t.Logf("metadata agreement: title %d/%d, site name %d/%d, byline %d/%d, published date %d/%d",
		title, s.pages, site, s.pages, by, s.pages, date, dates)
	if f1 < floorRTPText {
		t.Errorf("shingle F1 %.3f below floor %.3f", f1, floorRTPText)
	}
	if lineF1 < floorRTPLines {
		t.Errorf("paragraph F1 %.3f below floor %.3f", lineF1, floorRTPLines)
	}
	if meta < floorRTPMetadata {
		t.Errorf("metadata agreement %.3f below floor %.3f", meta, floorRTPMetadata)
	}
}
