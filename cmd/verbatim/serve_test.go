package main

import (
	"context"
	"io"
	"net/http"
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

func TestRun_Serve(t *testing.T) {
	t.Setenv(tokenEnv, "from-env")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, &stderr)
	}()
	addrRe := regexp.MustCompile(`serving on (http://[^/\s]+)/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := addrRe.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("the server did not start: %s", stderr.String())
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, stderr.String())
		default:
		}
	}
	resp, err := http.Post(base+"/api/analyze", "application/json", strings.NewReader(`{"text":"\"The bridge will open in May,\" the mayor, Ines Dorado, said."}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"name":"Ines Dorado"`) {
		t.Errorf("analyze: %d %s", resp.StatusCode, body)
	}
	// The token comes from the environment: a write without it is refused
	// (before the missing corpus matters).
	resp, err = http.Post(base+"/api/articles", "application/json", strings.NewReader(`{"text":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("write without the token: %d, want 401", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after shutdown: %s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop")
	}
	if !strings.Contains(stderr.String(), "no corpus store") {
		t.Errorf("no warning about the missing corpus: %s", stderr.String())
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
