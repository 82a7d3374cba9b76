package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The end-to-end tests drive the reading room in a real headless Chromium
// (Debian's chromium, or the binary $VERBATIM_CHROMIUM names) and save a
// screenshot of each page into $VERBATIM_ARTEFACTS, or a temporary
// directory, which they log. They skip when there is no Chromium.
//
// The server runs in-process on 127.0.0.1:0 over the fixtures in
// testdata/articles, stored in the corpus openTestCorpus opens.

// chromiumPath returns the Chromium binary to use, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("VERBATIM_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	t.Skip("no Chromium: install Debian's chromium package or set VERBATIM_CHROMIUM to run the browser tests")
	return ""
}

// artefactDir returns where screenshots go.
func artefactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("VERBATIM_ARTEFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browser is one Chromium for a test, with what its pages reported.
type browser struct {
	ctx context.Context
	dir string

	mu       sync.Mutex
	dialogs  []string // alert, confirm and prompt dialogs the pages opened
	problems []string // exceptions, console errors, CSP violations
}

func newBrowser(t *testing.T) *browser {
	path := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	b := &browser{ctx: ctx, dir: artefactDir(t)}
	// Start the browser and open the tab before listening.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	dialogs := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Message)
			b.mu.Unlock()
			chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				b.mu.Lock()
				b.problems = append(b.problems, m.String())
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs actions with a time limit.
func (b *browser) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// screenshot saves the whole page as name.png.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// clean fails the test when a page opened a dialog or reported an error,
// and forgets them.
func (b *browser) clean(t *testing.T) {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // let the last events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, d := range b.dialogs {
		t.Errorf("a page opened a dialog: %q", d)
	}
	for _, p := range b.problems {
		t.Errorf("a page reported: %s", p)
	}
	b.dialogs, b.problems = nil, nil
}

// hover moves the mouse to the middle of the first element sel matches.
func (b *browser) hover(t *testing.T, sel string) {
	t.Helper()
	b.do(t, chromedp.ScrollIntoView(chromedp.CSS(sel)))
	box := eval[[]float64](t, b, `(() => { const r = document.querySelector(`+jsString(sel)+`).getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	b.do(t, chromedp.MouseEvent(chromedp.MouseMoved, box[0], box[1]))
}

// articleID returns the id of the stored article whose title contains
// title.
func articleID(t *testing.T, s *Server, title string) string {
	t.Helper()
	arts, err := s.opt.Corpus.Articles(t.Context(), Page{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts.Items {
		if strings.Contains(a.Title, title) {
			return a.ID
		}
	}
	t.Fatalf("no stored article titled %q", title)
	return ""
}

// firstCluster returns the id of the largest stored cluster.
func firstCluster(t *testing.T, s *Server) string {
	t.Helper()
	cs, err := s.opt.Corpus.Clusters(t.Context(), ClusterFilter{}, Page{Limit: 1})
	if err != nil || len(cs.Items) == 0 {
		t.Fatalf("no cluster: %v", err)
	}
	return cs.Items[0].ID
}

func jsString(s string) string { return fmt.Sprintf("%q", s) }

func TestE2E_ReadingRoom(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	chromiumPath(t)
	s := newTestServer(t, Options{})
	ts := httptest.NewServer(s)
	defer ts.Close()
	b := newBrowser(t)
	example, err := os.ReadFile("../../examples/trade-talks.txt")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("analyze the example article", func(t *testing.T) {
		b.do(t,
			chromedp.EmulateViewport(1280, 900),
			chromedp.Navigate(ts.URL+"/"),
			chromedp.WaitVisible(chromedp.ID("f-text")),
			chromedp.SetValue(chromedp.ID("f-text"), string(example)),
			chromedp.Click(chromedp.CSS("form.analyze button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".text mark.st")),
		)
		marks := eval[int](t, b, `new Set([...document.querySelectorAll(".text mark.st")].map(m => m.dataset.st)).size`)
		cues := eval[int](t, b, `document.querySelectorAll(".text .cue").length`)
		speakers := eval[[]string](t, b, `[...document.querySelectorAll(".panel button.spk bdi")].map(e => e.textContent)`)
		t.Logf("%d statements highlighted, %d cues underlined; speaker panel: %q", marks, cues, speakers)
		if marks < 6 || cues < 6 {
			t.Errorf("%d statements and %d cues highlighted, want at least 6 of each", marks, cues)
		}
		for _, want := range []string{"Maria Ostrander", "Tomas Reyna", "Joaquim Bastos"} {
			if !strings.Contains(strings.Join(speakers, "|"), want) {
				t.Errorf("the speaker panel lacks %s: %q", want, speakers)
			}
		}
		// Each speaker has a colour of their own: the marks of two speakers
		// have different backgrounds.
		colours := eval[int](t, b, `new Set([...document.querySelectorAll(".text mark.st.k-direct")].map(m => getComputedStyle(m).backgroundColor)).size`)
		if colours < 2 {
			t.Errorf("%d statement colours, want one per speaker", colours)
		}
		// Hovering over a quotation shows its speaker, kind and confidence.
		b.hover(t, `.text mark.st.k-direct[data-speaker="Maria Ostrander"]`)
		tip := eval[string](t, b, `document.getElementById("tip").hidden ? "" : document.getElementById("tip").innerText`)
		if !strings.Contains(tip, "Maria Ostrander") || !strings.Contains(tip, "direct statement") || !strings.Contains(tip, "confidence") {
			t.Errorf("the tooltip on hover says %q", tip)
		}
		b.screenshot(t, "analyze-hover")
		// The keyboard reaches every statement, and focus shows the tooltip.
		b.do(t, chromedp.Focus(chromedp.CSS(`.text mark.st[tabindex="0"]`)))
		focused := eval[string](t, b, `document.activeElement.dataset.st + "|" + document.getElementById("tip").innerText`)
		if !strings.HasPrefix(focused, "s") || !strings.Contains(focused, "confidence") {
			t.Errorf("focus on the first statement: %q", focused)
		}
		// Selecting a speaker dims the others.
		b.do(t, chromedp.Click(chromedp.CSS(`.panel button.spk`)))
		dimmed := eval[int](t, b, `document.querySelectorAll(".text mark.st.dim").length`)
		if dimmed == 0 {
			t.Error("selecting a speaker dimmed no statement")
		}
		b.do(t, chromedp.Click(chromedp.CSS(`.panel button.spk`)))
		b.screenshot(t, "analyze")
		// On a phone: no horizontal scrolling, the panel below the text.
		b.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
		overflow := eval[bool](t, b, `document.documentElement.scrollWidth > document.documentElement.clientWidth`)
		if overflow {
			t.Error("the analysis scrolls sideways on a phone")
		}
		b.screenshot(t, "analyze-phone")
		b.do(t, chromedp.EmulateViewport(1280, 900))
		b.clean(t)
	})

	t.Run("cluster page", func(t *testing.T) {
		// Follow the first cluster's link from the keyboard.
		b.do(t,
			chromedp.Navigate(ts.URL+"/clusters"),
			chromedp.WaitVisible(chromedp.CSS("ul.clusters a")),
			chromedp.Focus(chromedp.CSS("ul.clusters a")),
			chromedp.KeyEvent("\r"),
			chromedp.WaitVisible(chromedp.CSS("ol.versions")),
		)
		versions := eval[int](t, b, `document.querySelectorAll("li.version").length`)
		flagged := eval[string](t, b, `[...document.querySelectorAll("li.version.misquote h2")].map(e => e.innerText).join("|")`)
		ins := eval[[]string](t, b, `[...document.querySelectorAll("li.version ins")].map(e => e.textContent)`)
		first := eval[string](t, b, `document.querySelector("li.version.first h2").innerText`)
		t.Logf("%d versions; first seen: %q; flagged: %q; inserted words: %q", versions, first, flagged, ins)
		if versions < 3 || !strings.Contains(flagged, "Northern Ledger") || !strings.Contains(strings.Join(ins, " "), "years") || !strings.Contains(first, "Harbour Gazette") {
			t.Error("the cluster page does not show the versions, the first and the misquote")
		}
		b.screenshot(t, "cluster")
		b.clean(t)
	})

	t.Run("search", func(t *testing.T) {
		b.do(t,
			chromedp.Navigate(ts.URL+"/search"),
			chromedp.WaitVisible(chromedp.ID("f-q")),
			chromedp.SendKeys(chromedp.ID("f-q"), `"fair, final"`),
			chromedp.Submit(chromedp.ID("f-q")),
			chromedp.WaitVisible(chromedp.CSS("ol.results li")),
		)
		hits := eval[[]string](t, b, `[...document.querySelectorAll("ol.results blockquote")].map(e => e.textContent)`)
		t.Logf("%d hits: %q", len(hits), hits)
		if len(hits) < 2 {
			t.Errorf("search found %d statements, want the 2 or more that carry the phrase", len(hits))
		}
		for _, h := range hits {
			if !strings.Contains(h, "fair, final") {
				t.Errorf("a hit without the phrase: %q", h)
			}
		}
		b.screenshot(t, "search")
		b.clean(t)
	})

	t.Run("speaker page", func(t *testing.T) {
		b.do(t,
			chromedp.Navigate(ts.URL+"/speakers"),
			chromedp.WaitVisible(chromedp.CSS("table a")),
			chromedp.Navigate(ts.URL+"/speakers/person/lena-okafor"),
			chromedp.WaitVisible(chromedp.CSS("svg.chart")),
		)
		bars := eval[int](t, b, `document.querySelectorAll("svg.chart rect").length`)
		outlets := eval[int](t, b, `document.querySelectorAll("ul.bars li").length`)
		if bars < 2 || outlets < 3 {
			t.Errorf("timeline bars %d, outlets %d", bars, outlets)
		}
		b.screenshot(t, "speaker")
		b.do(t, chromedp.Navigate(ts.URL+"/articles"), chromedp.WaitVisible(chromedp.CSS("ul.list")))
		b.screenshot(t, "articles")
		b.clean(t)
	})

	t.Run("a stored article with a check", func(t *testing.T) {
		id := articleID(t, s, "Port dispute")
		b.do(t, chromedp.Navigate(ts.URL+"/articles/"+id), chromedp.WaitVisible(chromedp.CSS(".note")))
		note := eval[string](t, b, `document.querySelector(".note").innerText`)
		marked := eval[[]string](t, b, `[...document.querySelectorAll(".text .chk")].map(e => e.textContent)`)
		t.Logf("check beside the paragraph: %q; figures marked: %q", note, marked)
		if !strings.Contains(note, "6.21 miles") || len(marked) != 2 {
			t.Errorf("the check is not shown beside its figures")
		}
		b.screenshot(t, "article-check")
		b.clean(t)
	})

	t.Run("phone width", func(t *testing.T) {
		b.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
		defer b.do(t, chromedp.EmulateViewport(1280, 900))
		for _, path := range []string{"/articles", "/articles/" + articleID(t, s, "إضراب"), "/speakers", "/speakers/person/lena-okafor", "/clusters", "/clusters/" + firstCluster(t, s), "/search?q=patience"} {
			b.do(t, chromedp.Navigate(ts.URL+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
			if eval[bool](t, b, `document.documentElement.scrollWidth > document.documentElement.clientWidth`) {
				t.Errorf("%s scrolls sideways on a phone", path)
			}
		}
		b.do(t, chromedp.Navigate(ts.URL+"/articles/"+articleID(t, s, "إضراب")), chromedp.WaitVisible(chromedp.CSS(".text")))
		b.screenshot(t, "article-rtl-phone")
		b.clean(t)
	})

	t.Run("an XSS article renders inert", func(t *testing.T) {
		id := articleID(t, s, "<script>")
		check := func(name string) {
			t.Helper()
			injected := eval[int](t, b, `document.querySelectorAll("img, iframe, b, script:not([src='/static/app.js'])").length`)
			handlers := eval[int](t, b, `[...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length`)
			text := eval[string](t, b, `document.body.innerText`)
			if injected != 0 || handlers != 0 {
				t.Errorf("%s: %d injected elements, %d event handler attributes", name, injected, handlers)
			}
			if !strings.Contains(text, "<script>alert(") || !strings.Contains(text, "<iframe src=javascript:alert(1)>") {
				t.Errorf("%s: the markup is not shown as text", name)
			}
		}
		b.do(t, chromedp.Navigate(ts.URL+"/articles/"+id), chromedp.WaitVisible(chromedp.CSS(".text")))
		check("stored article")
		b.screenshot(t, "xss-article")
		xss := fixtures(t)["xss"]
		var rec struct{ Text, Title, Outlet, URL string }
		if err := json.Unmarshal(xss, &rec); err != nil {
			t.Fatal(err)
		}
		b.do(t,
			chromedp.Navigate(ts.URL+"/analyze"),
			chromedp.WaitVisible(chromedp.ID("f-text")),
			chromedp.SetValue(chromedp.ID("f-text"), rec.Text),
			chromedp.SetValue(chromedp.CSS(`input[name="title"]`), rec.Title),
			chromedp.SetValue(chromedp.CSS(`input[name="outlet"]`), rec.Outlet),
			chromedp.Click(chromedp.CSS("form.analyze button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".text mark.st")),
		)
		check("analysed")
		b.hover(t, ".text mark.st")
		b.screenshot(t, "xss-analyze")
		b.clean(t)
	})
}
