package ingest

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// maxHTMLDepth is the deepest element nesting FromHTML accepts. Real pages
// stay far below it; deeper input is refused rather than risk exhausting
// the stack in the extractor's recursive passes.
const maxHTMLDepth = 512

// FromHTML extracts the main article text of an HTML page with the
// readability algorithm (codeberg.org/readeck/go-readability), dropping
// navigation, adverts and other boilerplate. The page's title, byline,
// publication date (from its meta tags, JSON-LD or time elements), site
// name (as Outlet) and URL are kept as metadata. pageURL, when known, is
// the URL; otherwise the page's canonical URL is used.
//
// The document text is the extracted plain text with one paragraph per
// line: every block element (paragraph, heading, list item, table row,
// quotation block) and every <br> ends a line, white space inside a line
// is collapsed to single spaces, and blank lines are dropped. Offsets
// index this text, not the HTML source. The page's character set is
// taken from its byte-order mark or meta tag, else UTF-8 (Windows-1252
// when it is not valid UTF-8). A page with no article text (no line of at
// least four words or 25 characters) is refused with ErrNoText.
func FromHTML(b []byte, pageURL string) (*doc.Document, []string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, nil, ErrEmpty
	}
	var warn []string
	enc, name, _ := charset.DetermineEncoding(b, "text/html")
	if name != "utf-16le" && name != "utf-16be" {
		if err := checkBinary(b); err != nil {
			return nil, nil, err
		}
	}
	if utf8.Valid(b) && (name == "windows-1252" || name == "utf-8") {
		// Valid UTF-8 is UTF-8, whatever the page declares: the labels
		// windows-1252 and iso-8859-1 (which both mean windows-1252 here)
		// are the common mislabel, and windows-1252 is also the guess
		// when the page declares nothing in its first kilobyte.
		name = "utf-8"
	}
	if name != "utf-8" {
		u, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot decode the page from %s: %v", name, err)
		}
		b = u
	} else if !utf8.Valid(b) {
		s, n, first := repairUTF8(b)
		b = []byte(s)
		warn = append(warn, fmt.Sprintf("not valid UTF-8: %d byte(s) read as Windows-1252, the first at byte offset %d", n, first))
	}
	if nestedDeeper(b, maxHTMLDepth) {
		return nil, nil, fmt.Errorf("elements nested more than %d deep; not a page this reader accepts", maxHTMLDepth)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot parse the HTML: %v", err)
	}
	if depth(root) > maxHTMLDepth {
		return nil, nil, fmt.Errorf("elements nested more than %d deep; not a page this reader accepts", maxHTMLDepth)
	}
	meta := pageMeta(root)

	var u *nurl.URL
	if pageURL == "" {
		pageURL = meta.url
	}
	if pageURL != "" {
		if pu, err := nurl.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	p := readability.NewParser()
	art, err := p.ParseAndMutate(root, u)
	if err != nil {
		return nil, nil, fmt.Errorf("article extraction failed: %v", err)
	}
	if art.Node == nil {
		return nil, nil, ErrNoText
	}
	text := plainText(art.Node)
	if !hasProse(text) {
		return nil, nil, ErrNoText
	}
	d := &doc.Document{
		Text:   text,
		Title:  cutSiteName(oneSpaced(art.Title()), oneSpaced(art.SiteName())),
		Byline: byline(art.Byline()),
		Outlet: oneSpaced(art.SiteName()),
		URL:    pageURL,
	}
	if t, err := art.PublishedTime(); err == nil {
		d.Published = dateOf(t)
	} else if meta.published != "" {
		if t, err := dateparse.ParseIn(meta.published, time.UTC); err == nil {
			d.Published = dateOf(t)
		}
	}
	return d, warn, nil
}

// hasProse reports whether text has a line of at least four words or 25
// characters (for scripts written without spaces): what is left of a page
// without an article is menu items and labels.
func hasProse(text string) bool {
	for line := range strings.Lines(text) {
		if len(strings.Fields(line)) >= 4 || utf8.RuneCountInString(line) >= 25 {
			return true
		}
	}
	return false
}

