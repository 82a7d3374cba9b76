package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/cluster"
	"github.com/verbatim-news/verbatim/internal/store"
)

// pageAll follows a list's cursors n rows at a time and returns every
// row, failing on a page longer than n.
func pageAll[T any](t *testing.T, n int, list func(after string, limit int) ([]T, error), cursor func(T) string) []T {
	t.Helper()
	var all []T
	after := ""
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("more than 100 pages")
		}
		rows, err := list(after, n)
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		if len(rows) > n {
			t.Fatalf("page %d: %d rows for a limit of %d", pages+1, len(rows), n)
		}
		all = append(all, rows...)
		if len(rows) < n {
			return all
		}
		after = cursor(rows[len(rows)-1])
	}
}

// keys maps rows to what identifies them.
func keys[T any, K any](rows []T, key func(T) K) []K {
	out := make([]K, len(rows))
	for i, r := range rows {
		out[i] = key(r)
	}
	return out
}

// extra is an article stored between two pages: a further report of the
// meeting, dated date, quoting the sports coach n times.
func extra(url, date string, n int) *store.Article {
	var sts []store.Statement
	for i := range n {
		sts = append(sts, stmt("person/ines-moreau", "Ines Moreau", fmt.Sprintf("We will train twice as hard, part %d", i+1)))
	}
	return article(url, "Port Ellis Post", date, sts...)
}

func testArticlesPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := Articles()
	put(t, s, arts...)
	all, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Newest first, unknown dates last; of one date, the later stored first.
	want := []int64{arts[2].ID, arts[1].ID, arts[0].ID, arts[4].ID, arts[3].ID}
	if got := keys(all, func(a store.ArticleSummary) int64 { return a.ID }); !slices.Equal(got, want) {
		t.Fatalf("article order %v, want %v", got, want)
	}
	for _, a := range all {
		full, err := s.Article(ctx, fmt.Sprint(a.ID))
		if err != nil {
			t.Fatal(err)
		}
		sum := full.Summary()
		sum.Cursor, a.Cursor = "", ""
		if sum != a {
			t.Errorf("listed %+v, but Summary of the stored article is %+v", a, sum)
		}
	}
	if first := all[2]; first.Statements != 3 || first.Quotes != 3 || first.Speakers != 2 || first.Title != "Council meeting" || first.IngestedAt.IsZero() {
		t.Errorf("summary of the first article: %+v", first)
	}
	if herald := all[1]; herald.Speakers != 1 {
		t.Errorf("an unresolved speaker was counted: %+v", herald)
	}
	list := func(after string, n int) ([]store.ArticleSummary, error) {
		return s.Articles(ctx, store.ArticleFilter{After: after, Limit: n})
	}
	cursor := func(a store.ArticleSummary) string { return a.Cursor }
	for _, n := range []int{1, 2, 5} {
		paged := pageAll(t, n, list, cursor)
		if !slices.Equal(paged, all) {
			t.Errorf("paging by %d differs from one list", n)
		}
	}
	// Articles stored between pages do not make the next page repeat or
	// skip one listed before: one sorts before the cursor (not listed),
	// one after it (listed).
	first, err := list("", 2)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, extra("https://post.example/a", "2031-03-05", 1), extra("https://post.example/b", "2031-03-01", 1))
	rest := pageAll(t, 2, func(after string, n int) ([]store.ArticleSummary, error) {
		if after == "" {
			after = first[1].Cursor
		}
		return list(after, n)
	}, cursor)
	got := keys(append(first, rest...), func(a store.ArticleSummary) string { return a.Published + " " + a.Outlet })
	wantAfter := []string{"2031-03-05 Coastline News", "2031-03-05 Valley Herald", "2031-03-04 Harbour Gazette", "2031-03-01 Port Ellis Post", "2031-02-10 Harbour Gazette", " Town Notes"}
	if !slices.Equal(got, wantAfter) {
		t.Errorf("paging across inserts listed %q, want %q", got, wantAfter)
	}
}

func testQuotesPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	for _, f := range []store.QuoteFilter{{}, {Speaker: "vidal"}, {From: "2031-03-05"}} {
		all, err := s.Quotes(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		paged := pageAll(t, 3, func(after string, n int) ([]store.QuoteRow, error) {
			g := f
			g.After, g.Limit = after, n
			return s.Quotes(ctx, g)
		}, func(q store.QuoteRow) string { return q.Cursor })
		id := func(q store.QuoteRow) int64 { return q.ID }
		if !slices.Equal(keys(paged, id), keys(all, id)) || len(all) == 0 {
			t.Errorf("%+v: paging by 3 gave %v, one list %v", f, keys(paged, id), keys(all, id))
		}
	}
	qs, err := s.Quotes(ctx, store.QuoteFilter{Text: "extremely"})
	if err != nil || len(qs) != 1 {
		t.Fatalf("Quotes(extremely) = %+v, %v", qs, err)
	}
	if q := qs[0]; q.StatementOrd != 2 || q.Kind != "direct" || q.Title != "Council meeting" || q.Outlet != "Harbour Gazette" {
		t.Errorf("quote row %+v", q)
	}
}

func testStatementsBySpeaker(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	all, err := s.Statements(ctx, store.StatementFilter{Speaker: "person/marta-vidal"})
	if err != nil {
		t.Fatal(err)
	}
	got := keys(all, func(r store.StatementRow) string { return fmt.Sprintf("%s %s s%d", r.Published, r.Outlet, r.Ord) })
	want := []string{"2031-03-04 Harbour Gazette s1", "2031-03-04 Harbour Gazette s2", "2031-03-05 Valley Herald s1", "2031-03-05 Valley Herald s2", "2031-03-05 Coastline News s1", " Town Notes s1"}
	if !slices.Equal(got, want) {
		t.Errorf("statements %q, want %q", got, want)
	}
	if r := all[0]; r.SpeakerRole != "mayor of Port Ellis" || r.SpeakerName != "Marta Vidal" || r.Content == "" || r.Cue != "said" || r.End <= r.Start || r.Quotes != nil {
		t.Errorf("statement row %+v", r)
	}
	paged := pageAll(t, 4, func(after string, n int) ([]store.StatementRow, error) {
		return s.Statements(ctx, store.StatementFilter{Speaker: "person/marta-vidal", After: after, Limit: n})
	}, func(r store.StatementRow) string { return r.Cursor })
	if id := func(r store.StatementRow) int64 { return r.ID }; !slices.Equal(keys(paged, id), keys(all, id)) {
		t.Error("paging by 4 differs from one list")
	}
	if every, err := s.Statements(ctx, store.StatementFilter{}); err != nil || len(every) != 10 {
		t.Errorf("Statements() = %d, %v; want all 10", len(every), err)
	}
	if none, err := s.Statements(ctx, store.StatementFilter{Speaker: "vidal"}); err != nil || len(none) != 0 {
		t.Errorf("Statements(part of a key) = %d, %v; the key must match exactly", len(none), err)
	}
}

func testSpeakersPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	all, err := s.Speakers(ctx, store.SpeakerFilter{Resolved: true})
	if err != nil {
		t.Fatal(err)
	}
	key := func(x store.SpeakerStat) string { return fmt.Sprintf("%s %d", x.Key, x.Statements) }
	if got, want := keys(all, key), []string{"person/marta-vidal 6", "person/owen-price 2", "person/ines-moreau 1"}; !slices.Equal(got, want) {
		t.Fatalf("speakers %q, want %q", got, want)
	}
	if top := all[0]; top.Role != "mayor of Port Ellis" || top.Type != "person" || top.Name != "Marta Vidal" || top.Quotes != 6 || top.Articles != 4 || top.Outlets != 4 {
		t.Errorf("top speaker %+v", top)
	}
	if all[1].Role != "" {
		t.Errorf("a role for a speaker the articles give none: %+v", all[1])
	}
	if with, err := s.Speakers(ctx, store.SpeakerFilter{}); err != nil || len(with) != 4 {
		t.Errorf("Speakers with the unresolved = %d, %v; want 4", len(with), err)
	}
	list := func(after string, n int) ([]store.SpeakerStat, error) {
		return s.Speakers(ctx, store.SpeakerFilter{Resolved: true, After: after, Limit: n})
	}
	cursor := func(x store.SpeakerStat) string { return x.Cursor }
	if paged := pageAll(t, 1, list, cursor); !slices.Equal(keys(paged, key), keys(all, key)) {
		t.Errorf("paging by 1 gave %q", keys(paged, key))
	}
	// The coach overtakes the councillor between two pages: the later
	// pages keep the counts of the first, so nobody is listed twice or
	// left out.
	first, err := list("", 1)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, extra("https://post.example/c", "2031-03-06", 3))
	rest := pageAll(t, 1, func(after string, n int) ([]store.SpeakerStat, error) {
		if after == "" {
			after = first[0].Cursor
		}
		return list(after, n)
	}, cursor)
	if got := keys(append(first, rest...), key); !slices.Equal(got, keys(all, key)) {
		t.Errorf("paging across an insert gave %q, want %q", got, keys(all, key))
	}
	now, err := list("", 0)
	if err != nil || len(now) != 3 || now[1].Key != "person/ines-moreau" || now[1].Statements != 4 {
		t.Errorf("a new list after the insert: %q, %v", keys(now, key), err)
	}
}

