package server

import (
	"context"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/render"
	"github.com/verbatim-news/verbatim/internal/store"
)

// Errors a Corpus returns, the corpus store's own; the server turns them
// into HTTP statuses.
var (
	// ErrNotFound: the article, speaker or cluster asked for does not
	// exist (404).
	ErrNotFound = store.ErrNotFound
	// ErrBadCursor: a page cursor the corpus did not issue, or one it can
	// no longer read (400).
	ErrBadCursor = store.ErrBadCursor
)

// Corpus is what the server needs from a store of analysed articles;
// NewStoreCorpus adapts the corpus store (package store) to it. Every
// method takes the request's context first and is safe for concurrent
// use.
//
// Lists are paged: a method that takes a Page returns at most Page.Limit
// items (Limit is always between 1 and MaxLimit) after the position
// Page.Cursor names, and a List whose Next names the position after its
// last item, or "" when there is nothing more. A cursor is the
// implementation's own string (the server wraps it before clients see
// it); it names a position in the list's order, not an index, so that
// following Next does not repeat or skip an item that was listed before
// the first page was read, whatever was stored in between (within the
// limits store.Store states: search results may be reordered by the
// database's relevance scores, and a recluster may move a cluster whose
// size changed). A cursor the implementation cannot read gives
// ErrBadCursor.
type Corpus interface {
	// Ingest stores an analysed document. When the corpus already holds
	// the same article (the same URL, or the same text when it has no
	// URL) it changes nothing and returns created == false; id names the
	// stored article either way.
	Ingest(ctx context.Context, d *doc.Document) (id string, created bool, err error)

	// Articles lists stored articles, most recently published first
	// (unknown dates last), then the most recently stored first.
	Articles(ctx context.Context, p Page) (List[ArticleSummary], error)

	// Article returns one stored article with its analysis, or
	// ErrNotFound.
	Article(ctx context.Context, id string) (*Article, error)

	// Quotes lists the verbatim quotations that match f, oldest article
	// first (unknown dates last), then in article order.
	Quotes(ctx context.Context, f QuoteFilter, p Page) (List[Quote], error)

	// Speakers lists who is quoted, most statements first. Statements
	// whose speaker is unresolved are not listed.
	Speakers(ctx context.Context, f SpeakerFilter, p Page) (List[Speaker], error)

	// Speaker returns one speaker with counts by outlet and by day, and
	// a page of their statements, oldest first; or ErrNotFound.
	Speaker(ctx context.Context, id string, p Page) (*SpeakerDetail, error)

	// Clusters lists quote clusters (one utterance carried by several
	// articles), largest first: most occurrences, then most articles.
	Clusters(ctx context.Context, f ClusterFilter, p Page) (List[Cluster], error)

	// Cluster returns one cluster with every occurrence, earliest first,
	// or ErrNotFound.
	Cluster(ctx context.Context, id string) (*ClusterDetail, error)

	// Search finds statements whose content matches the query (every word
	// required; "quoted phrases" kept together), best match first.
	Search(ctx context.Context, query string, p Page) (List[Statement], error)
}

// MaxLimit is the largest page a client may ask for; DefaultLimit is the
// page size when it asks for none.
const (
	MaxLimit     = 200
	DefaultLimit = 50
)

// Page asks for one page of a list.
type Page struct {
	Cursor string // "" for the first page, else a List.Next
	Limit  int
}

// List is one page of a list.
type List[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"` // the cursor of the next page; "" at the end
}

// ArticleRef names a stored article where another item refers to it.
type ArticleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"` // YYYY-MM-DD, or ""
}

// ArticleSummary is a stored article in a list.
type ArticleSummary struct {
	ArticleRef
	Statements int `json:"statements"`
	Quotes     int `json:"quotes"`
	Speakers   int `json:"speakers"`
}

// Article is a stored article with its analysis: the same JSON as
// `verbatim analyze --format json` prints.
type Article struct {
	ArticleSummary
	Analysis *render.Article `json:"analysis"`
	// SpeakerKeys gives, by statement id ("s3"), the key under which the
	// corpus files the statement's speaker where it differs from the
	// analysis's: the store joins a speaker the article names in part
	// to the person it names in full elsewhere ("person/trump" is filed
	// as "person/donald-trump"). The analysis stays as the article reads.
	SpeakerKeys map[string]string `json:"-"`
}

