package review_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/review"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
	"github.com/qualcheck/qualcheck/verify"
)

const (
	chromiumPath = "/usr/bin/chromium"
	sampleDir    = "../testdata/samples/app-1-00001"
	sampleFile   = "IMG_20260220_094354.jpg" // the administrator's ID card, front
	appID        = "qc-browser-0001"
	reviewer     = "wang"
	password     = "correct horse"
	comment      = "身份证以外的材料缺失 / documents missing"
)

// TestReviewerInBrowser drives the review pages in headless Chromium: a
// login, the masked application page with its boxes, the audited plain
// view, and a rejection that the page and the queue then show.
func TestReviewerInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test: %s is missing (apt-get install chromium): %v", chromiumPath, err)
	}
	b := &browser{t: t, fx: newFixture(t), shots: screenshotDir(t)}
	b.ctx = newBrowser(t)
	defer b.reportConsole(b.watchConsole())
	b.login()
	b.openApplication()
	b.focusBox()
	b.showPlain()
	b.reject()
	b.seeQueue()
}

// fixture is the served application the reviewer works on.
type fixture struct {
	url     string
	app     verify.Application
	verdict verify.Verdict
}

// newFixture stores the sample's administrator ID card with a verdict
// read from it by the real pipeline, adds the reviewer and serves /review.
func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	pool, _ := storetest.NewDB(t)
	st := store.New(pool, time.Now)
	if err := st.AddUser(ctx, reviewer, store.RoleReviewer, password); err != nil {
		t.Fatal(err)
	}
	app, image := sampleApplication(t)
	blobs, err := store.OpenBlobs(ctx, "mem://", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = blobs.Close() })
	fx := fixture{app: app, verdict: readVerdict(t, app, image)}
	storeApplication(t, st, blobs, fx, image)
	srv, err := review.New(review.Config{Loopback: true}, st, blobs, testLogger(t), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	srv.Register(mux)
	hs := httptest.NewServer(mux)
	t.Cleanup(hs.Close)
	fx.url = hs.URL
	return fx
}

// testLogger logs warnings and errors into the test's output.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// sampleApplication is the sample's application.json with only the
// administrator's ID card, under this test's id, and that card's bytes.
func sampleApplication(t *testing.T) (verify.Application, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sampleDir, "application.json"))
	if err != nil {
		t.Fatal(err)
	}
	app, err := verify.ParseApplication(data)
	if err != nil {
		t.Fatal(err)
	}
	image, err := os.ReadFile(filepath.Join(sampleDir, sampleFile))
	if err != nil {
		t.Fatal(err)
	}
	app.ID = appID
	app.Documents = []verify.DocumentRef{{Role: verify.RoleAdminIDFront, File: sampleFile}}
	return app, image
}

// fileMap gives the pipeline documents by name.
type fileMap map[string][]byte

// Open returns a document's bytes.
func (m fileMap) Open(name string) ([]byte, error) {
	if data, ok := m[name]; ok {
		return data, nil
	}
	return nil, os.ErrNotExist
}

// readVerdict runs the real OCR pipeline on the card and checks that the
// verdict has what the test needs: a field with a box and a rejection.
func readVerdict(t *testing.T, app verify.Application, image []byte) verify.Verdict {
	t.Helper()
	logger := testLogger(t)
	engine, err := ocr.NewEngine(ocr.Config{Workers: 1}, logger)
	if err != nil {
		t.Skipf("browser test: no OCR engine: %v", err)
	}
	defer engine.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	v, err := verify.NewPipeline(verify.Config{}, engine, logger, time.Now).Verify(ctx, app, fileMap{sampleFile: image})
	if err != nil {
		t.Fatal(err)
	}
	if boxedField(v) == nil {
		t.Fatalf("verdict has no field read with a box: %+v", v.Fields)
	}
	if !hasReject(v) {
		t.Fatalf("verdict has no reject-severity reason: %+v", v.Reasons)
	}
	return v
}

