package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// page is an article page written for these tests.
const page = `<!doctype html><html><head><title>Ferry service to resume</title></head><body>
<article><h1>Ferry service to resume</h1>
<p>The harbour master said on Monday that the night ferry would run again from June.</p>
<p>"We have repaired both engines and trained four new crew members," she told reporters at the quay.</p>
<p>Passengers had waited nine weeks for the service, which links the two islands.</p>
</article></body></html>`

const feed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour news</title>
<item><title>Ferry service to resume</title><link>%[1]s/ferry</link><pubDate>Mon, 02 Jun 2031 09:00:00 GMT</pubDate></item>
<item><title>No link here</title></item>
<item><title>Pier repairs</title><link>%[1]s/pier</link></item>
</channel></rss>`

// server is a test site: pages, a feed, a robots.txt, and endpoints that
// misbehave. It records when each request arrived.
func server(t *testing.T) (*httptest.Server, func() []time.Time) {
	var mu sync.Mutex
	var times []time.Time
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: OtherBot\nDisallow: /\n")
	})
	mux.HandleFunc("GET /ferry", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		if !strings.HasPrefix(r.UserAgent(), "Verbatim/") {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("GET /private/open", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "open") })
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, feed, "http://"+r.Host)
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, strings.Repeat("The tide came in. ", 200))
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("GET /image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, func() []time.Time { mu.Lock(); defer mu.Unlock(); return append([]time.Time(nil), times...) }
}

func TestFetcher_Get_Page(t *testing.T) {
	srv, _ := server(t)
	f := New(Options{PerHost: time.Millisecond})
	p, err := f.Get(context.Background(), srv.URL+"/ferry")
	if err != nil {
		t.Fatal(err)
	}
	if p.ContentType != "text/html" || p.IsFeed() {
		t.Errorf("content type %q, feed %v", p.ContentType, p.IsFeed())
	}
	d, _, err := p.Document()
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != srv.URL+"/ferry" || !strings.Contains(d.Text, "repaired both engines") {
		t.Errorf("document URL %q, text %q", d.URL, d.Text)
	}
}

func TestFetcher_Get_Errors(t *testing.T) {
	srv, _ := server(t)
	f := New(Options{PerHost: time.Millisecond, Timeout: 200 * time.Millisecond, MaxBytes: 1000})
	ctx := context.Background()
	cases := []struct {
		path string
		want string
	}{
		{"/missing", "HTTP 404"},
		{"/private/notes", ErrDisallowed.Error()},
		{"/slow", "deadline exceeded"},
		{"/big", "over the 1000-byte limit"},
	}
	for _, c := range cases {
		_, err := f.Get(ctx, srv.URL+c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Get(%s) error = %v, want %q", c.path, err, c.want)
		}
	}
	if _, err := f.Get(ctx, srv.URL+"/private/open"); err != nil {
		t.Errorf("Get(an allowed path under a disallowed one): %v", err)
	}
	if _, err := f.Get(ctx, "ftp://example.invalid/x"); err == nil {
		t.Error("Get(ftp URL) succeeded")
	}
	p, err := f.Get(ctx, srv.URL+"/image.png")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := p.Document(); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Document(image) error = %v, want ErrUnsupported", err)
	}
}

func TestFetcher_Get_PerHostRate(t *testing.T) {
	srv, times := server(t)
	const gap = 150 * time.Millisecond
	f := New(Options{PerHost: gap})
	start := time.Now()
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(context.Background(), srv.URL+"/ferry"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	ts := times()
	if len(ts) != 3 {
		t.Fatalf("%d requests arrived, want 3", len(ts))
	}
	// The limiter books the host's slots a gap apart from the first
	// request, which comes after start; a request may reach the server
	// later than its slot (the scheduler may hold it back), never
	// earlier. So the k-th to arrive does so k gaps after start at the
	// soonest, however loaded the machine; without the limiter all three
	// would arrive at once.
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	for k, at := range ts {
		if d := at.Sub(start); d < time.Duration(k)*gap {
			t.Errorf("request %d to one host arrived %v after the first was asked for, want at least %v", k+1, d, time.Duration(k)*gap)
		}
	}
}

func TestParseFeed_Items(t *testing.T) {
	srv, _ := server(t)
	f := New(Options{PerHost: time.Millisecond})
	p, err := f.Get(context.Background(), srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if !p.IsFeed() {
		t.Fatal("an RSS feed is not recognised as one")
	}
	items, err := ParseFeed(p.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].URL != srv.URL+"/ferry" || items[0].Published.IsZero() || items[1].Title != "Pier repairs" {
		t.Errorf("items = %+v", items)
	}
	if _, err := ParseFeed([]byte("<html>not a feed</html>")); err == nil {
		t.Error("ParseFeed(HTML) succeeded")
	}
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Pier</title><link href="https://harbour.example/pier"/><updated>2031-06-02T10:00:00Z</updated></entry></feed>`
	if !SniffFeed([]byte(atom)) {
		t.Error("Atom not sniffed as a feed")
	}
	if items, err := ParseFeed([]byte(atom)); err != nil || len(items) != 1 || items[0].URL != "https://harbour.example/pier" {
		t.Errorf("Atom items = %+v, %v", items, err)
	}
}

