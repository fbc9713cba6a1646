package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"

	"github.com/qualcheck/qualcheck/ingest"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
)

const appJSON = `{"id":"client-7","kind":"voice_general","submitted_at":"2026-11-20","form":{"enterprise_name":"杭州云栖网络科技有限公司"}}`

type apiEnv struct {
	pool  *pgxpool.Pool
	store *store.Store
	srv   *httptest.Server
}

func newAPI(t *testing.T, cfg ingest.APIConfig) *apiEnv {
	pool, _ := storetest.NewDB(t)
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	blobs, err := store.OpenBlobs(ctx, "mem://", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: logger}) // insert only
	if err != nil {
		t.Fatal(err)
	}
	enqueue := func(ctx context.Context, tx pgx.Tx, id string) error {
		_, err := client.InsertTx(ctx, tx, store.VerifyArgs{ApplicationID: id}, nil)
		return err
	}
	st := store.New(pool, time.Now)
	mux := http.NewServeMux()
	ingest.NewAPI(cfg, st, blobs, enqueue, logger, time.Now).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &apiEnv{pool: pool, store: st, srv: srv}
}

// part is one multipart part: a form name, a file name ("" for a field)
// and its body.
type part struct{ name, file, body string }

func form(t *testing.T, parts ...part) (string, []byte) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range parts {
		var pw io.Writer
		var err error
		if p.file == "" {
			pw, err = w.CreateFormField(p.name)
		} else {
			pw, err = w.CreateFormFile(p.name, p.file)
		}
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(pw, p.body)
	}
	w.Close()
	return w.FormDataContentType(), buf.Bytes()
}

func (e *apiEnv) post(t *testing.T, ctype string, body []byte, header map[string]string) (int, map[string]any) {
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/api/applications", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, map[string]any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("answer is not JSON: %v", err)
	}
	return resp.StatusCode, out
}

func (e *apiEnv) count(t *testing.T, table string) int {
	var n int
	if err := e.pool.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func goodForm(t *testing.T) (string, []byte) {
	return form(t, part{"application", "", appJSON},
		part{"enterprise_certificate", "营业执照.jpg", "jpeg bytes"},
		part{"admin_id_front", `C:\scans\front.jpg`, "more bytes"})
}

func TestUploadAndStatus(t *testing.T) {
	e := newAPI(t, ingest.APIConfig{Loopback: true})
	ctype, body := goodForm(t)
	code, out := e.post(t, ctype, body, nil)
	if code != http.StatusAccepted || out["id"] == "" || out["status_url"] != "/api/applications/"+out["id"].(string) {
		t.Fatalf("%d %v", code, out)
	}
	id := out["id"].(string)
	rivertest.RequireInserted(context.Background(), t, riverpgxv5.New(e.pool), store.VerifyArgs{ApplicationID: id}, nil)
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/api/applications/"+id, nil)
	code, st := do(t, req)
	if code != http.StatusOK || st["status"] != "queued" || st["verdict"] != nil || st["client_id"] != "client-7" {
		t.Fatalf("status %d %v", code, st)
	}
	l, err := e.store.Load(context.Background(), id)
	if err != nil || len(l.Documents) != 2 || l.Application.Documents[1].File != "front.jpg" {
		t.Fatalf("stored %+v %v", l, err)
	}
	req, _ = http.NewRequest(http.MethodGet, e.srv.URL+"/api/applications/app-none", nil)
	if code, out := do(t, req); code != http.StatusNotFound || errCode(out) != "NOT_FOUND" {
		t.Errorf("unknown id: %d %v", code, out)
	}
}

func TestIdempotentUpload(t *testing.T) {
	e := newAPI(t, ingest.APIConfig{Loopback: true})
	ctype, body := goodForm(t)
	key := map[string]string{"Idempotency-Key": "upload-42"}
	_, first := e.post(t, ctype, body, key)
	code, again := e.post(t, ctype, body, key)
	if code != http.StatusAccepted || again["id"] != first["id"] {
		t.Fatalf("retry: %d %v, first %v", code, again, first)
	}
	ctype2, other := form(t, part{"application", "", appJSON}, part{"admin_id_back", "b.jpg", "other"})
	if code, out := e.post(t, ctype2, other, key); code != http.StatusUnprocessableEntity || errCode(out) != "IDEMPOTENCY_KEY_REUSED" {
		t.Errorf("key reused for another body: %d %v", code, out)
	}
	if n := e.count(t, "qualcheck_applications"); n != 1 {
		t.Errorf("%d applications stored, want 1", n)
	}
}

// TestBadRequests: every refusal is a 4xx JSON error with a code, and
// nothing is stored.
func TestBadRequests(t *testing.T) {
	e := newAPI(t, ingest.APIConfig{Loopback: true, MaxPartBytes: 64, MaxParts: 4})
	ctype, good := goodForm(t)
	big := strings.Repeat("x", 65)
	app := part{"application", "", appJSON}
	tests := []struct {
		name   string
		ctype  string // with body: a raw request; else parts make the form
		body   []byte
		parts  []part
		status int
		code   string
	}{
		{"not multipart", "application/json", []byte(appJSON), nil, 400, "MALFORMED_MULTIPART"},
		{"truncated multipart", ctype, good[:len(good)/2], nil, 400, "MALFORMED_MULTIPART"},
		{"unknown role", "", nil, []part{app, {"selfie", "s.jpg", "x"}}, 400, "UNKNOWN_ROLE"},
		{"oversize part", "", nil, []part{app, {"admin_id_front", "f.jpg", big}}, 413, "PART_TOO_LARGE"},
		{"no application", "", nil, []part{{"admin_id_front", "f.jpg", "x"}}, 400, "APPLICATION_MISSING"},
		{"application not JSON", "", nil, []part{{"application", "", "{oops"}}, 400, "APPLICATION_INVALID"},
		{"unknown kind", "", nil, []part{{"application", "", `{"kind":"fax"}`}}, 400, "APPLICATION_INVALID"},
		{"too many parts", "", nil, []part{app, {"other", "1", "x"}, {"other", "2", "x"}, {"other", "3", "x"}, {"other", "4", "x"}}, 400, "TOO_MANY_PARTS"},
	}
	for _, tt := range tests {
		ct, body := tt.ctype, tt.body
		if body == nil {
			ct, body = form(t, tt.parts...)
		}
		code, out := e.post(t, ct, body, nil)
		if code != tt.status || errCode(out) != tt.code {
			t.Errorf("%s: %d %v, want %d %s", tt.name, code, out, tt.status, tt.code)
		}
	}
	if n := e.count(t, "qualcheck_applications") + e.count(t, "river_job"); n != 0 {
		t.Errorf("%d rows stored by refused requests", n)
	}
}

func TestTokens(t *testing.T) {
	e := newAPI(t, ingest.APIConfig{Loopback: false})
	ctype, body := goodForm(t)
	if code, out := e.post(t, ctype, body, nil); code != http.StatusUnauthorized || errCode(out) != "UNAUTHORIZED" {
		t.Fatalf("no token beyond loopback: %d %v", code, out)
	}
	token, err := e.store.AddToken(context.Background(), "ci")
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := e.post(t, ctype, body, map[string]string{"Authorization": "Bearer wrong"}); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	if e.count(t, "qualcheck_applications") != 0 {
		t.Fatal("stored without a valid token")
	}
	if code, out := e.post(t, ctype, body, map[string]string{"Authorization": "Bearer " + token}); code != http.StatusAccepted {
		t.Errorf("valid token: %d %v", code, out)
	}
}

func errCode(out map[string]any) string {
	e, _ := out["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}
