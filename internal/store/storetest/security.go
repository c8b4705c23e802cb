package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/user"
)

// testAccountSecurity checks password resets, two-factor secrets, recovery
// codes and pending sign-ins: every "use" works once, and only while live.
func testAccountSecurity(t *testing.T, s *store.Store) {
	now := time.Unix(1_700_000_000, 0).UTC()
	u := &user.User{Email: "sec@example.org", Name: "Sec", Role: user.Admin, PasswordHash: "old", CreatedAt: now}
	must(t, s.CreateUser(ctx, u))
	other := &user.User{Email: "other@example.org", Name: "Other", Role: user.Editor, PasswordHash: "h", CreatedAt: now}
	must(t, s.CreateUser(ctx, other))
	for _, h := range []string{"s1", "s2"} {
		must(t, s.CreateSession(ctx, &user.Session{IDHash: h, UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}))
	}
	must(t, s.CreateSession(ctx, &user.Session{IDHash: "o1", UserID: other.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}))
	gen := s.Generation()

	// Resets: a newer link replaces an older one; a link works once and only while live.
	must(t, s.CreatePasswordReset(ctx, &user.PasswordReset{TokenHash: "r1", UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}))
	must(t, s.CreatePasswordReset(ctx, &user.PasswordReset{TokenHash: "r2", UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}))
	if s.Generation() != gen {
		t.Error("asking for a reset moved the cache generation: anyone could empty the page cache")
	}
	if _, err := s.PasswordResetByHash(ctx, "r1"); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("the replaced link: %v", err)
	}
	if _, err := s.ResetPassword(ctx, "r2", "new", now.Add(2*time.Hour)); !errors.Is(err, user.ErrResetInvalid) {
		t.Errorf("an expired link: %v", err)
	}
	must(t, s.CreatePasswordReset(ctx, &user.PasswordReset{TokenHash: "r3", UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}))
	must(t, s.CreateLoginChallenge(ctx, &user.LoginChallenge{TokenHash: "c1", UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Minute)}))
	id, err := s.ResetPassword(ctx, "r3", "new", now.Add(time.Minute))
	must(t, err)
	if id != u.ID {
		t.Errorf("reset returned user %d", id)
	}
	if _, err := s.ResetPassword(ctx, "r3", "newer", now.Add(time.Minute)); !errors.Is(err, user.ErrResetInvalid) {
		t.Errorf("a used link: %v", err)
	}
	got, err := s.UserByID(ctx, u.ID)
	must(t, err)
	if got.PasswordHash != "new" {
		t.Errorf("password hash %q", got.PasswordHash)
	}
	r, err := s.PasswordResetByHash(ctx, "r3")
	must(t, err)
	if r.UsedAt.IsZero() {
		t.Error("the used link is not marked used")
	}
	for _, h := range []string{"s1", "s2"} {
		if _, err := s.SessionByHash(ctx, h); err == nil {
			t.Errorf("session %s survived the reset", h)
		}
	}
	if _, err := s.SessionByHash(ctx, "o1"); err != nil {
		t.Error("another account's session ended")
	}
	if _, err := s.LoginChallengeByHash(ctx, "c1"); err == nil {
		t.Error("a pending sign-in survived the reset")
	}

	// Two-factor: pending, enabled, steps only move forward.
	if _, err := s.TwoFactorByUser(ctx, u.ID); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("no secret yet: %v", err)
	}
	must(t, s.SaveTwoFactor(ctx, &user.TwoFactor{UserID: u.ID, Secret: "JBSWY3DPEHPK3PXP", CreatedAt: now}))
	if ok, err := s.AdvanceTwoFactorStep(ctx, u.ID, 10); err != nil || ok {
		t.Errorf("a pending secret accepted a step: %v %v", ok, err)
	}
	must(t, s.EnableTwoFactor(ctx, u.ID, now, 100, []string{"h1", "h2", "h3"}))
	if err := s.EnableTwoFactor(ctx, u.ID, now, 100, nil); err == nil {
		t.Error("enabled twice")
	}
	tf, err := s.TwoFactorByUser(ctx, u.ID)
	must(t, err)
	if !tf.Enabled() || tf.LastStep != 100 || tf.Secret != "JBSWY3DPEHPK3PXP" {
		t.Errorf("two-factor %+v", tf)
	}
	for _, c := range []struct {
		step int64
		want bool
	}{{100, false}, {99, false}, {101, true}, {101, false}, {103, true}} {
		if ok, err := s.AdvanceTwoFactorStep(ctx, u.ID, c.step); err != nil || ok != c.want {
			t.Errorf("step %d: %v %v, want %v", c.step, ok, err, c.want)
		}
	}
	if ok, err := s.UseRecoveryCode(ctx, u.ID, "h2", now); err != nil || !ok {
		t.Errorf("recovery code: %v %v", ok, err)
	}
	if ok, _ := s.UseRecoveryCode(ctx, u.ID, "h2", now); ok {
		t.Error("a recovery code worked twice")
	}
	if ok, _ := s.UseRecoveryCode(ctx, other.ID, "h1", now); ok {
		t.Error("another account's recovery code worked")
	}
	if n, err := s.CountRecoveryCodes(ctx, u.ID); err != nil || n != 2 {
		t.Errorf("unused codes %d %v", n, err)
	}
	must(t, s.ReplaceRecoveryCodes(ctx, u.ID, []string{"n1"}))
	if n, _ := s.CountRecoveryCodes(ctx, u.ID); n != 1 {
		t.Errorf("after replacing: %d", n)
	}
	must(t, s.DeleteTwoFactor(ctx, u.ID))
	if _, err := s.TwoFactorByUser(ctx, u.ID); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("after deleting: %v", err)
	}
	if n, _ := s.CountRecoveryCodes(ctx, u.ID); n != 0 {
		t.Errorf("codes after deleting: %d", n)
	}

	// Pending sign-ins.
	must(t, s.CreateLoginChallenge(ctx, &user.LoginChallenge{TokenHash: "c2", UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Minute)}))
	c, err := s.LoginChallengeByHash(ctx, "c2")
	must(t, err)
	if c.UserID != u.ID || !c.ExpiresAt.Equal(now.Add(time.Minute)) {
		t.Errorf("challenge %+v", c)
	}
	// Creating one later sweeps the expired ones.
	must(t, s.CreateLoginChallenge(ctx, &user.LoginChallenge{TokenHash: "c3", UserID: u.ID, CreatedAt: now.Add(time.Hour), ExpiresAt: now.Add(2 * time.Hour)}))
	if _, err := s.LoginChallengeByHash(ctx, "c2"); err == nil {
		t.Error("an expired challenge was not swept")
	}
	must(t, s.DeleteLoginChallenge(ctx, "c3"))
	if _, err := s.LoginChallengeByHash(ctx, "c3"); err == nil {
		t.Error("a deleted challenge remains")
	}
}

