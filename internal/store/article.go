package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/render"
)

// Key returns the key an article is stored under: "url:" and its URL
// normalised (scheme and host lower-cased, the fragment and a default
// port dropped) when it has a URL, else "sha256:" and the hex SHA-256
// digest of its text.
func Key(rawURL, text string) string {
	if u := NormalizeURL(rawURL); u != "" {
		return "url:" + u
	}
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// NormalizeURL returns rawURL with its scheme and host lower-cased, its
// fragment and a default port dropped, or "" when it is empty or not an
// absolute URL.
func NormalizeURL(rawURL string) string {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		return ""
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && strings.HasSuffix(u.Host, ":80")) || (u.Scheme == "https" && strings.HasSuffix(u.Host, ":443")) {
		u.Host = u.Host[:strings.LastIndexByte(u.Host, ':')]
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// NewArticle converts an analysed document into the Article to store:
// its metadata, its JSON form and its statements with their quotes. A
// statement's speaker key is its entity's cross-article id; a statement
// that continues another one without a speaker of its own takes that
// statement's speaker.
func NewArticle(d *doc.Document) (*Article, error) {
	ja := render.NewArticle(d)
	b, err := json.Marshal(ja)
	if err != nil {
		return nil, fmt.Errorf("encoding the analysis: %w", err)
	}
	a := &Article{
		Key:       Key(d.URL, d.Text),
		DocID:     d.ID,
		URL:       d.URL,
		Title:     d.Title,
		Outlet:    d.Outlet,
		Published: ja.Published,
		Text:      d.Text,
		Analysis:  b,
	}
	for i, js := range ja.Statements {
		s := Statement{
			Ord:        i + 1,
			Kind:       js.Kind,
			Content:    js.Content.Text,
			Start:      js.Content.Start,
			End:        js.Content.End,
			Confidence: js.Confidence,
		}
		if js.Cue != nil {
			s.Cue = js.Cue.Text
		}
		if js.Source != nil {
			s.Source = js.Source.Text
		}
		if e := speakerOf(d, i); e >= 0 {
			ent := d.Entities[e]
			s.SpeakerKey, s.SpeakerName, s.SpeakerType, s.SpeakerRole = ent.ID, ent.Name, ent.Type.String(), render.Role(ent)
		}
		for j, q := range js.Quotes {
			s.Quotes = append(s.Quotes, Quote{Ord: j + 1, Text: q.Text, Start: q.Start, End: q.End})
		}
		a.Statements = append(a.Statements, s)
	}
	return a, nil
}

// speakerOf returns the entity index of statement i's speaker, following
// Continues links, or -1.
func speakerOf(d *doc.Document, i int) int {
	for hops := 0; i >= 0 && i < len(d.Statements) && hops < len(d.Statements); hops++ {
		s := d.Statements[i]
		if s.Speaker >= 0 && s.Speaker < len(d.Entities) {
			return s.Speaker
		}
		i = s.Continues
	}
	return -1
}
