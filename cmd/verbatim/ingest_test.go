package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/store"
)

// corpusLines returns n JSON Lines articles written for these tests:
// short reports of council meetings in invented towns, each quoting its
// mayor, so that every article differs and some quotes recur.
func corpusLines(n int) []string {
	towns := []string{"Harwick", "Lowmere", "Castlebay", "Ferrisford", "Oakhollow", "Brindle", "Saltmarsh"}
	names := []string{"Marta Vidal", "Owen Price", "Ines Moreau", "Tomas Berg", "Lena Okafor"}
	var lines []string
	for i := range n {
		town, name := towns[i%len(towns)], names[i%len(names)]
		text := fmt.Sprintf("The %s council met on Tuesday to discuss the harbour budget for year %d.\n"+
			"\"We will rebuild the sea wall before the storms come,\" said Lena Okafor, the mayor.\n"+
			"Councillors approved %d new posts after a debate that lasted %d hours.\n"+
			"%s said the vote showed \"a town that looks after itself\".",
			town, 2031+i, i%9+2, i%5+1, strings.Fields(name)[1])
		b, _ := json.Marshal(map[string]string{
			"id": fmt.Sprintf("council-%04d", i), "url": fmt.Sprintf("https://%s-courier.example/news/%d", strings.ToLower(town), i),
			"outlet": town + " Courier", "published": fmt.Sprintf("2031-03-%02d", i%28+1), "text": text,
		})
		lines = append(lines, string(b))
	}
	return lines
}

func TestIngest_QueriesAndIdempotence(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "corpus.db")
	in := writeFile(t, dir, "articles.jsonl", []byte(strings.Join(corpusLines(12), "\n")+"\n"))

	r := runCmd(t, "", "ingest", "--db", db, in)
	if r.code != exitOK || !strings.Contains(r.stderr, "12 stored, 0 already stored, 0 failed") {
		t.Fatalf("first ingest: %+v", r)
	}
	r = runCmd(t, "", "ingest", "--db", db, in)
	if r.code != exitOK || !strings.Contains(r.stderr, "0 stored, 12 already stored, 0 failed") || !strings.Contains(r.stderr, "holds 12 articles") {
		t.Fatalf("second ingest: %+v", r)
	}

	r = runCmd(t, "", "clusters", "--db", db, "--format", "json")
	var cs []clusterJSON
	if r.code != exitOK || json.Unmarshal([]byte(r.stdout), &cs) != nil || len(cs) == 0 {
		t.Fatalf("clusters: %+v", r)
	}
	var wall *clusterJSON
	for i := range cs {
		if strings.Contains(cs[i].Canonical, "sea wall") {
			wall = &cs[i]
		}
	}
	if wall == nil || wall.Size != 12 || wall.Outlets != 7 || wall.First.Published != "2031-03-01" || len(wall.Occurrences) != 12 {
		t.Errorf("sea wall cluster = %+v", wall)
	}
	// The text view counts in the singular where a count is one.
	if r := runCmd(t, "", "clusters", "--db", db); !strings.Contains(r.stdout, "12 occurrences in 12 articles from 7 outlets, 1 wording;") {
		t.Errorf("clusters text view:\n%s", r.stdout)
	}
	for _, c := range [][]string{
		{"quotes", "--text", "sea wall", "--from", "2031-03-05"},
		{"speakers"},
		{"clusters"},
		{"search", "sea", "wall"},
		{"show", "council-0003"},
	} {
		for _, format := range []string{"text", "json", "csv"} {
			args := append([]string{c[0], "--db", db, "--format", format}, c[1:]...)
			r := runCmd(t, "", args...)
			if r.code != exitOK || r.stdout == "" {
				t.Errorf("%v: %+v", args, r)
				continue
			}
			switch format {
			case "json":
				var v any
				if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
					t.Errorf("%v: not JSON: %v", args, err)
				}
			case "csv":
				recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
				if err != nil || len(recs) < 2 {
					t.Errorf("%v: CSV %d records, %v", args, len(recs), err)
				}
			}
		}
	}
	r = runCmd(t, "", "quotes", "--db", db, "--format", "json", "--outlet", "harwick")
	var qs []quoteJSON
	if json.Unmarshal([]byte(r.stdout), &qs) != nil || len(qs) != 4 || qs[0].Cluster == 0 {
		t.Errorf("quotes --outlet: %d quotes: %s", len(qs), r.stdout)
	}
	r = runCmd(t, "", "show", "--db", db, "no-such-article")
	if r.code != exitFailed || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show of a missing article: %+v", r)
	}
	r = runCmd(t, "", "quotes", "--db", filepath.Join(dir, "absent.db"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "no store at") {
		t.Errorf("quotes on a missing store: %+v", r)
	}
	r = runCmd(t, "", "quotes", "--db", db, "--format", "xml")
	if r.code != exitUsage {
		t.Errorf("bad --format: %+v", r)
	}
}

