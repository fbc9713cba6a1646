package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"

	"github.com/qualcheck/qualcheck/verify"
)

// Uploader sends application folders to a qualcheck server as the
// multipart form of CONTRACT §5, streaming each file (batch intake).
type Uploader struct {
	Client *http.Client
	Base   string // http://host:port
	Token  string // "" when the server is open
}

// Upload sends the folder dir and returns the server's answer: the id
// and status URL on 202, an error with the server's code otherwise.
func (u Uploader) Upload(ctx context.Context, dir string) (id string, err error) {
	app, folder, err := ReadFolder(dir)
	if err != nil {
		return "", err
	}
	body, w := io.Pipe()
	mw := multipart.NewWriter(w)
	go func() { w.CloseWithError(writeForm(mw, dir, app.Documents, folder)) }()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.Base+"/api/applications", body)
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if u.Token != "" {
		req.Header.Set("Authorization", "Bearer "+u.Token)
	}
	return u.send(req)
}

func writeForm(mw *multipart.Writer, dir string, docs []verify.DocumentRef, folder Folder) error {
	appJSON, err := os.ReadFile(filepath.Join(dir, ApplicationFile))
	if err != nil {
		return err
	}
	if err := mw.WriteField("application", string(appJSON)); err != nil {
		return err
	}
	for _, d := range docs {
		if err := writeFile(mw, d.Role, d.File, folder); err != nil {
			return err
		}
	}
	return mw.Close()
}

func writeFile(mw *multipart.Writer, role, name string, folder Folder) error {
	if !filepath.IsLocal(name) {
		return fmt.Errorf("document %q: name leaves the application folder", name)
	}
	f, err := os.Open(filepath.Join(folder.Dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	pw, err := mw.CreateFormFile(role, filepath.Base(name))
	if err != nil {
		return err
	}
	_, err = io.Copy(pw, f)
	return err
}

func (u Uploader) send(req *http.Request) (string, error) {
	resp, err := u.Client.Do(req)
	if err != nil {
		return "", fmt.Errorf("upload: %w", err)
	}
	defer resp.Body.Close()
	var out struct {
		ID    string `json:"id"`
		Error struct{ Code, Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("upload: %s, unreadable answer: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusAccepted {
		return "", fmt.Errorf("upload refused: %s %s: %s", resp.Status, out.Error.Code, out.Error.Message)
	}
	return out.ID, nil
}
