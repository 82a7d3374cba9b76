package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// connections is how many concurrent connections the load benchmarks
// keep open against the server.
const connections = 64

// load runs request from `connections` goroutines over as many keep-alive
// connections to a real listener on loopback, and reports requests per
// second and the 50th and 99th percentile latencies. Any answer but 200
// fails the benchmark.
func load(b *testing.B, s http.Handler, request func() (*http.Request, error)) {
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{
		MaxConnsPerHost:     connections,
		MaxIdleConnsPerHost: connections,
		DisableCompression:  true,
	}}
	defer client.CloseIdleConnections()
	var mu sync.Mutex
	var latencies []time.Duration
	var failures atomic.Int64
	var firstFailure atomic.Value
	b.SetParallelism((connections + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			req, err := request()
			if err != nil {
				b.Error(err)
				return
			}
			req.URL.Scheme, req.URL.Host = "http", strings.TrimPrefix(ts.URL, "http://")
			t0 := time.Now()
			resp, err := client.Do(req)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err == nil && resp.StatusCode != http.StatusOK {
					err = &httpError{status: resp.StatusCode, msg: resp.Status}
				}
			}
			mine = append(mine, time.Since(t0))
			if err != nil {
				failures.Add(1)
				firstFailure.CompareAndSwap(nil, err.Error())
			}
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d of %d requests failed; the first: %v", n, len(latencies), firstFailure.Load())
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkServer_Analyze posts a 5 KB article to POST /api/analyze over
// 64 connections.
func BenchmarkServer_Analyze(b *testing.B) {
	text, err := os.ReadFile("testdata/bench/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"text": string(text), "published": "2025-10-14", "outlet": "The Courier"})
	s := newTestServer(b, Options{Corpus: openTestCorpus(b)})
	b.SetBytes(int64(len(text)))
	load(b, s, func() (*http.Request, error) {
		req, err := http.NewRequest("POST", "/api/analyze", strings.NewReader(string(body)))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
		return req, err
	})
}

// BenchmarkServer_Quotes reads GET /api/quotes (a page of 50, and a
// filtered page) over 64 connections, from the fixtures in a SQLite
// corpus store.
func BenchmarkServer_Quotes(b *testing.B) {
	s := newTestServer(b, Options{})
	var i atomic.Int64
	load(b, s, func() (*http.Request, error) {
		if i.Add(1)%2 == 0 {
			return http.NewRequest("GET", "/api/quotes?speaker=okafor&limit=10", nil)
		}
		return http.NewRequest("GET", "/api/quotes", nil)
	})
}
