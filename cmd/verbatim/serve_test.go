package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a writer the test can read while the command writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs `verbatim serve` with args on a free port until the
// test ends, and returns its base URL and its stderr.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), io.Discard, &stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("exit %d after shutdown: %s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Error("the server did not stop")
		}
	})
	addrRe := regexp.MustCompile(`serving on (http://[^/\s]+)/`)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if m := addrRe.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], &stderr
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start: %s", stderr.String())
		}
		select {
		case code := <-done:
			done <- code
			t.Fatalf("serve exited %d: %s", code, stderr.String())
		default:
		}
	}
}

// request sends a request with a JSON body (when given) and returns the
// status and body of the answer.
func request(t *testing.T, method, url, body string, header ...string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRun_Serve(t *testing.T) {
	t.Setenv(tokenEnv, "from-env")
	db := filepath.Join(t.TempDir(), "corpus.db")
	base, stderr := startServe(t, "--db", db)
	if !strings.Contains(stderr.String(), "corpus "+db+": 0 articles") {
		t.Errorf("no word of the new, empty corpus: %s", stderr.String())
	}
	code, body := request(t, "POST", base+"/api/analyze", `{"text":"\"The bridge will open in May,\" the mayor, Ines Dorado, said."}`)
	if code != 200 || !strings.Contains(body, `"name":"Ines Dorado"`) {
		t.Errorf("analyze: %d %s", code, body)
	}
	// The token comes from the environment: a write without it is refused.
	article := `{"text":"\"The bridge will open in May,\" the mayor, Ines Dorado, said on Friday.","url":"https://courier.example/bridge","published":"2025-03-14","outlet":"The Courier"}`
	if code, _ := request(t, "POST", base+"/api/articles", article); code != http.StatusUnauthorized {
		t.Errorf("write without the token: %d, want 401", code)
	}
	if code, body := request(t, "POST", base+"/api/articles", article, "Authorization", "Bearer from-env"); code != http.StatusCreated {
		t.Fatalf("write with the token: %d %s", code, body)
	}
	// The article is in the store, and the lists read it.
	for path, want := range map[string]string{
		"/api/articles":                    `"outlet":"The Courier"`,
		"/api/quotes?speaker=dorado":       `"text":"The bridge will open in May,"`,
		"/api/speakers/person/ines-dorado": `"by_outlet":[{"label":"The Courier","count":1}]`,
		"/speakers":                        "Ines Dorado",
	} {
		if code, body := request(t, "GET", base+path, ""); code != 200 || !strings.Contains(body, want) {
			t.Errorf("%s: %d %.300s; want %s", path, code, body, want)
		}
	}
	s, err := openStore(context.Background(), db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Stats(context.Background()); err != nil || st.Articles != 1 || st.Stale {
		t.Errorf("the store after one POST: %+v, %v; want one article, clusters up to date", st, err)
	}
}

func TestRun_ServeReadOnly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corpus.db")
	r := runCmd(t, "", "serve", "--addr", "127.0.0.1:0", "--read-only", "--db", db)
	if r.code != exitFailed || !strings.Contains(r.stderr, "no store at "+db) {
		t.Errorf("read-only over a missing store: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a read-only server created the store")
	}
	// Over a store that exists it serves it, and refuses writes.
	if r := runCmd(t, "", "ingest", "--db", db, "testdata/mixed/council.txt"); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	base, _ := startServe(t, "--read-only", "--db", db)
	if code, body := request(t, "GET", base+"/api/articles", ""); code != 200 || !strings.Contains(body, `"statements"`) {
		t.Errorf("articles: %d %s", code, body)
	}
	if code, _ := request(t, "POST", base+"/api/articles", `{"text":"He said so."}`); code != http.StatusForbidden {
		t.Errorf("a write to a read-only server: %d, want 403", code)
	}
}

func TestRun_ServeUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"serve", "--max-body", "0"}, exitUsage, "--max-body"},
		{[]string{"serve", "--addr", "nowhere"}, exitUsage, "--addr"},
		{[]string{"serve", "extra"}, exitUsage, "unknown command"},
		{[]string{"serve", "--nope"}, exitUsage, "unknown flag"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := runCmd(t, "", tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.says) {
				t.Errorf("exit %d stderr %q, want %d saying %q", r.code, r.stderr, tc.code, tc.says)
			}
		})
	}
}
