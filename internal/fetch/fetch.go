// Package fetch gets articles from the web and from web archives: pages
// over HTTP (with a timeout, a size limit, a polite per-host rate, a
// User-Agent that names Verbatim, and robots.txt obeyed), RSS and Atom
// feeds whose items are then fetched (github.com/mmcdole/gofeed), and
// WARC files as news crawls ship them (github.com/nlnwa/gowarc). Pages
// become doc.Documents through package ingest.
package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/ingest"
)

// Errors.
var (
	// ErrDisallowed is returned for a URL the site's robots.txt disallows.
	ErrDisallowed = errors.New("disallowed by the site's robots.txt")
	// ErrUnsupported is returned for a page that is neither HTML, plain
	// text nor a feed.
	ErrUnsupported = errors.New("unsupported content type")
)

// Options control fetching. Zero fields take the defaults.
type Options struct {
	Timeout   time.Duration // one request, default 30s
	MaxBytes  int64         // largest body read, default ingest.DefaultMaxBytes
	PerHost   time.Duration // least time between two requests to one host, default 1s
	UserAgent string        // default DefaultUserAgent
	// Client is the HTTP client to use; default a new one with Timeout.
	Client *http.Client
	// IgnoreRobots skips the robots.txt check.
	IgnoreRobots bool
}

// DefaultUserAgent names Verbatim to the sites it fetches from.
const DefaultUserAgent = "Verbatim/1 (news quotation tracker; +https://github.com/verbatim-news/verbatim)"

// Fetcher fetches pages. It is safe for concurrent use; requests to one
// host are spaced by Options.PerHost whatever the number of goroutines.
type Fetcher struct {
	// immutable
	o      Options
	client *http.Client

	// state
	mu     sync.Mutex
	next   map[string]time.Time // host -> earliest time of its next request
	robots map[string]*robots   // host -> its rules (nil rules: allow all)
}

// New returns a Fetcher.
func New(o Options) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = ingest.DefaultMaxBytes
	}
	if o.PerHost <= 0 {
		o.PerHost = time.Second
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	c := o.Client
	if c == nil {
		c = &http.Client{Timeout: o.Timeout}
	}
	return &Fetcher{o: o, client: c, next: map[string]time.Time{}, robots: map[string]*robots{}}
}

// Page is a fetched page.
type Page struct {
	URL         string // after redirects
	ContentType string // the media type, without parameters
	Body        []byte
}

// IsURL reports whether s is an http or https URL.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Get fetches rawURL, waiting for the host's turn first. A status other
// than 2xx, a body over MaxBytes and a URL robots.txt disallows are
// errors.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("not an http(s) URL: %q", rawURL)
	}
	if !f.o.IgnoreRobots {
		ok, err := f.allowed(ctx, u)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, ErrDisallowed
		}
	}
	return f.get(ctx, u)
}

func (f *Fetcher) get(ctx context.Context, u *url.URL) (*Page, error) {
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.o.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.8, */*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > f.o.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the %d-byte limit (raise it with --max-size)", ingest.ErrTooLarge, resp.ContentLength, f.o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.o.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", err)
	}
	if int64(len(body)) > f.o.MaxBytes {
		return nil, fmt.Errorf("%w: over the %d-byte limit (raise it with --max-size)", ingest.ErrTooLarge, f.o.MaxBytes)
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &Page{URL: resp.Request.URL.String(), ContentType: ct, Body: body}, nil
}

// wait blocks until the host's next request may go, and books the slot
// after it.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.o.PerHost)
	f.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// IsFeed reports whether a page is an RSS or Atom feed, from its content
// type or, for a generic XML type, from its first element.
func (p *Page) IsFeed() bool {
	switch p.ContentType {
	case "application/rss+xml", "application/atom+xml", "application/feed+json":
		return true
	case "text/xml", "application/xml", "", "text/plain", "application/octet-stream":
		return SniffFeed(p.Body)
	}
	return false
}

// SniffFeed reports whether b begins like an RSS or Atom document.
func SniffFeed(b []byte) bool {
	head := b[:min(len(b), 1024)]
	head = bytes.ToLower(head)
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf"))
}

// Document turns a fetched page into a document: HTML pages through
// ingest.FromHTML (the page's URL fills the document's), plain text as
// it is.
func (p *Page) Document() (*doc.Document, []string, error) {
	var d *doc.Document
	var warn []string
	var err error
	switch {
	case p.ContentType == "text/html" || p.ContentType == "application/xhtml+xml" ||
		(p.ContentType == "" && bytes.Contains(bytes.ToLower(p.Body[:min(len(p.Body), 1024)]), []byte("<html"))):
		d, warn, err = ingest.FromHTML(p.Body, p.URL)
	case p.ContentType == "text/plain":
		d, warn, err = ingest.FromText(p.Body)
	default:
		return nil, nil, fmt.Errorf("%w %q", ErrUnsupported, p.ContentType)
	}
	if err != nil {
		return nil, nil, err
	}
	if d.URL == "" {
		d.URL = p.URL
	}
	return d, warn, nil
}

// robots is the part of a robots.txt that applies to Verbatim: the path
// prefixes it may not fetch, and those it may despite them.
type robots struct {
	disallow, allow []string
}

// allowed reports whether robots.txt lets Verbatim fetch u. A site
// without a readable robots.txt allows everything.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	r, ok := f.robots[key]
	f.mu.Unlock()
	if !ok {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		p, err := f.get(ctx, ru)
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if err == nil {
			r = parseRobots(p.Body, f.o.UserAgent)
		}
		f.mu.Lock()
		f.robots[key] = r
		f.mu.Unlock()
	}
	if r == nil {
		return true, nil
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	longest, allow := -1, true
	for _, p := range r.disallow {
		if strings.HasPrefix(path, p) && len(p) > longest {
			longest, allow = len(p), false
		}
	}
	for _, p := range r.allow {
		if strings.HasPrefix(path, p) && len(p) >= longest {
			longest, allow = len(p), true
		}
	}
	return allow, nil
}

// parseRobots reads the rules of the group for agent (its first word,
// "Verbatim"), or of the group for every agent ("*") when there is none.
func parseRobots(b []byte, agent string) *robots {
	name := strings.ToLower(strings.SplitN(agent, "/", 2)[0])
	var mine, star *robots
	var current []*robots
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if inRules {
				current, inRules = nil, false
			}
			a := strings.ToLower(v)
			switch {
			case a == "*":
				if star == nil {
					star = &robots{}
				}
				current = append(current, star)
			case strings.HasPrefix(name, a) || strings.HasPrefix(a, name):
				if mine == nil {
					mine = &robots{}
				}
				current = append(current, mine)
			default:
				current = append(current, &robots{}) // someone else's group
			}
		case "disallow", "allow":
			inRules = true
			if v == "" {
				continue
			}
			for _, r := range current {
				if k == "allow" {
					r.allow = append(r.allow, v)
				} else {
					r.disallow = append(r.disallow, v)
				}
			}
		}
	}
	if mine != nil {
		return mine
	}
	return star
}
