package review

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/qualcheck/qualcheck/ocr"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
	"github.com/qualcheck/qualcheck/verify"
)

type fixture struct {
	st     *store.Store
	srv    *httptest.Server
	client *http.Client
}

// newFixture serves the pages over one stored application with a
// verdict; users are added when accounts is set.
func newFixture(t *testing.T, loopback, accounts bool) *fixture {
	pool, _ := storetest.NewDB(t)
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	st := store.New(pool, time.Now)
	blobs, err := store.OpenBlobs(ctx, "mem://", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	seed(t, st, blobs)
	if accounts {
		if err := st.AddUser(ctx, "wang", store.RoleReviewer, "correct horse"); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(Config{Loopback: loopback}, st, blobs, logger, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &fixture{st: st, srv: srv, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func seed(t *testing.T, st *store.Store, blobs *store.Blobs) {
	ctx := context.Background()
	img, err := blobs.Put(ctx, strings.NewReader("\x89PNG\r\n\x1a\nnot really"), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	app := verify.Application{ID: "c-1", Kind: verify.KindVoiceGeneral, SubmittedAt: "2026-11-20",
		Form:      verify.Form{EnterpriseName: "杭州云栖网络科技有限公司", AdminName: "李娜", AdminIDNumber: "330102199001011234"},
		Documents: []verify.DocumentRef{{Role: verify.RoleAdminIDFront, File: "front.png"}}}
	sub := store.Submission{ID: "app-1", Application: app, RequestSHA256: "h",
		Documents: []store.Document{{Role: verify.RoleAdminIDFront, File: "front.png", Blob: img}}}
	if _, err := st.Submit(ctx, sub, func(context.Context, pgx.Tx, string) error { return nil }); err != nil {
		t.Fatal(err)
	}
	extracted, box, glyphed := "李哪", ocr.Box{X: 10, Y: 20, W: 30, H: 40}, "深圳嘉丰物流有限公司"
	v := verify.Verdict{ApplicationID: "app-1", Decision: verify.DecisionReject,
		Reasons: []verify.Reason{{Code: verify.CodeFieldMismatch, Severity: verify.SeverityReject, Field: "admin_name",
			MessageZH: "管理员姓名与证件不一致", MessageEN: "The entered administrator name differs",
			Evidence: &verify.Evidence{Entered: "李娜", Found: "李哪"}}},
		Fields: []verify.FieldResult{{Field: "admin_name", Entered: "李娜", Extracted: &extracted, Confidence: 0.91,
			Source: &verify.Source{Role: verify.RoleAdminIDFront, File: "front.png", BBox: &box}},
			{Field: "enterprise_name", Entered: glyphed, Extracted: &glyphed, Match: true, Confidence: 0.71, OCRRead: "深圳嘉半物流有限公司"}},
		Documents: []verify.DocumentReport{{Role: verify.RoleAdminIDFront, File: "front.png", Width: 100, Height: 80, KindDetected: "id_front"}}}
	err = pgx.BeginFunc(ctx, st.Pool(), func(tx pgx.Tx) error {
		return st.SaveRunTx(ctx, tx, "app-1", store.Run{Verdict: v, Status: store.StatusDone})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) get(t *testing.T, path string) (int, string, *http.Response) {
	resp, err := f.client.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp
}

func (f *fixture) post(t *testing.T, path string, form url.Values) (int, string) {
	resp, err := f.client.PostForm(f.srv.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func csrfOf(t *testing.T, page string) string {
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the page")
	}
	return m[1]
}

func (f *fixture) login(t *testing.T) {
	code, _ := f.post(t, "/review/login", url.Values{"name": {"wang"}, "password": {"correct horse"}, "next": {"/review/app/app-1"}})
	if code != http.StatusSeeOther {
		t.Fatalf("login: %d", code)
	}
}

func TestLoginRequired(t *testing.T) {
	f := newFixture(t, false, true)
	if code, _, resp := f.get(t, "/review"); code != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/review/login") {
		t.Fatalf("anonymous queue: %d %s", code, resp.Header.Get("Location"))
	}
	if code, body := f.post(t, "/review/login", url.Values{"name": {"wang"}, "password": {"wrong one"}}); code != http.StatusUnauthorized || !strings.Contains(body, "用户名或密码错误") {
		t.Fatalf("wrong password: %d", code)
	}
	resp, err := f.client.PostForm(f.srv.URL+"/review/login", url.Values{"name": {"wang"}, "password": {"correct horse"}, "next": {"https://evil.example/"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	c := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/review" || len(c) != 1 || !c[0].HttpOnly || c[0].SameSite != http.SameSiteLaxMode {
		t.Fatalf("login: %d to %q, cookies %+v", resp.StatusCode, resp.Header.Get("Location"), c)
	}
	if code, body, _ := f.get(t, "/review"); code != http.StatusOK || !strings.Contains(body, "app-1") {
		t.Fatalf("queue after login: %d", code)
	}
}

// TestOpenOnLoopbackOnly: with no accounts the pages are open on
// loopback, and need a login anywhere else.
func TestOpenOnLoopbackOnly(t *testing.T) {
	if code, _, _ := newFixture(t, true, false).get(t, "/review"); code != http.StatusOK {
		t.Errorf("loopback, no accounts: %d", code)
	}
	if code, _, _ := newFixture(t, false, false).get(t, "/review"); code != http.StatusSeeOther {
		t.Errorf("beyond loopback, no accounts: %d", code)
	}
}

func TestMaskingAndAudit(t *testing.T) {
	f := newFixture(t, false, true)
	f.login(t)
	for _, path := range []string{"/review", "/review/app/app-1"} {
		_, body, _ := f.get(t, path)
		if strings.Contains(body, "李娜") || strings.Contains(body, "330102199001011234") || !strings.Contains(body, "李*") || !strings.Contains(body, "3301**********1234") {
			t.Errorf("%s: personal data not masked", path)
		}
	}
	_, body, _ := f.get(t, "/review/app/app-1?plain=1")
	if !strings.Contains(body, "李娜") || !strings.Contains(body, "330102199001011234") {
		t.Error("plain view masked")
	}
	log, err := f.st.AuditLog(context.Background(), "app-1")
	if err != nil || len(log) != 1 || log[0].Actor != "wang" || log[0].Action != "show_plain" {
		t.Errorf("audit: %+v %v", log, err)
	}
}

func TestApplicationPage(t *testing.T) {
	f := newFixture(t, true, false)
	code, body, _ := f.get(t, "/review/app/app-1")
	for _, want := range []string{"FIELD_MISMATCH", "管理员姓名与证件不一致", "The entered administrator name differs",
		`data-box="10 20 30 40"`, `viewBox="0 0 100 80"`, "/review/app/app-1/file?name=front.png", "建议驳回",
		"confirmed by glyph comparison"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if code != http.StatusOK {
		t.Fatalf("page: %d", code)
	}
	if code, _, _ := f.get(t, "/review/app/nope"); code != http.StatusNotFound {
		t.Errorf("unknown application: %d", code)
	}
	code, img, resp := f.get(t, "/review/app/app-1/file?name=front.png")
	if code != http.StatusOK || !strings.HasPrefix(img, "\x89PNG") || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("file: %d %q", code, resp.Header.Get("Content-Type"))
	}
	if code, _, _ := f.get(t, "/review/app/app-1/file?name=../../etc/passwd"); code != http.StatusNotFound {
		t.Errorf("a file not of the application: %d", code)
	}
}

func TestDecisionsAndCSRF(t *testing.T) {
	f := newFixture(t, false, true)
	f.login(t)
	_, page, _ := f.get(t, "/review/app/app-1")
	token := csrfOf(t, page)
	reject := url.Values{"decision": {"reject"}, "reason": {"FIELD_MISMATCH"}, "comment": {"姓名不符"}}
	if code, _ := f.post(t, "/review/app/app-1/decision", reject); code != http.StatusForbidden {
		t.Errorf("without CSRF token: %d", code)
	}
	reject.Set("csrf", otherToken(token))
	if code, _ := f.post(t, "/review/app/app-1/decision", reject); code != http.StatusForbidden {
		t.Errorf("wrong CSRF token: %d", code)
	}
	reject.Set("csrf", token)
	if code, _ := f.post(t, "/review/app/app-1/decision", reject); code != http.StatusSeeOther {
		t.Fatalf("reject: %d", code)
	}
	_, page, _ = f.get(t, "/review/app/app-1")
	if !strings.Contains(page, "已驳回 / Rejected") || !strings.Contains(page, "姓名不符") {
		t.Error("rejection not shown")
	}
	approve := url.Values{"decision": {"approve"}, "csrf": {token}}
	if code, _ := f.post(t, "/review/app/app-1/decision", approve); code != http.StatusSeeOther {
		t.Fatalf("approve: %d", code)
	}
	if code, _ := f.post(t, "/review/app/app-1/decision", reject); code != http.StatusConflict {
		t.Errorf("changing an approved qualification: %d", code)
	}
	if code, _ := f.post(t, "/review/logout", url.Values{"csrf": {token}}); code != http.StatusSeeOther {
		t.Errorf("logout: %d", code)
	}
	if code, _, _ := f.get(t, "/review"); code != http.StatusSeeOther {
		t.Errorf("queue after logout: %d", code)
	}
}

// TestAuditPageForAdmins: the audit of every application is for admins;
// a reviewer is refused.
func TestAuditPageForAdmins(t *testing.T) {
	f := newFixture(t, false, true)
	if err := f.st.AddUser(context.Background(), "zhao", store.RoleAdmin, "admin password"); err != nil {
		t.Fatal(err)
	}
	f.login(t)
	f.get(t, "/review/app/app-1?plain=1")
	if code, _, _ := f.get(t, "/review/audit"); code != http.StatusForbidden {
		t.Errorf("reviewer: %d", code)
	}
	if code, _ := f.post(t, "/review/login", url.Values{"name": {"zhao"}, "password": {"admin password"}}); code != http.StatusSeeOther {
		t.Fatalf("admin login: %d", code)
	}
	code, body, _ := f.get(t, "/review/audit")
	if code != http.StatusOK || !strings.Contains(body, "wang") || !strings.Contains(body, "show_plain") {
		t.Errorf("admin: %d", code)
	}
}

// otherToken is token with its first character changed: "0"+token[1:]
// was the token itself whenever it began with 0.
func otherToken(token string) string {
	if strings.HasPrefix(token, "0") {
		return "1" + token[1:]
	}
	return "0" + token[1:]
}
