package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/ingest"
)

// fetcher fetches articles by URL for the analysis endpoints. Unless
// private addresses are allowed, it refuses to connect to any address
// that is not public, checking the address it is about to connect to
// (after DNS, on every redirect), so that neither a name that resolves
// to a private address nor a redirect to one gets through.
type fetcher struct {
	client  *http.Client
	maxBody int64
}

// errPrivate reports a refused address.
var errPrivate = errors.New("refusing to fetch from a loopback, private or otherwise non-public address")

func newFetcher(allowPrivate bool, maxBody int64, timeout time.Duration) *fetcher {
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if !allowPrivate {
		dialer.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil || !publicAddr(ap.Addr()) {
				return fmt.Errorf("%w (%s)", errPrivate, address)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would connect for us, past the check
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
	}
	return &fetcher{
		maxBody: maxBody,
		client: &http.Client{
			Transport: tr,
			Timeout:   timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 5 {
					return errors.New("more than 5 redirects")
				}
				return checkScheme(req.URL)
			},
		},
	}
}

// publicAddr reports whether a is a public unicast address: not
// loopback, private (RFC 1918, unique-local), link-local, unspecified,
// multicast, shared (RFC 6598), or reserved for documentation and
// benchmarks.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() ||
		a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // shared address space
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"), // NAT64 can reach any IPv4 address
	netip.MustParsePrefix("2001:db8::/32"),
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("only http and https URLs can be fetched, not %q", u.Scheme)
	}
	return nil
}

// document fetches the page at rawURL and reads it as an article: HTML
// through ingest.FromHTML, plain text through ingest.FromText.
func (f *fetcher) document(ctx context.Context, rawURL string) (*doc.Document, []string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || !u.IsAbs() {
		return nil, nil, errorf(http.StatusBadRequest, "url: %q is not an absolute URL", rawURL)
	}
	if err := checkScheme(u); err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "url: %v", err)
	}
	if u.Host == "" {
		return nil, nil, errorf(http.StatusBadRequest, "url: %q names no host", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, errorf(http.StatusBadRequest, "url: %v", err)
	}
	req.Header.Set("User-Agent", "Verbatim (+https://github.com/verbatim-news/verbatim)")
	req.Header.Set("Accept", "text/html, application/xhtml+xml, text/plain;q=0.8")
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, errPrivate) {
			return nil, nil, errorf(http.StatusForbidden, "url: %s: %v", u.Host, errPrivate)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, nil, errorf(http.StatusBadGateway, "url: fetching %s: %v", u.Host, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, errorf(http.StatusBadGateway, "url: %s answered %s", u.Host, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBody+1))
	if err != nil {
		return nil, nil, errorf(http.StatusBadGateway, "url: reading from %s: %v", u.Host, err)
	}
	if int64(len(body)) > f.maxBody {
		return nil, nil, errorf(http.StatusBadGateway, "url: the page is over the %d-byte limit", f.maxBody)
	}
	final := resp.Request.URL.String()
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case mt == "text/plain":
		d, warn, err := ingest.FromText(body)
		if err == nil {
			d.URL = final
		}
		return d, warn, err
	case mt == "text/html", mt == "application/xhtml+xml", mt == "" && strings.HasPrefix(strings.TrimSpace(string(body[:min(len(body), 512)])), "<"):
		return ingest.FromHTML(body, final)
	}
	return nil, nil, errorf(http.StatusUnprocessableEntity, "url: %s is %s, not an HTML page or plain text", final, mt)
}
