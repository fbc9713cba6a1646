package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// AddToken creates an API token named name and returns it; only its
// SHA-256 is stored, so it is shown once.
func (s *Store) AddToken(ctx context.Context, name string) (string, error) {
	raw := make([]byte, 24)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("token: %w", err)
	}
	token := "qc_" + hex.EncodeToString(raw)
	if _, err := s.pool.Exec(ctx, `INSERT INTO qualcheck_api_tokens (name, sha256, created_at) VALUES ($1, $2, $3)`,
		name, tokenHash(token), s.now()); err != nil {
		return "", fmt.Errorf("store token: %w", err)
	}
	return token, nil
}

// CountTokens says how many tokens exist (none: uploads are open on
// loopback only).
func (s *Store) CountTokens(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM qualcheck_api_tokens`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tokens: %w", err)
	}
	return n, nil
}

// CheckToken reports whether token is a stored one, by its name.
func (s *Store) CheckToken(ctx context.Context, token string) (string, bool, error) {
	h := tokenHash(token)
	var name, stored string
	err := s.pool.QueryRow(ctx, `SELECT name, sha256 FROM qualcheck_api_tokens WHERE sha256 = $1`, h).Scan(&name, &stored)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("check token: %w", err)
	}
	return name, subtle.ConstantTimeCompare([]byte(h), []byte(stored)) == 1, nil
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