func TestIngest_BadInputsNamed(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	lines := corpusLines(6)
	writeFile(t, in, "a-good.jsonl", []byte(strings.Join(lines[:3], "\n")+"\n"))
	// Truncated mid-record: the first two records are read, the third is
	// reported by file and line.
	cut := strings.Join(lines[3:6], "\n")
	writeFile(t, in, "b-truncated.jsonl", []byte(cut[:len(cut)-60]))
	writeFile(t, in, "c-binary.txt", []byte("\x00\x01\x02PK\x03\x04 not text at all \x00\x00"))
	writeFile(t, in, "d-empty.html", []byte(""))
	writeFile(t, in, "e-broken.rss", []byte("<rss><channel><item><title>cut"))
	writeFile(t, in, "f-notes.txt", []byte("The ferry will run again in June, the harbour master said on Monday."))
	r := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "x.db"), in)
	if r.code != exitFailed {
		t.Fatalf("exit %d, want 1: %+v", r.code, r)
	}
	for _, want := range []string{"b-truncated.jsonl:3: malformed JSON", "c-binary.txt: ", "d-empty.html: ", "e-broken.rss: "} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "6 stored, 0 already stored, 4 failed") {
		t.Errorf("summary: %s", r.stderr)
	}
}

// TestIngest_KillNineThenResume kills an ingest with SIGKILL mid-way,
// runs the same ingest again, and checks that every article is stored
// exactly once and the store is sound: into SQLite, and into PostgreSQL
// when VERBATIM_TEST_POSTGRES names a database.
func TestIngest_KillNineThenResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "verbatim")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n = 1500
	lines := corpusLines(n)
	in := writeFile(t, dir, "articles.jsonl", []byte(strings.Join(lines, "\n")+"\n"))
	t.Run("sqlite", func(t *testing.T) {
		killAndResume(t, bin, filepath.Join(t.TempDir(), "corpus.db"), in, lines)
	})
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv("VERBATIM_TEST_POSTGRES") == "" {
			t.Skip("VERBATIM_TEST_POSTGRES is not set; skipping the PostgreSQL run")
		}
		killAndResume(t, bin, pgSchema(t), in, lines)
	})
}

func killAndResume(t *testing.T, bin, db, in string, lines []string) {
	n := len(lines)
	ctx := context.Background()
	// The first run reads standard input, fed as fast as it takes it, and
	// is killed once some articles are stored.
	cmd := exec.Command(bin, "ingest", "--db", db, "-j", "2", "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, l := range lines {
			if _, err := w.WriteString(l + "\n"); err != nil {
				return
			}
		}
		w.Flush()
		stdin.Close()
	}()
	stored := func() int {
		s, err := openStore(ctx, db, false)
		if err != nil {
			return 0
		}
		defer s.Close()
		st, err := s.Stats(ctx)
		if err != nil {
			return 0
		}
		return st.Articles
	}
	deadline := time.Now().Add(2 * time.Minute)
	for stored() < 100 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	before := stored()
	if before == 0 || before >= n {
		t.Fatalf("%d of %d articles stored when killed; the kill did not land mid-way", before, n)
	}
	t.Logf("killed with %d of %d articles stored", before, n)

	// The second run, on the same articles, completes the store.
	out, err := exec.Command(bin, "ingest", "--db", db, "-j", "2", in).CombinedOutput()
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	// A commit in flight when the client died may still land on a server
	// (PostgreSQL): the second run finds at least what was counted.
	var newN, already int
	if i := strings.Index(string(out), " stored, "); i < 0 {
		t.Errorf("second ingest says %q", out)
	} else if _, err := fmt.Sscanf(string(out)[strings.LastIndex(string(out[:i]), " ")+1:], "%d stored, %d already stored, 0 failed", &newN, &already); err != nil ||
		newN+already != n || already < before {
		t.Errorf("second ingest says %q; want %d stored and already stored in all, at least %d already", out, n, before)
	}
	s, err := openStore(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != n || st.Stale {
		t.Errorf("after resuming: %+v, want %d articles and clusters up to date", st, n)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("integrity: %v", err)
	}
	qs, err := s.Quotes(ctx, store.QuoteFilter{Text: "sea wall"})
	if err != nil || len(qs) != n {
		t.Errorf("%d quotes of the sea wall, %v; want one per article, %d", len(qs), err, n)
	}
}

// Articles are stored in input order whatever the number of workers, so
// the same inputs make the same store: the same clusters under the same
// numbers.
func TestIngest_SameInputsSameStore(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "articles.jsonl", []byte(strings.Join(corpusLines(24), "\n")+"\n"))
	var first string
	for i, j := range []string{"1", "4", "4", "8"} {
		db := filepath.Join(dir, fmt.Sprintf("corpus%d.db", i))
		if r := runCmd(t, "", "ingest", "-j", j, "--db", db, in); r.code != exitOK {
			t.Fatalf("ingest -j %s: %+v", j, r)
		}
		r := runCmd(t, "", "quotes", "--db", db, "--format", "csv")
		if r.code != exitOK {
			t.Fatalf("quotes: %+v", r)
		}
		if i == 0 {
			first = r.stdout
		} else if r.stdout != first {
			t.Fatalf("ingest -j %s made another store than -j 1:\n%s\nwant\n%s", j, r.stdout, first)
		}
	}
}