func testSpeakerDetail(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	d, err := s.Speaker(ctx, "person/marta-vidal")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Marta Vidal" || d.Statements != 6 || d.Quotes != 6 || d.Articles != 4 || d.Outlets != 4 || d.Role != "mayor of Port Ellis" {
		t.Errorf("speaker %+v", d.SpeakerStat)
	}
	wantOutlets := []store.Count{{Label: "Harbour Gazette", N: 2}, {Label: "Valley Herald", N: 2}, {Label: "Coastline News", N: 1}, {Label: "Town Notes", N: 1}}
	if !slices.Equal(d.ByOutlet, wantOutlets) {
		t.Errorf("by outlet %v, want %v", d.ByOutlet, wantOutlets)
	}
	wantDays := []store.Count{{Label: "2031-03-04", N: 2}, {Label: "2031-03-05", N: 3}}
	if !slices.Equal(d.ByDay, wantDays) {
		t.Errorf("by day %v, want %v (undated left out)", d.ByDay, wantDays)
	}
	for _, k := range []string{"person/nobody", "", "vidal"} {
		if _, err := s.Speaker(ctx, k); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Speaker(%q) error = %v, want ErrNotFound", k, err)
		}
	}
}

func testClustersPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	if _, err := s.Recluster(ctx, false); err != nil {
		t.Fatal(err)
	}
	all, err := s.Clusters(ctx, store.ClusterFilter{})
	if err != nil {
		t.Fatal(err)
	}
	id := func(c store.Cluster) int64 { return c.ID }
	paged := pageAll(t, 2, func(after string, n int) ([]store.Cluster, error) {
		return s.Clusters(ctx, store.ClusterFilter{After: after, Limit: n})
	}, func(c store.Cluster) string { return c.Cursor })
	if len(all) != 5 || !slices.Equal(keys(paged, id), keys(all, id)) {
		t.Errorf("paging by 2 gave %v, one list %v", keys(paged, id), keys(all, id))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Size > all[i-1].Size {
			t.Errorf("clusters not largest first: %v", keys(all, func(c store.Cluster) int { return c.Size }))
		}
	}
	bridge, err := s.Cluster(ctx, all[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if bridge.Canonical != all[0].Canonical || len(bridge.Occurrences) != 4 || bridge.First.ID == 0 {
		t.Fatalf("Cluster(%d) = %+v", all[0].ID, bridge)
	}
	for _, o := range bridge.Occurrences {
		if o.Edits == nil || o.Edits.String() != o.Diff {
			t.Errorf("%s: edits %v do not spell the diff %q", o.Outlet, o.Edits, o.Diff)
		}
		switch o.Outlet {
		case "Town Notes":
			if !slices.ContainsFunc(o.Edits, func(e cluster.Edit) bool { return e.Op == cluster.Delete && e.Canon == "before" }) ||
				!slices.ContainsFunc(o.Edits, func(e cluster.Edit) bool { return e.Op == cluster.Insert && e.Variant == "after" }) {
				t.Errorf("the changed word is not in the edits: %+v", o.Edits)
			}
		case "Harbour Gazette":
			for _, e := range o.Edits {
				if e.Op != cluster.Equal || e.Canon != e.Variant || e.Class == 0 {
					t.Errorf("the canonical occurrence has edit %+v", e)
				}
			}
		}
	}
	if _, err := s.Cluster(ctx, 987654); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Cluster(absent) error = %v, want ErrNotFound", err)
	}
	if cs, err := s.Clusters(ctx, store.ClusterFilter{MinArticles: 2, Limit: 1}); err != nil || len(cs) != 1 || cs[0].ID != bridge.ID {
		t.Errorf("Clusters(limit 1) = %v, %v", keys(cs, id), err)
	}
}