// boxedField is the first field of the diff that was read with a box.
func boxedField(v verify.Verdict) *verify.FieldResult {
	for i, f := range v.Fields {
		if f.Source != nil && f.Source.BBox != nil && !f.Source.BBox.Empty() {
			return &v.Fields[i]
		}
	}
	return nil
}

// hasReject says whether a reason of the verdict rejects.
func hasReject(v verify.Verdict) bool {
	for _, r := range v.Reasons {
		if r.Severity == verify.SeverityReject {
			return true
		}
	}
	return false
}

// storeApplication stores the application, its card and its verdict run.
func storeApplication(t *testing.T, st *store.Store, blobs *store.Blobs, fx fixture, image []byte) {
	t.Helper()
	ctx := context.Background()
	blob, err := blobs.Put(ctx, bytes.NewReader(image), 1<<24)
	if err != nil {
		t.Fatal(err)
	}
	sub := store.Submission{ID: appID, Application: fx.app, RequestSHA256: "x",
		Documents: []store.Document{{Role: verify.RoleAdminIDFront, File: sampleFile, Blob: blob}}}
	noJob := func(context.Context, pgx.Tx, string) error { return nil }
	if _, err := st.Submit(ctx, sub, noJob); err != nil {
		t.Fatal(err)
	}
	err = pgx.BeginFunc(ctx, st.Pool(), func(tx pgx.Tx) error {
		return st.SaveRunTx(ctx, tx, appID, store.Run{Verdict: fx.verdict, Status: store.StatusDone})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// screenshotDir is $SCREENSHOT_DIR, else a temporary folder.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// newBrowser starts headless Chromium with a fresh profile; the whole
// walk through the pages must end within 90 s.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	profile := t.TempDir()
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 90*time.Second)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc(); cancelTimeout() })
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return bctx
}

// browser is the reviewer's tab.
type browser struct {
	t     *testing.T
	ctx   context.Context
	fx    fixture
	shots string
}

// do runs a step's actions, failing the test with the step's name.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// run runs one action that returns a value.
func run[T any](b *browser, step string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// text is the visible text of the first element matching a CSS selector.
func (b *browser) text(sel string) string {
	b.t.Helper()
	return strings.TrimSpace(run(b, "read "+sel, chromedp.Text(chromedp.CSS(sel))))
}

// html is the whole document, hidden parts included.
func (b *browser) html() string {
	b.t.Helper()
	return run(b, "read the page", chromedp.OuterHTML(chromedp.CSS("html")))
}

// location is the tab's URL.
func (b *browser) location() string {
	b.t.Helper()
	return run(b, "read the location", chromedp.Location())
}

// screenshot saves the full page as a PNG.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	png := run(b, "screenshot "+name, chromedp.FullScreenshot(100))
	path := filepath.Join(b.shots, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
}

// plainName is the administrator's name as entered.
func (b *browser) plainName() string { return b.fx.app.Form.AdminName }

// maskedName is the name as the masked pages show it: the surname, then
// one * for each further character.
func (b *browser) maskedName() string {
	r := []rune(b.plainName())
	return string(r[:1]) + strings.Repeat("*", len(r)-1)
}

// watchConsole collects the pages' console messages until the browser
// ends; the returned func gives the ones so far.
func (b *browser) watchConsole() func() []chromedp.ConsoleMessage {
	var mu sync.Mutex
	var msgs []chromedp.ConsoleMessage
	seq := chromedp.Console(b.ctx)
	go func() {
		for m, err := range seq {
			if err != nil {
				return
			}
			mu.Lock()
			msgs = append(msgs, m)
			mu.Unlock()
		}
	}()
	return func() []chromedp.ConsoleMessage {
		mu.Lock()
		defer mu.Unlock()
		return append([]chromedp.ConsoleMessage(nil), msgs...)
	}
}

// reportConsole logs the console messages; an uncaught exception or a
// console error (such as a blocked resource) fails the test, except the
// browser's own request for /favicon.ico, which /review does not serve.
func (b *browser) reportConsole(got func() []chromedp.ConsoleMessage) {
	for _, m := range got() {
		if (m.IsException() || m.Type == "error") && !strings.HasSuffix(m.URL, "/favicon.ico") {
			b.t.Errorf("console %s (%s:%d)", m, m.URL, m.Line+1)
		} else {
			b.t.Logf("console %s (%s)", m, m.URL)
		}
	}
}

// login opens the queue, is sent to the login page, and logs in.
func (b *browser) login() {
	b.t.Helper()
	b.do("open /review", chromedp.Navigate(b.fx.url+"/review"), chromedp.WaitVisible(chromedp.CSS(`input[name=password]`)))
	if loc := b.location(); !strings.HasPrefix(loc, b.fx.url+"/review/login?next=") {
		b.t.Fatalf("/review without a session went to %s, want the login page", loc)
	}
	b.do("log in",
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), reviewer),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), password),
		chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.queue`)))
	if loc := b.location(); loc != b.fx.url+"/review" {
		b.t.Errorf("after login at %s, want %s/review", loc, b.fx.url)
	}
	if who := b.text("header.top .who"); who != reviewer {
		b.t.Errorf("signed in as %q, want %q", who, reviewer)
	}
}

// openApplication opens the application page and checks the masking.
func (b *browser) openApplication() {
	b.t.Helper()
	b.do("open the application", chromedp.Navigate(b.fx.url+"/review/app/"+appID), chromedp.WaitVisible(chromedp.CSS(`table#diff`)))
	b.checkMasked()
	if got := b.text("span.status"); got != "审核中 / Reviewing" {
		b.t.Errorf("status %q, want 审核中 / Reviewing", got)
	}
	if n := run(b, "count diff rows", chromedp.Evaluate[int](`document.querySelectorAll('#diff tbody tr').length`)); n != len(b.fx.verdict.Fields) {
		b.t.Errorf("diff has %d rows, the verdict %d fields", n, len(b.fx.verdict.Fields))
	}
	b.waitImages()
	b.screenshot("01-application.png")
}

