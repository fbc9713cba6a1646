package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // file:// URLs (the default)
	_ "gocloud.dev/blob/memblob"  // mem:// URLs (tests)
	_ "gocloud.dev/blob/s3blob"   // s3:// URLs, and S3-compatible stores
	"gocloud.dev/gcerrors"
)

// Blobs keeps document bytes in a gocloud.dev bucket (file://, s3://,
// gs://, azblob://, mem://), each under the SHA-256 of its content: the
// same file uploaded twice is stored once.
type Blobs struct {
	bucket *blob.Bucket
	tmpDir string
}

// OpenBlobs opens the bucket at url. tmpDir holds an upload while its
// hash is computed ("" means the system's).
func OpenBlobs(ctx context.Context, url, tmpDir string) (*Blobs, error) {
	b, err := blob.OpenBucket(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("open blob bucket: %w", err)
	}
	return &Blobs{bucket: b, tmpDir: tmpDir}, nil
}

// Close closes the bucket.
func (b *Blobs) Close() error { return b.bucket.Close() }

// Stored is a blob written by Put.
type Stored struct {
	Key  string // sha256/<hex>
	Size int64
}

// ErrTooLarge is returned by Put when the content exceeds its limit.
var ErrTooLarge = errors.New("blob too large")

// Put streams r into the bucket, refusing more than limit bytes: the
// bytes go to a temporary file while they are hashed, then to the
// bucket under their hash, so memory stays flat whatever the size.
func (b *Blobs) Put(ctx context.Context, r io.Reader, limit int64) (Stored, error) {
	f, err := os.CreateTemp(b.tmpDir, "qualcheck-upload-*")
	if err != nil {
		return Stored{}, fmt.Errorf("blob temp file: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, limit+1))
	if err != nil {
		return Stored{}, fmt.Errorf("blob receive: %w", err)
	}
	if n > limit {
		return Stored{}, ErrTooLarge
	}
	st := Stored{Key: "sha256/" + hex.EncodeToString(h.Sum(nil)), Size: n}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Stored{}, fmt.Errorf("blob rewind: %w", err)
	}
	return st, b.upload(ctx, st.Key, f)
}

func (b *Blobs) upload(ctx context.Context, key string, r io.Reader) error {
	if ok, err := b.bucket.Exists(ctx, key); err == nil && ok {
		return nil // content-addressed: already there
	}
	if err := b.bucket.Upload(ctx, key, r, &blob.WriterOptions{ContentType: "application/octet-stream"}); err != nil {
		return fmt.Errorf("blob write %s: %w", key, err)
	}
	return nil
}

// ErrBlobMissing is returned by Get for a key the bucket lacks.
var ErrBlobMissing = errors.New("blob missing")

// Get reads a blob whole (documents are at most a few MB).
func (b *Blobs) Get(ctx context.Context, key string) ([]byte, error) {
	data, err := b.bucket.ReadAll(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, fmt.Errorf("blob %s: %w", key, ErrBlobMissing)
	}
	if err != nil {
		return nil, fmt.Errorf("blob read %s: %w", key, err)
	}
	return data, nil
}