// testRateEvents checks the rate-limited events: counted per key within a
// window, cleared on success, each deleted once its own window has passed
// (a short window's sweep must not take a long window's events), and quiet.
func testRateEvents(t *testing.T, s *store.Store) {
	now := time.Unix(1_700_000_000, 0).UTC()
	gen := s.Generation()
	for _, at := range []time.Time{now.Add(-20 * time.Minute), now.Add(-10 * time.Minute), now.Add(-time.Minute), now} {
		must(t, s.AddRateEvent(ctx, "k1", at, at.Add(time.Hour)))
	}
	must(t, s.AddRateEvent(ctx, "k2", now.Add(-30*time.Minute), now.Add(-10*time.Minute)))
	n, oldest, err := s.RateEvents(ctx, "k1", now.Add(-15*time.Minute))
	if err != nil || n != 3 || !oldest.Equal(now.Add(-10*time.Minute)) {
		t.Errorf("k1 within 15 minutes: %d, oldest %v (%v); want 3 from ten minutes ago", n, oldest, err)
	}
	if n, oldest, err := s.RateEvents(ctx, "k3", now.Add(-15*time.Minute)); err != nil || n != 0 || !oldest.IsZero() {
		t.Errorf("a key never seen: %d %v %v", n, oldest, err)
	}
	// A new event sweeps the expired ones, of any key, and only those.
	must(t, s.AddRateEvent(ctx, "k3", now, now.Add(time.Minute)))
	if n, _, _ := s.RateEvents(ctx, "k2", time.Unix(0, 0)); n != 0 {
		t.Errorf("an expired event of another key survived the sweep: %d", n)
	}
	if n, _, _ := s.RateEvents(ctx, "k1", time.Unix(0, 0)); n != 4 {
		t.Errorf("the sweep took events still in their window: %d of 4 left", n)
	}
	must(t, s.ClearRateEvents(ctx, "k1"))
	if n, _, _ := s.RateEvents(ctx, "k1", time.Unix(0, 0)); n != 0 {
		t.Errorf("after clearing, k1 has %d events", n)
	}
	if n, _, _ := s.RateEvents(ctx, "k3", time.Unix(0, 0)); n != 1 {
		t.Errorf("clearing k1 touched k3: %d", n)
	}
	if s.Generation() != gen {
		t.Error("counting events moved the cache generation")
	}
}
