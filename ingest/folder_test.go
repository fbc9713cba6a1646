package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/qualcheck/qualcheck/verify"
)

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadFolder(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		files   []string
		wantErr error
		roles   []string
	}{
		{"no application.json", "", nil, ErrNoApplication, nil},
		{"malformed json", "{", nil, ErrNoApplication, nil},
		{"unknown kind", `{"id":"a","kind":"fax"}`, nil, ErrNoApplication, nil},
		{"documents listed", `{"id":"a","kind":"voice_general","documents":[{"role":"admin_id_front","file":"x.jpg"}]}`, nil, nil, []string{verify.RoleAdminIDFront}},
		{"no documents list: files become packet pages", `{"id":"a","kind":"voice_general"}`, []string{"营业执照.jpg", "b.PDF", ".hidden"}, nil, []string{verify.RolePacket, verify.RolePacket}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.json != "" {
				write(t, dir, ApplicationFile, tt.json)
			}
			for _, f := range tt.files {
				write(t, dir, f, "x")
			}
			app, _, err := ReadFolder(dir)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if len(app.Documents) != len(tt.roles) {
				t.Fatalf("documents %+v, want roles %v", app.Documents, tt.roles)
			}
			for i, r := range tt.roles {
				if app.Documents[i].Role != r {
					t.Errorf("document %d role %s, want %s", i, app.Documents[i].Role, r)
				}
			}
		})
	}
}

func TestFolderOpenStaysInside(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.jpg", "data")
	f := Folder{Dir: dir}
	if b, err := f.Open("a.jpg"); err != nil || string(b) != "data" {
		t.Errorf("Open(a.jpg) = %q, %v", b, err)
	}
	for _, bad := range []string{"../a.jpg", "/etc/passwd", "x/../../a.jpg"} {
		if _, err := f.Open(bad); err == nil {
			t.Errorf("Open(%q) succeeded", bad)
		}
	}
}
