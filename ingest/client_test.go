package ingest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/qualcheck/qualcheck/ingest"
)

// TestUploaderSendsAFolder uploads a bundled sample folder, streamed,
// and finds every document of its application.json stored.
func TestUploaderSendsAFolder(t *testing.T) {
	e := newAPI(t, ingest.APIConfig{Loopback: true})
	u := ingest.Uploader{Client: http.DefaultClient, Base: e.srv.URL}
	id, err := u.Upload(context.Background(), "../testdata/samples/app-2-00005")
	if err != nil {
		t.Fatal(err)
	}
	l, err := e.store.Load(context.Background(), id)
	if err != nil || len(l.Documents) != 8 || l.Application.Kind != "voice_general" {
		t.Fatalf("stored %d documents of %s: %v", len(l.Documents), l.Application.Kind, err)
	}
	if _, err := u.Upload(context.Background(), "../testdata/samples"); err == nil {
		t.Error("a folder without application.json was sent")
	}
}
