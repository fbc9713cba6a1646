package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"
)

// Reviewer roles.
const (
	RoleReviewer = "reviewer"
	RoleAdmin    = "admin"
)

// ErrBadLogin: no such user, or the wrong password (not told apart).
var ErrBadLogin = errors.New("wrong name or password")

// AddUser creates a reviewer or admin with a bcrypt-hashed password.
func (s *Store) AddUser(ctx context.Context, name, role, password string) error {
	if role != RoleReviewer && role != RoleAdmin {
		return fmt.Errorf("role %q: want reviewer or admin", role)
	}
	if len(password) < 8 {
		return errors.New("password: at least 8 characters")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO qualcheck_users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4)`,
		name, role, string(hash), s.now()); err != nil {
		return fmt.Errorf("add user %s: %w", name, err)
	}
	return nil
}

// CountUsers says how many accounts exist.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM qualcheck_users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// Session is a signed-in reviewer.
type Session struct {
	User, Role string
	CSRF       string // the token every form of the session must carry
}

// Login checks a password and opens a session of ttl; the returned
// token goes in the cookie, only its SHA-256 is stored.
func (s *Store) Login(ctx context.Context, name, password string, ttl time.Duration) (Session, string, error) {
	var id int64
	var hash string
	sess := Session{User: name}
	err := s.pool.QueryRow(ctx, `SELECT id, role, password_hash FROM qualcheck_users WHERE name = $1`, name).Scan(&id, &sess.Role, &hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return Session{}, "", ErrBadLogin
	}
	if err != nil {
		return Session{}, "", fmt.Errorf("login: %w", err)
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil {
		return Session{}, "", ErrBadLogin
	}
	token, csrf := randomHex(), randomHex()
	sess.CSRF = csrf
	if _, err := s.pool.Exec(ctx, `INSERT INTO qualcheck_sessions (token_sha256, user_id, csrf, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash(token), id, csrf, s.now().Add(ttl)); err != nil {
		return Session{}, "", fmt.Errorf("login: %w", err)
	}
	return sess, token, nil
}

// SessionOf finds the live session of a cookie token.
func (s *Store) SessionOf(ctx context.Context, token string) (Session, bool, error) {
	var sess Session
	err := s.pool.QueryRow(ctx, `SELECT u.name, u.role, s.csrf FROM qualcheck_sessions s JOIN qualcheck_users u ON u.id = s.user_id
		WHERE s.token_sha256 = $1 AND s.expires_at > $2`, tokenHash(token), s.now()).Scan(&sess.User, &sess.Role, &sess.CSRF)
	if errors.Is(err, pgx.ErrNoRows) {
		return Session{}, false, nil
	}
	if err != nil {
		return Session{}, false, fmt.Errorf("session: %w", err)
	}
	return sess, true, nil
}

// Logout ends the session of a cookie token.
func (s *Store) Logout(ctx context.Context, token string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM qualcheck_sessions WHERE token_sha256 = $1`, tokenHash(token)); err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}

func randomHex() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