// checkMasked checks that the page shows the administrator masked and
// holds neither the plain name nor the plain ID number anywhere.
func (b *browser) checkMasked() {
	b.t.Helper()
	summary := b.text("section.summary")
	if want := "管理员 / Administrator: " + b.maskedName(); !strings.Contains(summary, want) {
		b.t.Errorf("summary %q lacks %q", summary, want)
	}
	html := b.html()
	for _, plain := range []string{b.plainName(), b.fx.app.Form.AdminIDNumber, b.fx.app.Form.EnterpriseName} {
		if strings.Contains(html, plain) {
			b.t.Errorf("masked page holds the plain value %q", plain)
		}
	}
}

// waitImages scrolls to the document image (it loads lazily), waits
// until every image has loaded, and scrolls back to the top.
func (b *browser) waitImages() {
	b.t.Helper()
	b.do("load the document images",
		chromedp.ScrollIntoView(chromedp.CSS(`.canvas img`)),
		chromedp.Poll[chromedp.Void](`[...document.querySelectorAll('.canvas img')].every((i) => i.complete && i.naturalWidth > 0)`,
			chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
}

// focusBox clicks the first diff row with a box and checks its document's
// focus rectangle took the row's box.
func (b *browser) focusBox() {
	b.t.Helper()
	row := `#diff tbody tr[data-box]`
	attrs := run(b, "read the row", chromedp.Attributes(chromedp.CSS(row)))
	box := strings.Fields(attrs["data-box"])
	if len(box) != 4 || box[2] == "0" || box[3] == "0" {
		b.t.Fatalf("first boxed row has data-box %q", attrs["data-box"])
	}
	focus := fmt.Sprintf(`document.querySelector('#doc-%s rect.box.focus')`, attrs["data-doc"])
	b.do("click the row", chromedp.Click(chromedp.CSS(row)),
		chromedp.Poll[chromedp.Void](focus+`.getAttribute('width') === '`+box[2]+`'`, chromedp.WithPollingTimeout(10*time.Second)))
	got := run(b, "read the focus box", chromedp.Evaluate[[]string](
		`['x', 'y', 'width', 'height'].map((a) => `+focus+`.getAttribute(a))`))
	if w, _ := strconv.Atoi(got[2]); w <= 0 || strings.Join(got, " ") != attrs["data-box"] {
		b.t.Errorf("focus box %v, want %s", got, attrs["data-box"])
	}
	if cls := run(b, "read the row", chromedp.Attributes(chromedp.CSS(row)))["class"]; !strings.Contains(cls, "active") {
		b.t.Errorf("clicked row's class %q lacks active", cls)
	}
	b.screenshot("02-focus.png")
}

// showPlain shows the plain values, finds the audit entry, and masks again.
func (b *browser) showPlain() {
	b.t.Helper()
	b.do("show plain values", chromedp.Click(chromedp.CSS(`#mask-toggle`)),
		chromedp.WaitVisible(chromedp.CSS(`a#mask-toggle[href="?"]`)))
	summary := b.text("section.summary")
	for _, plain := range []string{"管理员 / Administrator: " + b.plainName(), b.fx.app.Form.AdminIDNumber} {
		if !strings.Contains(summary, plain) {
			b.t.Errorf("plain summary %q lacks %q", summary, plain)
		}
	}
	b.checkAudit()
	b.do("mask again", chromedp.Click(chromedp.CSS(`#mask-toggle`)),
		chromedp.WaitVisible(chromedp.CSS(`a#mask-toggle[href="?plain=1"]`)))
	b.checkMasked()
	b.checkAudit()
}

// checkAudit finds the reviewer's plain view in the Plain views section.
func (b *browser) checkAudit() {
	b.t.Helper()
	audit := b.text("section.audit")
	if !strings.Contains(audit, "明文查看记录 / Plain views") || !strings.Contains(audit, reviewer+" show_plain") {
		b.t.Errorf("Plain views section %q lacks %q", audit, reviewer+" show_plain")
	}
}

// reject submits the decision form with the preselected reasons and a
// comment, and checks the page after the redirect.
func (b *browser) reject() {
	b.t.Helper()
	checked := `[...document.querySelectorAll('#decision-form input[name=reason]:checked')].map((e) => e.value)`
	reasons := run(b, "read the reasons", chromedp.Evaluate[[]string](checked))
	if len(reasons) == 0 {
		b.t.Errorf("no reason preselected though the verdict rejects")
		b.do("check a reason", chromedp.Click(chromedp.CSS(`#decision-form input[name=reason]`)))
		reasons = run(b, "read the reasons", chromedp.Evaluate[[]string](checked))
	}
	b.do("reject",
		chromedp.SendKeys(chromedp.CSS(`#decision-form textarea[name=comment]`), comment),
		chromedp.Click(chromedp.CSS(`#decision-form button[value=reject]`)),
		chromedp.WaitVisible(chromedp.CSS(`span.status.rejected`)))
	if loc := b.location(); loc != b.fx.url+"/review/app/"+appID {
		b.t.Errorf("after the decision at %s", loc)
	}
	if got := b.text("span.status"); got != "已驳回 / Rejected" {
		b.t.Errorf("status %q, want 已驳回 / Rejected", got)
	}
	history := b.text("ul.history")
	for _, want := range append([]string{reviewer, "reject", comment}, reasons...) {
		if !strings.Contains(history, want) {
			b.t.Errorf("decision history %q lacks %q", history, want)
		}
	}
	b.screenshot("03-rejected.png")
}

// seeQueue finds the application rejected, and masked, in the queue.
func (b *browser) seeQueue() {
	b.t.Helper()
	b.do("open the queue", chromedp.Navigate(b.fx.url+"/review"), chromedp.WaitVisible(chromedp.CSS(`table.queue`)))
	row := `table.queue tr:has(a[href="/review/app/` + appID + `"])`
	if got := b.text(row + ` span.status`); got != "已驳回 / Rejected" {
		b.t.Errorf("queue status %q, want 已驳回 / Rejected", got)
	}
	if got := b.text(row); !strings.Contains(got, b.maskedName()) || strings.Contains(got, b.plainName()) {
		b.t.Errorf("queue row %q: want the administrator masked as %s", got, b.maskedName())
	}
	b.screenshot("04-queue.png")
}
