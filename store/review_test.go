package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/verify"
)

// held submits an application of an enterprise and administrator.
func held(t *testing.T, s *store.Store, id, enterprise, adminID string) {
	sub := submission(id, "", id)
	form, _ := json.Marshal(map[string]string{"enterprise_name": enterprise, "admin_id_number": adminID, "admin_name": "李娜"})
	if err := json.Unmarshal(form, &sub.Application.Form); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Submit(context.Background(), sub, noJob); err != nil {
		t.Fatal(err)
	}
}

func TestDecideAndSupersede(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	held(t, s, "app-1", "杭州云栖网络科技有限公司", "330102199001011234")
	held(t, s, "app-2", "杭州云栖网络科技有限公司", "330102199001011234")
	held(t, s, "app-3", "杭州云栖网络科技有限公司", "110101199003071234")
	approve := store.Decision{Reviewer: "wang", Decision: "approve"}
	if sup, err := s.Decide(ctx, "app-1", approve); err != nil || len(sup) != 0 {
		t.Fatalf("approve app-1: %v %v", sup, err)
	}
	d, err := s.Detail(ctx, "app-2")
	if err != nil || len(d.Holders) != 1 || d.Holders[0].ID != "app-1" {
		t.Fatalf("holders of app-2: %+v %v", d.Holders, err)
	}
	if sup, err := s.Decide(ctx, "app-2", approve); err != nil || len(sup) != 1 || sup[0] != "app-1" {
		t.Fatalf("approve app-2: %v %v", sup, err)
	}
	if _, err := s.Decide(ctx, "app-2", store.Decision{Reviewer: "li", Decision: "reject"}); !errors.Is(err, store.ErrDecided) {
		t.Errorf("approved app-2 changed: %v", err)
	}
	reject := store.Decision{Reviewer: "li", Decision: "reject", Reasons: []string{"STAMP_MISSING"}, Comment: "无公章"}
	if _, err := s.Decide(ctx, "app-3", reject); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"app-1": "superseded", "app-2": "approved", "app-3": "rejected"} {
		d, _ := s.Detail(ctx, id)
		if d.ReviewStatus != want {
			t.Errorf("%s: %s, want %s", id, d.ReviewStatus, want)
		}
	}
	d, _ = s.Detail(ctx, "app-3")
	if len(d.Decisions) != 1 || d.Decisions[0].Reasons[0] != "STAMP_MISSING" || d.Decisions[0].Comment != "无公章" {
		t.Errorf("decisions of app-3: %+v", d.Decisions)
	}
}

func TestQueueFilters(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	for _, id := range []string{"app-1", "app-2", "app-3"} {
		held(t, s, id, "企业"+id, "330102199001011234")
	}
	if _, err := s.Decide(ctx, "app-2", store.Decision{Reviewer: "w", Decision: "reject"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pool().Exec(ctx, `UPDATE qualcheck_applications SET decision = CASE id WHEN 'app-2' THEN 'reject' ELSE 'pass' END`); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f     store.QueueFilter
		total int
		first string
	}{
		{store.QueueFilter{}, 3, "app-3"},
		{store.QueueFilter{Sort: "oldest"}, 3, "app-1"},
		{store.QueueFilter{ReviewStatus: "rejected"}, 1, "app-2"},
		{store.QueueFilter{Sort: "decision"}, 3, "app-2"},
		{store.QueueFilter{Kind: verify.KindVoice400}, 0, ""},
		{store.QueueFilter{PerPage: 1, Page: 2}, 3, "app-2"},
		{store.QueueFilter{From: time.Now().Add(time.Hour)}, 0, ""},
	}
	for i, tt := range tests {
		rows, total, err := s.Queue(ctx, tt.f)
		first := ""
		if len(rows) > 0 {
			first = rows[0].ID
		}
		if err != nil || total != tt.total || first != tt.first {
			t.Errorf("%d: total %d first %q (%v), want %d %q", i, total, first, err, tt.total, tt.first)
		}
	}
}

func TestUsersAndSessions(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if err := s.AddUser(ctx, "wang", store.RoleReviewer, "short"); err == nil {
		t.Error("a 5-character password was taken")
	}
	if err := s.AddUser(ctx, "wang", store.RoleReviewer, "correct horse"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Login(ctx, "wang", "wrong password", time.Hour); !errors.Is(err, store.ErrBadLogin) {
		t.Errorf("wrong password: %v", err)
	}
	sess, token, err := s.Login(ctx, "wang", "correct horse", time.Hour)
	if err != nil || sess.Role != store.RoleReviewer || sess.CSRF == "" {
		t.Fatalf("login: %+v %v", sess, err)
	}
	if got, ok, err := s.SessionOf(ctx, token); err != nil || !ok || got != sess {
		t.Fatalf("session: %+v %v %v", got, ok, err)
	}
	if err := s.Logout(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.SessionOf(ctx, token); ok {
		t.Error("session alive after logout")
	}
	if err := s.Audit(ctx, "wang", "show_plain", "app-1"); err != nil {
		t.Fatal(err)
	}
	if log, err := s.AuditLog(ctx, "app-1"); err != nil || len(log) != 1 || log[0].Actor != "wang" {
		t.Errorf("audit: %+v %v", log, err)
	}
}