// SpeakerRef names a speaker where another item refers to one. ID is the
// speaker's cross-article key ("person/maria-ostrander").
type SpeakerRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Statement is one stored statement with the article it is in.
type Statement struct {
	Article    ArticleRef  `json:"article"`
	ID         string      `json:"id"` // its id in the article's analysis: "s3"
	Kind       string      `json:"kind"`
	Content    string      `json:"content"`
	Start      int         `json:"start"` // code points into the article text
	End        int         `json:"end"`
	Cue        string      `json:"cue"`
	Source     string      `json:"source"`
	Speaker    *SpeakerRef `json:"speaker"`
	Confidence float64     `json:"confidence"`
}

// Quote is one verbatim quoted passage, with its statement and article.
type Quote struct {
	Article   ArticleRef  `json:"article"`
	Statement string      `json:"statement"` // the statement's id in the article: "s3"
	Kind      string      `json:"kind"`
	Text      string      `json:"text"`
	Start     int         `json:"start"` // code points into the article text
	End       int         `json:"end"`
	Speaker   *SpeakerRef `json:"speaker"`
	Cluster   string      `json:"cluster,omitempty"` // the quote's cluster, once clustered
	Misquote  bool        `json:"misquote,omitempty"`
}

// QuoteFilter selects quotes, as `verbatim quotes` does. Empty fields
// select everything; text matches are case-insensitive substrings.
type QuoteFilter struct {
	Speaker string // speaker key, or part of the name
	Outlet  string
	From    string // published on or after, YYYY-MM-DD
	To      string // published on or before, YYYY-MM-DD
	Text    string
	Cluster string
}

// Speaker is someone quoted, with counts.
type Speaker struct {
	SpeakerRef
	Type       string `json:"type"` // person, organization, group, place
	Role       string `json:"role"` // the most specific title the articles give
	Statements int    `json:"statements"`
	Quotes     int    `json:"quotes"`
	Articles   int    `json:"articles"`
	Outlets    int    `json:"outlets"`
}

// SpeakerFilter selects speakers.
type SpeakerFilter struct {
	Name string // key or name contains this, case-insensitively
}

// Count is a number of statements under a label: an outlet, or a day.
type Count struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// SpeakerDetail is everything the corpus holds about a speaker.
type SpeakerDetail struct {
	Speaker
	ByOutlet []Count `json:"by_outlet"` // statements by outlet, most first
	Timeline []Count `json:"timeline"`  // statements by publication day (YYYY-MM-DD), in order; undated statements are left out
	// StatementList is a page of their statements, oldest first.
	StatementList List[Statement] `json:"statement_list"`
}

// ClusterFilter selects clusters.
type ClusterFilter struct {
	Speaker string // speaker key, or part of the name
	Text    string // the canonical words contain this
}

// Cluster is one utterance tracked across articles.
type Cluster struct {
	ID        string      `json:"id"`
	Canonical string      `json:"canonical"` // the canonical words
	Speaker   *SpeakerRef `json:"speaker"`
	Size      int         `json:"size"` // occurrences
	Articles  int         `json:"articles"`
	Outlets   int         `json:"outlets"`
	Variants  int         `json:"variants"`  // distinct wordings
	Misquotes int         `json:"misquotes"` // occurrences flagged as possible misquotes
	FirstSeen string      `json:"first_seen"`
}

// ClusterDetail is a cluster with every occurrence, earliest first.
type ClusterDetail struct {
	Cluster
	Occurrences []Occurrence `json:"occurrences"`
}

// Occurrence is one outlet's version of a cluster's words.
type Occurrence struct {
	Quote
	First bool `json:"first"` // the earliest occurrence
	// Variant says how the wording differs from the canonical words, as
	// the clustering names it: "same", "truncated", "longer",
	// "reworded", "changed" or "paraphrase" (docs/corpus.md).
	Variant string `json:"variant"`
	// Diff is the word-level difference from the canonical words to this
	// version, in order.
	Diff []Edit `json:"diff"`
}

// Edit is one step of a word-level diff, over the words as the
// clustering normalises them (lower case, contractions expanded).
type Edit struct {
	Op   string `json:"op"`   // "equal", "insert" (only this version has it), "delete" (only the canonical words have it), "elide" (left out at an ellipsis)
	Text string `json:"text"` // the words
}

// The Edit operations.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
	OpElide  = "elide"
)
