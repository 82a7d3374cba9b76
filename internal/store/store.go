// Package store keeps a corpus of analysed articles and the quote clusters
// that track each statement across outlets. It defines the Store interface,
// the domain types it stores and returns, and the sentinel errors; the
// implementations live in subpackages (store/sqlite, the default, and
// store/postgres), and store/storetest holds the conformance suite both
// pass. Open picks the implementation from a DSN.
//
// An article is keyed by its URL when it has one, else by a hash of its
// text (Key). Storing an article whose key is already stored changes
// nothing, so ingesting the same input twice is a no-op. Each article is
// stored in one transaction with its statements and quotes, so a process
// killed mid-ingest leaves every article either wholly stored or absent.
//
// Quote clusters are recomputed deterministically from every stored quote
// (package cluster) by Recluster, in one transaction; a version counter
// bumped by every new article tells whether the clusters are stale, so a
// run killed before it reclustered is caught up by the next one.
package store

import (
	"context"
	"errors"
	"time"
)

// Sentinel errors.
var (
	// ErrNotFound is returned when a looked-up article does not exist.
	ErrNotFound = errors.New("not found")
	// ErrBadDSN is returned by Open for a DSN no implementation accepts.
	ErrBadDSN = errors.New("bad database address")
	// ErrSchemaTooNew is returned when the database was written by a
	// newer version of Verbatim than this one.
	ErrSchemaTooNew = errors.New("database schema is newer than this program")
)

// Store is a corpus of analysed articles. Every method takes a context
// first and is safe for concurrent use; several processes may use one
// store at once.
type Store interface {
	// PutArticle stores a, its statements and their quotes in one
	// transaction, and sets the IDs in a. When an article with a.Key is
	// already stored it changes nothing and returns created == false
	// with a.ID set to the stored article's id. It fails when a.Key is
	// empty.
	PutArticle(ctx context.Context, a *Article) (created bool, err error)

	// HasArticle reports whether an article with this key is stored.
	HasArticle(ctx context.Context, key string) (bool, error)

	// Article returns the stored article that ref names: its numeric id,
	// its key, its URL or its input id (the first match in that order),
	// with its statements and quotes. It returns ErrNotFound when no
	// article matches.
	Article(ctx context.Context, ref string) (*Article, error)

	// Quotes returns the quotations that match f, oldest article first
	// (unknown dates last), then in article order.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)

	// Speakers returns who is quoted, most statements first. Statements
	// whose speaker is unresolved are counted under the empty key.
	Speakers(ctx context.Context, f SpeakerFilter) ([]SpeakerStat, error)

	// Clusters returns the quote clusters that match f, largest first,
	// each with its occurrences. It reads the clusters as last computed;
	// call Recluster first to bring them up to date.
	Clusters(ctx context.Context, f ClusterFilter) ([]Cluster, error)

	// Search finds statements whose content matches the full-text query
	// (words, all required; "quoted phrases"), best match first.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)

	// Recluster recomputes the quote clusters from every stored quote
	// when articles were stored since they were last computed (or always,
	// with force), in one transaction. It returns whether it recomputed.
	// The result depends only on the stored quotes, not on the order the
	// articles were stored in.
	Recluster(ctx context.Context, force bool) (bool, error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// Check verifies the store's integrity: the database's own check and
	// the invariants of the schema (one article per key, statements and
	// quotes that belong to stored articles, quotes inside their
	// statements, cluster sizes that match their occurrences). It returns
	// an error describing the first problem found.
	Check(ctx context.Context) error

	// Close releases the store.
	Close() error
}

// Article is one stored article and its analysis.
type Article struct {
	ID        int64  // assigned by the store
	Key       string // unique: "url:" + normalised URL, or "sha256:" + hex digest of Text
	DocID     string // the input's id
	URL       string
	Title     string
	Outlet    string
	Published string // YYYY-MM-DD, or "" when unknown
	Text      string
	// Analysis is the article's JSON form (docs/schema.md), as
	// `verbatim analyze --format json` prints it.
	Analysis   []byte
	IngestedAt time.Time // set by the store
	Statements []Statement
}

// Statement is one stored attribution. Offsets are Unicode code points
// into the article's text, as in the JSON schema.
type Statement struct {
	ID         int64
	ArticleID  int64
	Ord        int    // 1 for the JSON id "s1", ...
	Kind       string // direct, indirect, mixed
	Content    string
	Start, End int
	Cue        string
	Source     string
	// SpeakerKey is the speaker's cross-article key (the entity id, such
	// as "person/vladimir-putin"), or "" when unresolved.
	SpeakerKey  string
	SpeakerName string
	SpeakerType string
	Confidence  float64
	Quotes      []Quote
}

// Quote is one verbatim quoted passage inside a statement.
type Quote struct {
	ID          int64
	StatementID int64
	ArticleID   int64
	Ord         int // position in the statement, from 1
	Text        string
	Start, End  int
	// ClusterID is the quote cluster the quote belongs to (0 before
	// clustering); Variant says how its wording differs from the
	// cluster's canonical text (cluster.Variant names), Misquote flags a
	// possible misquote, and Diff is the word-level diff against the
	// canonical text (cluster.Diff.String form).
	ClusterID int64
	Variant   string
	Misquote  bool
	Diff      string
}

// QuoteRow is a quote with the article and statement it comes from.
type QuoteRow struct {
	Quote
	DocID       string
	URL         string
	Outlet      string
	Published   string
	SpeakerKey  string
	SpeakerName string
	Source      string
}

// QuoteFilter selects quotes. Empty fields select everything; string
// matches are case-insensitive substrings.
type QuoteFilter struct {
	Speaker  string // speaker key or name
	Outlet   string
	From, To string // published dates, inclusive, YYYY-MM-DD
	Text     string
	Cluster  int64 // only this cluster
	Limit    int   // 0: no limit
}

// SpeakerFilter selects speakers.
type SpeakerFilter struct {
	Name  string // speaker key or name contains this
	Limit int
}

// SpeakerStat says how often a speaker is quoted.
type SpeakerStat struct {
	Key        string // "" for unresolved speakers
	Name       string
	Statements int
	Quotes     int
	Articles   int
	Outlets    int
}

// ClusterFilter selects clusters.
type ClusterFilter struct {
	MinArticles int    // clusters whose occurrences come from at least this many articles
	Speaker     string // speaker key or name contains this
	Text        string // canonical text contains this
	ID          int64  // only this cluster
	Limit       int
}

// Cluster is one utterance tracked across articles.
type Cluster struct {
	ID          int64
	SpeakerKey  string
	SpeakerName string
	Canonical   string // the canonical wording
	Size        int    // occurrences
	Articles    int
	Outlets     int
	Variants    int // distinct wordings after normalisation
	Misquotes   int // occurrences flagged as possible misquotes
	// First is the earliest occurrence: the one in the article with the
	// earliest known publication date (ties: the first stored).
	First       QuoteRow
	Occurrences []QuoteRow // earliest first
}

// SearchHit is a statement matching a full-text query.
type SearchHit struct {
	StatementID int64
	ArticleID   int64
	DocID       string
	Outlet      string
	Published   string
	SpeakerName string
	Source      string
	Kind        string
	Content     string
	Rank        float64 // higher is better
}

// Stats counts what a store holds.
type Stats struct {
	Articles, Statements, Quotes int
	// Clusters counts the clusters whose occurrences come from at least
	// two articles; Stale reports that articles were stored since the
	// clusters were computed.
	Clusters int
	Stale    bool
}