func testClusterIDs(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := Articles()
	put(t, s, arts[:3]...)
	if _, err := s.Recluster(ctx, false); err != nil {
		t.Fatal(err)
	}
	before, err := s.Clusters(ctx, store.ClusterFilter{Text: "bridge"})
	if err != nil || len(before) != 1 {
		t.Fatalf("bridge cluster: %v, %v", before, err)
	}
	put(t, s, arts[3:]...)
	if did, err := s.Recluster(ctx, false); err != nil || !did {
		t.Fatalf("Recluster = %v, %v", did, err)
	}
	after, err := s.Cluster(ctx, before[0].ID)
	if err != nil {
		t.Fatalf("the bridge cluster lost its id %d: %v", before[0].ID, err)
	}
	if after.Size != before[0].Size+1 || !strings.Contains(after.Canonical, "bridge") {
		t.Errorf("cluster %d was %+v, is %+v", before[0].ID, before[0], after)
	}
	least := after.Occurrences[0].ID
	for _, o := range after.Occurrences {
		least = min(least, o.ID)
	}
	if after.ID != least {
		t.Errorf("cluster id %d, want its earliest-stored quote's, %d", after.ID, least)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func testSearchPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	all, err := s.Search(ctx, store.SearchFilter{Query: "bridge"})
	if err != nil || len(all) != 4 {
		t.Fatalf("Search(bridge) = %d hits, %v", len(all), err)
	}
	id := func(h store.SearchHit) int64 { return h.ID }
	paged := pageAll(t, 3, func(after string, n int) ([]store.SearchHit, error) {
		return s.Search(ctx, store.SearchFilter{Query: "bridge", After: after, Limit: n})
	}, func(h store.SearchHit) string { return h.Cursor })
	if !slices.Equal(keys(paged, id), keys(all, id)) {
		t.Errorf("paging by 3 gave %v, one list %v", keys(paged, id), keys(all, id))
	}
	for i, h := range all {
		if i > 0 && h.Rank > all[i-1].Rank {
			t.Errorf("hits not best first: %v", keys(all, func(h store.SearchHit) float64 { return h.Rank }))
		}
		if h.Title != "Council meeting" || h.ArticleID == 0 || h.Ord == 0 || h.SpeakerKey == "" {
			t.Errorf("incomplete hit %+v", h)
		}
	}
	// A statement stored between pages is not listed on the later ones.
	first, err := s.Search(ctx, store.SearchFilter{Query: "bridge", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, article("https://post.example/d", "Port Ellis Post", "2031-03-07",
		stmt("person/owen-price", "Owen Price", "The bridge, the bridge, always the bridge")))
	rest, err := s.Search(ctx, store.SearchFilter{Query: "bridge", After: first[1].Cursor})
	if err != nil {
		t.Fatal(err)
	}
	if len(first)+len(rest) != 4 {
		t.Errorf("%d and %d hits across an insert, want the 4 there were", len(first), len(rest))
	}
}

func testBadCursors(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Articles()...)
	if _, err := s.Recluster(ctx, false); err != nil {
		t.Fatal(err)
	}
	qs, err := s.Quotes(ctx, store.QuoteFilter{Limit: 1})
	if err != nil || len(qs) != 1 {
		t.Fatal(qs, err)
	}
	bad := []string{"nonsense", `["a"]`, `["a", "x", "2031-01-01", 1]`, `["a", 0, "2031-01-01", 1] trailing`, `{}`, qs[0].Cursor[:len(qs[0].Cursor)-1]}
	lists := map[string]func(after string) error{
		"Articles":   func(a string) error { _, err := s.Articles(ctx, store.ArticleFilter{After: a}); return err },
		"Quotes":     func(a string) error { _, err := s.Quotes(ctx, store.QuoteFilter{After: a}); return err },
		"Statements": func(a string) error { _, err := s.Statements(ctx, store.StatementFilter{After: a}); return err },
		"Speakers":   func(a string) error { _, err := s.Speakers(ctx, store.SpeakerFilter{After: a}); return err },
		"Clusters":   func(a string) error { _, err := s.Clusters(ctx, store.ClusterFilter{After: a}); return err },
		"Search": func(a string) error {
			_, err := s.Search(ctx, store.SearchFilter{Query: "bridge", After: a})
			return err
		},
	}
	for name, list := range lists {
		cursors := bad
		if name != "Quotes" {
			cursors = append(cursors, qs[0].Cursor) // another list's cursor
		}
		for _, c := range cursors {
			if err := list(c); !errors.Is(err, store.ErrBadCursor) {
				t.Errorf("%s(After: %q) error = %v, want ErrBadCursor", name, c, err)
			}
		}
	}
}