func TestParseRobots_Groups(t *testing.T) {
	r := parseRobots([]byte("User-agent: *\nDisallow: /a\n\nUser-agent: verbatim\nDisallow: /b\n"), DefaultUserAgent)
	if r == nil || len(r.disallow) != 1 || r.disallow[0] != "/b" {
		t.Errorf("own group not preferred: %+v", r)
	}
	if r := parseRobots([]byte("garbage\n\x00\n"), DefaultUserAgent); r != nil {
		t.Errorf("rules from garbage: %+v", r)
	}
}

// writeWARC writes a WARC file of the given records: each a WARC type,
// a target URI and a block.
func writeWARC(t *testing.T, path string, recs [][3]string) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	m := gowarc.NewMarshaler()
	for _, r := range recs {
		typ := map[string]gowarc.RecordType{"response": gowarc.Response, "request": gowarc.Request, "resource": gowarc.Resource}[r[0]]
		b := gowarc.NewRecordBuilder(typ, gowarc.WithFixContentLength(true), gowarc.WithFixDigest(true), gowarc.WithAddMissingRecordId(true))
		b.AddWarcHeader(gowarc.WarcTargetURI, r[1])
		b.AddWarcHeader(gowarc.WarcDate, "2031-06-02T10:00:00Z")
		switch r[0] {
		case "response":
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		case "request":
			b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		default:
			b.AddWarcHeader(gowarc.ContentType, "text/plain")
		}
		if _, err := b.WriteString(r[2]); err != nil {
			t.Fatal(err)
		}
		wr, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := m.Marshal(fh, wr, 0); err != nil {
			t.Fatal(err)
		}
	}
}

func httpResponse(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

func TestReadWARC_Pages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc")
	writeWARC(t, path, [][3]string{
		{"request", "https://harbour.example/ferry", "GET /ferry HTTP/1.1\r\nHost: harbour.example\r\n\r\n"},
		{"response", "https://harbour.example/ferry", httpResponse("200 OK", "text/html; charset=utf-8", page)},
		{"response", "https://harbour.example/gone", httpResponse("404 Not Found", "text/html", "<html><body>gone</body></html>")},
		{"response", "https://harbour.example/logo.png", httpResponse("200 OK", "image/png", "\x89PNG")},
		{"resource", "https://harbour.example/notice.txt", "The pier will close for repairs on Friday, the council said."},
	})
	var got []WARCItem
	if err := ReadWARC(path, 0, func(it WARCItem) error { got = append(got, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d items, want 2 (the HTML page and the text resource): %+v", len(got), got)
	}
	if got[0].Err != nil || got[0].Doc.URL != "https://harbour.example/ferry" || !strings.Contains(got[0].Doc.Text, "four new crew members") {
		t.Errorf("page item = %+v", got[0])
	}
	if got[1].Err != nil || !strings.Contains(got[1].Doc.Text, "pier will close") || !strings.HasPrefix(got[1].Name, path+"@") {
		t.Errorf("resource item = %+v", got[1])
	}

	// A truncated file: the records before the cut are read, the cut is
	// reported by name.
	b, _ := os.ReadFile(path)
	cut := filepath.Join(dir, "cut.warc")
	os.WriteFile(cut, b[:len(b)-40], 0o644)
	got = nil
	ReadWARC(cut, 0, func(it WARCItem) error { got = append(got, it); return nil })
	if len(got) == 0 || got[0].Err != nil {
		t.Fatalf("truncated WARC: %+v", got)
	}
	if last := got[len(got)-1]; last.Err == nil || !strings.Contains(last.Name, "cut.warc") {
		t.Errorf("truncation not reported by name: %+v", last)
	}

	// Not a WARC file at all.
	junk := filepath.Join(dir, "junk.warc")
	os.WriteFile(junk, []byte("this is not an archive\n"), 0o644)
	got = nil
	ReadWARC(junk, 0, func(it WARCItem) error { got = append(got, it); return nil })
	if len(got) != 1 || got[0].Err == nil || got[0].Name != junk {
		t.Errorf("junk WARC: %+v", got)
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/open\n"))
	f.Add([]byte("user-agent: verbatim\ndisallow:\n# comment\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := parseRobots(b, DefaultUserAgent)
		if r == nil {
			return
		}
		for _, p := range append(r.allow, r.disallow...) {
			if p == "" {
				t.Fatal("empty rule kept")
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(fmt.Sprintf(feed, "https://harbour.example")))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://a.example/x"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := ParseFeed(b)
		if err != nil {
			return
		}
		for _, it := range items {
			if !IsURL(it.URL) {
				t.Fatalf("item without an http(s) URL: %+v", it)
			}
		}
	})
}
