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
//
// Lists are paged by keyset: see Store.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/verbatim-news/verbatim/internal/cluster"
)

// Sentinel errors.
var (
	// ErrNotFound is returned when a looked-up article, speaker or
	// cluster does not exist.
	ErrNotFound = errors.New("not found")
	// ErrBadCursor is returned for a page cursor (a filter's After) that
	// the store did not issue, or issued for another list.
	ErrBadCursor = errors.New("bad page cursor")
	// ErrBadDSN is returned by Open for a DSN no implementation accepts.
	ErrBadDSN = errors.New("bad database address")
	// ErrSchemaTooNew is returned when the database was written by a
	// newer version of Verbatim than this one.
	ErrSchemaTooNew = errors.New("database schema is newer than this program")
)

// Store is a corpus of analysed articles. Every method takes a context
// first and is safe for concurrent use; several processes may use one
// store at once.
//
// Lists are paged by keyset. Every row a list returns carries Cursor,
// its position in the list's order; a filter whose After is that cursor
// lists the rows after it, and Limit caps how many (0: no cap). To know
// whether there is a next page, ask for one row more than you show. A
// cursor is a row's sort key, not an index, so what is stored between
// two pages never makes the next one repeat or skip a row that was
// there before: new rows appear where they sort (Articles, Quotes,
// Statements), or, in Speakers, which is ordered by counts, not at all:
// its cursors hold the newest article at the first page, and the later
// pages count only the articles up to it. Search holds that snapshot
// too, and pages by position among its hits, since relevance is not a
// stored value; a database whose scores weigh words by their rarity in
// the whole index (SQLite's bm25) may still reorder hits of different
// lengths when articles are stored between pages. Clusters keep their
// ids when Recluster recomputes them, but a recluster between two pages
// may move a cluster whose size changed across the cursor. A cursor that
// the store did not issue, or issued for another list, gives
// ErrBadCursor.
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

	// Articles lists the stored articles, most recently published first
	// (unknown dates last), then the most recently stored first, each
	// with its counts and without its text, analysis or statements.
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)

	// Quotes returns the quotations that match f, oldest article first
	// (unknown dates last), then in article order.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)

	// Statements returns the statements that match f, without their
	// quotes, oldest article first (unknown dates last), then in article
	// order.
	Statements(ctx context.Context, f StatementFilter) ([]StatementRow, error)

	// Speakers returns who is quoted, most statements first, then by
	// key. Statements whose speaker is unresolved are counted under the
	// empty key, unless f.Resolved leaves them out.
	Speakers(ctx context.Context, f SpeakerFilter) ([]SpeakerStat, error)

	// Speaker returns the speaker with this key: their counts, as
	// Speakers gives them, and their statements counted by outlet and by
	// publication day. A person's key the store files under a fuller
	// name ("person/trump" under "person/donald-trump", as Recluster
	// joins them) gives that person, under their key. It returns
	// ErrNotFound when no statement has the key or such a name, and for
	// "" (the unresolved are nobody in particular).
	Speaker(ctx context.Context, key string) (*SpeakerDetail, error)

	// Clusters returns the quote clusters that match f, largest first
	// (most occurrences, then most articles, then by canonical wording
	// and id, so that the order does not depend on the order articles
	// were stored in), each with its
	// occurrences. It reads the clusters as last computed; call
	// Recluster first to bring them up to date.
	Clusters(ctx context.Context, f ClusterFilter) ([]Cluster, error)

	// Cluster returns one cluster, as Clusters does, whatever the number
	// of articles it spans; ErrNotFound when there is none with this id.
	Cluster(ctx context.Context, id int64) (*Cluster, error)

	// Search finds statements whose content matches the full-text query
	// f.Query (words, all required; "quoted phrases"), best match first,
	// then by statement id. A query with no words finds nothing; f.Limit
	// 0 means 50.
	Search(ctx context.Context, f SearchFilter) ([]SearchHit, error)

	// Recluster recomputes the quote clusters from every stored quote
	// when articles were stored since they were last computed (or always,
	// with force), in one transaction. It returns whether it recomputed.
	// The result depends only on the stored quotes, not on the order the
	// articles were stored in. A cluster's id is the id of its
	// earliest-stored quote, so it keeps its id while that quote stays
	// in it.
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
	// SpeakerRole is the most specific title or role the article gives
	// the speaker ("mayor of Kyiv"), or "".
	SpeakerRole string
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
	// possible misquote, Diff is the word-level diff against the
	// canonical text in cluster.Diff.String form, and Edits is the same
	// diff edit by edit: Clusters and Cluster fill it in for their
	// occurrences, other reads leave it nil.
	ClusterID int64
	Variant   string
	Misquote  bool
	Diff      string
	Edits     cluster.Diff
}