// dateOf returns the calendar date of t, in t's own time zone (the date
// the page states), at midnight UTC.
func dateOf(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// depth returns how deep elements nest below n, giving up past
// maxHTMLDepth. It walks without recursion.
func depth(n *html.Node) int {
	deepest, d := 0, 0
	for c := n; c != nil; {
		if c.FirstChild != nil {
			c = c.FirstChild
			d++
			if d > deepest {
				deepest = d
				if deepest > maxHTMLDepth {
					return deepest
				}
			}
			continue
		}
		for c != n && c.NextSibling == nil {
			c = c.Parent
			d--
		}
		if c == n {
			break
		}
		c = c.NextSibling
	}
	return deepest
}

// nestedDeeper reports whether the tags of page open more than max
// elements without closing them, counting only elements that need an end
// tag. It runs before parsing because the HTML parser's time grows with
// the product of the number of tags and their depth.
func nestedDeeper(page []byte, max int) bool {
	z := html.NewTokenizer(bytes.NewReader(page))
	open := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if needsEndTag(atom.Lookup(name)) {
				if open++; open > max {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if open > 0 && needsEndTag(atom.Lookup(name)) {
				open--
			}
		}
	}
}

// needsEndTag reports elements that are neither void nor closed implicitly
// by what follows them.
func needsEndTag(a atom.Atom) bool {
	switch a {
	case 0, atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr,
		atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Optgroup, atom.Tr,
		atom.Td, atom.Th, atom.Thead, atom.Tbody, atom.Tfoot, atom.Rb, atom.Rt,
		atom.Rp, atom.Colgroup, atom.Caption, atom.Html, atom.Head, atom.Body:
		return false
	}
	return true
}

// meta is what FromHTML reads from the page itself, besides readability.
type meta struct {
	url       string // canonical URL
	published string // publication date as the page writes it
}

// publishedNames are meta tag names and properties (lower case) that give
// a page's publication date, best first.
var publishedNames = []string{
	"article:published_time", "og:published_time", "datepublished",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date",
	"pubdate", "publishdate", "publish-date", "publish_date",
	"article.published", "sailthru.date", "parsely-pub-date",
	"citation_publication_date", "originalpublicationdate",
}

// pageMeta reads the canonical URL and a publication date from the meta
// and link tags of the page, and from <time> elements marked as the
// publication time.
func pageMeta(root *html.Node) meta {
	var m meta
	found := map[string]string{}
	var timeDate string
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
				m.url = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(attr(n, "property") + attr(n, "name") + attr(n, "itemprop")))
			val := strings.TrimSpace(attr(n, "content"))
			if key == "og:url" && m.url == "" {
				m.url = val
			}
			if _, ok := found[key]; !ok && val != "" {
				found[key] = val
			}
		case atom.Time:
			if timeDate == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datepublished")) {
				timeDate = strings.TrimSpace(attr(n, "datetime"))
			}
		}
	}
	for _, k := range publishedNames {
		if v := found[k]; v != "" {
			m.published = v
			break
		}
	}
	if m.published == "" {
		m.published = timeDate
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// oneSpaced collapses runs of white space to single spaces and trims.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// cutSiteName cuts the site name from a title that ends or starts with it
// after a separator: "Harbour works delayed | The Coastal Ledger".
func cutSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return t
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && t != "" {
			return t
		}
	}
	return title
}

// byline cleans a byline: white space collapsed and a leading "By" cut.
func byline(s string) string {
	s = oneSpaced(s)
	for _, p := range []string{"By ", "by ", "BY "} {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// plainText returns the plain text of the HTML tree under n, one paragraph per
// line: block elements and <br> end lines, white space within a line is
// collapsed to single spaces, blank lines are dropped, and scripts, styles,
// forms, media and hidden elements are skipped. Soft hyphens and
// zero-width characters are removed; other control characters become
// spaces.
func plainText(n *html.Node) string {
	var r renderer
	r.walk(n, false)
	r.endLine()
	return strings.Join(r.lines, "\n")
}

type renderer struct {
	lines []string
	line  strings.Builder
	space bool // a space is due before the next visible character
}

func (r *renderer) endLine() {
	if r.line.Len() > 0 {
		r.lines = append(r.lines, r.line.String())
		r.line.Reset()
	}
	r.space = false
}

func (r *renderer) text(s string, pre bool) {
	for _, c := range s {
		switch {
		case pre && (c == '\n' || c == '\r'):
			r.endLine()
		case c == '\u2028' || c == '\u2029':
			r.endLine()
		case c == '\u00ad' || c == '\u200b' || c == '\u2060' || c == '\ufeff':
			// invisible: soft hyphen, zero-width space, word joiner, BOM
		case unicode.IsSpace(c) || unicode.IsControl(c):
			if r.line.Len() > 0 {
				r.space = true
			}
		default:
			if r.space {
				r.line.WriteByte(' ')
				r.space = false
			}
			r.line.WriteRune(c)
		}
	}
}

// walk renders n and its descendants; pre is true inside <pre>.
func (r *renderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipped(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := isBlock(n.DataAtom)
	switch {
	case n.DataAtom == atom.Br:
		r.endLine()
		return
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		if r.line.Len() > 0 {
			r.space = true
		}
	case block:
		r.endLine()
	}
	if n.DataAtom == atom.Pre {
		pre = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre)
	}
	if block {
		r.endLine()
	}
}

// skipped reports elements whose content is not article text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas,
		atom.Video, atom.Audio, atom.Button, atom.Select, atom.Input,
		atom.Textarea, atom.Form, atom.Figcaption:
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	st := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl,
		atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hgroup, atom.Hr, atom.Legend, atom.Li, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul:
		return true
	}
	return false
}
