package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/store/storetest"
	"github.com/qualcheck/qualcheck/verify"
)

// e2eApp is a sample cut to three documents, so that verifying it takes
// seconds, not a minute.
func e2eApp(t *testing.T, id string) string {
	src := "../../testdata/samples/app-1-00001"
	dir := filepath.Join(t.TempDir(), id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var app map[string]any
	data, _ := os.ReadFile(filepath.Join(src, "application.json"))
	if err := json.Unmarshal(data, &app); err != nil {
		t.Fatal(err)
	}
	docs := app["documents"].([]any)[:3]
	app["id"], app["documents"] = id, docs
	data, _ = json.Marshal(app)
	write(t, filepath.Join(dir, "application.json"), data)
	for _, d := range docs {
		f := d.(map[string]any)["file"].(string)
		b, _ := os.ReadFile(filepath.Join(src, f))
		write(t, filepath.Join(dir, f), b)
	}
	return dir
}

func write(t *testing.T, path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// upload posts an application folder as CONTRACT §5's multipart form.
func upload(t *testing.T, base, dir string) string {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	appJSON, _ := os.ReadFile(filepath.Join(dir, "application.json"))
	app, err := verify.ParseApplication(appJSON)
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := w.CreateFormField("application")
	fw.Write(appJSON)
	for _, d := range app.Documents {
		pw, _ := w.CreateFormFile(d.Role, d.File)
		b, _ := os.ReadFile(filepath.Join(dir, d.File))
		pw.Write(b)
	}
	w.Close()
	resp, err := http.Post(base+"/api/applications", w.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ ID string }
	if resp.StatusCode != http.StatusAccepted || json.NewDecoder(resp.Body).Decode(&out) != nil {
		t.Fatalf("upload %s: %s", dir, resp.Status)
	}
	return out.ID
}

type serverProc struct {
	cmd  *exec.Cmd
	base string
	log  *bytes.Buffer
}

// startServer runs the real binary; it returns once the server listens.
func startServer(t *testing.T, bin, dbURL, blobDir, listen string) *serverProc {
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "LISTEN="+listen, "BLOB_URL=file://"+blobDir,
		"LOG_LEVEL=info", "OCR_WORKERS=2", "WORKERS=2", "JOB_TIMEOUT=40s", "RESCUE_AFTER=41s", "OMP_THREAD_LIMIT=1")
	stdout, _ := cmd.StdoutPipe()
	p := &serverProc{cmd: cmd, base: "http://" + listen, log: &bytes.Buffer{}}
	cmd.Stderr = p.log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || !strings.Contains(sc.Text(), "serving on") {
		t.Fatalf("server did not start: %s", p.log)
	}
	go io.Copy(io.Discard, stdout)
	return p
}

func status(t *testing.T, base, id string) (string, verify.Verdict) {
	resp, err := http.Get(base + "/api/applications/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st struct {
		Status  string
		Verdict *verify.Verdict
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	if st.Verdict == nil {
		return st.Status, verify.Verdict{}
	}
	return st.Status, *st.Verdict
}

// waitFor polls the status endpoint (the API's own signal) until cond
// holds, failing after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(limit)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeSurvivesKill starts the real binary, uploads two
// applications, kills it with SIGKILL while one is being verified,
// starts it again and gets both verdicts, equal to the offline
// command's.
func TestServeSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the server and Tesseract")
	}
	_, dbURL := storetest.NewDB(t)
	bin := filepath.Join(t.TempDir(), "qualcheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v: %s", err, out)
	}
	dirs := []string{e2eApp(t, "e2e-1"), e2eApp(t, "e2e-2")}
	addr := freeAddr(t)
	blobDir := t.TempDir()
	srv := startServer(t, bin, dbURL, blobDir, addr)
	ids := []string{upload(t, srv.base, dirs[0]), upload(t, srv.base, dirs[1])}
	waitFor(t, time.Minute, "a job to start", func() bool {
		s0, _ := status(t, srv.base, ids[0])
		s1, _ := status(t, srv.base, ids[1])
		return s0 == "processing" || s1 == "processing"
	})
	_ = srv.cmd.Process.Kill() // SIGKILL mid-job
	_ = srv.cmd.Wait()
	srv = startServer(t, bin, dbURL, blobDir, addr)
	for i, id := range ids {
		waitFor(t, 3*time.Minute, "verdict of "+id, func() bool { s, _ := status(t, srv.base, id); return s == "done" })
		_, got := status(t, srv.base, id)
		want := offlineVerdict(t, dirs[i])
		if got.Decision != want.Decision || !slices.Equal(reasonCodes(got), reasonCodes(want)) {
			t.Errorf("%s: served %s %v, offline %s %v", id, got.Decision, reasonCodes(got), want.Decision, reasonCodes(want))
		}
	}
}

func offlineVerdict(t *testing.T, dir string) verify.Verdict {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"verify", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("offline verify: %d %s", code, stderr.String())
	}
	var v verify.Verdict
	if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}