// ArticleRef is what a row says about the article it comes from.
type ArticleRef struct {
	DocID     string
	URL       string
	Title     string
	Outlet    string
	Published string // YYYY-MM-DD, or "" when unknown
}

// ArticleFilter selects a page of articles.
type ArticleFilter struct {
	After string // a row's Cursor: list the articles after it
	Limit int    // 0: no limit
}

// ArticleSummary is a stored article in a list, with its counts.
type ArticleSummary struct {
	ID  int64
	Key string
	ArticleRef
	IngestedAt time.Time
	Statements int
	Quotes     int
	Speakers   int    // distinct resolved speakers
	Cursor     string // the article's position in the list
}

// Summary returns the article's summary, counted from its statements as
// Articles counts them (its Cursor is empty).
func (a *Article) Summary() ArticleSummary {
	s := ArticleSummary{ID: a.ID, Key: a.Key, IngestedAt: a.IngestedAt, Statements: len(a.Statements),
		ArticleRef: ArticleRef{DocID: a.DocID, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Published: a.Published}}
	speakers := map[string]bool{}
	for _, st := range a.Statements {
		s.Quotes += len(st.Quotes)
		if st.SpeakerKey != "" {
			speakers[st.SpeakerKey] = true
		}
	}
	s.Speakers = len(speakers)
	return s
}

// QuoteRow is a quote with the article and statement it comes from.
type QuoteRow struct {
	Quote
	ArticleRef
	StatementOrd int    // the statement's Ord
	Kind         string // the statement's kind
	SpeakerKey   string
	SpeakerName  string
	Source       string
	Cursor       string // the quote's position in the list
}

// QuoteFilter selects quotes. Empty fields select everything; string
// matches are case-insensitive substrings.
type QuoteFilter struct {
	Speaker  string // speaker key or name
	Outlet   string
	From, To string // published dates, inclusive, YYYY-MM-DD
	Text     string
	Cluster  int64  // only this cluster
	After    string // a row's Cursor: list the quotes after it
	Limit    int    // 0: no limit
}

// StatementRow is a statement (without its quotes) with the article it
// comes from.
type StatementRow struct {
	Statement
	ArticleRef
	Cursor string // the statement's position in the list
}

// StatementFilter selects statements.
type StatementFilter struct {
	Speaker string // the speaker's key, exactly; "" selects every statement
	After   string // a row's Cursor: list the statements after it
	Limit   int    // 0: no limit
}

// SpeakerFilter selects speakers.
type SpeakerFilter struct {
	Name     string // speaker key or name contains this
	Resolved bool   // leave out the unresolved (the empty key)
	After    string // a row's Cursor: list the speakers after it
	Limit    int    // 0: no limit
}

// SpeakerStat says how often a speaker is quoted.
type SpeakerStat struct {
	Key        string // "" for unresolved speakers
	Name       string
	Type       string // person, organization, group, place
	Role       string // the most specific (longest) role the articles give
	Statements int
	Quotes     int
	Articles   int
	Outlets    int
	Cursor     string // the speaker's position in the list
}

// Count is a number of statements under a label: an outlet or a day.
type Count struct {
	Label string
	N     int
}

// SpeakerDetail is a speaker's counts with their statements counted by
// outlet (most first, then by outlet) and by publication day
// (YYYY-MM-DD, in order; undated statements are left out).
type SpeakerDetail struct {
	SpeakerStat
	ByOutlet []Count
	ByDay    []Count
}

// ClusterFilter selects clusters.
type ClusterFilter struct {
	MinArticles int    // clusters whose occurrences come from at least this many articles
	Speaker     string // speaker key or name contains this
	Text        string // canonical text contains this
	ID          int64  // only this cluster
	After       string // a row's Cursor: list the clusters after it
	Limit       int    // 0: no limit
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
	Cursor      string     // the cluster's position in the list
}

// SearchFilter is a full-text query and the page of hits wanted.
type SearchFilter struct {
	Query string
	After string // a hit's Cursor: list the hits after it
	Limit int    // 0: 50
}

// SearchHit is a statement matching a full-text query; its Cursor is
// its position among the hits.
type SearchHit struct {
	StatementRow
	Rank float64 // higher is better
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
