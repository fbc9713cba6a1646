package store_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/qualcheck/qualcheck/store"
)

func TestBlobs(t *testing.T) {
	ctx := context.Background()
	b, err := store.OpenBlobs(ctx, "file://"+t.TempDir()+"?create_dir=true", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	st, err := b.Put(ctx, strings.NewReader("hello"), 10)
	want := "sha256/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	if err != nil || st.Key != want || st.Size != 5 {
		t.Fatalf("put: %+v %v", st, err)
	}
	again, err := b.Put(ctx, strings.NewReader("hello"), 10)
	if err != nil || again != st {
		t.Fatalf("same content again: %+v %v", again, err)
	}
	got, err := b.Get(ctx, st.Key)
	if err != nil || !bytes.Equal(got, []byte("hello")) {
		t.Fatalf("get: %q %v", got, err)
	}
	if _, err := b.Put(ctx, strings.NewReader("hello world"), 10); !errors.Is(err, store.ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := b.Get(ctx, "sha256/none"); !errors.Is(err, store.ErrBlobMissing) {
		t.Errorf("missing: %v", err)
	}
}
