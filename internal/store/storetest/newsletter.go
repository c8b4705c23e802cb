package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/store"
)

// testNewsletter: subscribers are unique per edition and address, tokens
// expire, starting a campaign queues only the edition's confirmed
// subscribers (once), claims lease and fail sends of people who left,
// deleting an address takes its tokens and sends along, and none of it
// changes the page generation.
func testNewsletter(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	g := s.Generation()
	add := func(ed, email, status string) *newsletter.Subscriber {
		sub := &newsletter.Subscriber{Edition: ed, Email: email, Status: status, Source: "form", IPHash: "h", CreatedAt: now, UpdatedAt: now}
		must(t, s.SaveSubscriber(ctx, sub))
		return sub
	}
	a := add("en", "a@example.org", newsletter.Confirmed)
	b := add("en", "b@example.org", newsletter.Confirmed)
	add("en", "p@example.org", newsletter.Pending)
	add("fa", "a@example.org", newsletter.Confirmed)
	if err := s.SaveSubscriber(ctx, &newsletter.Subscriber{Edition: "en", Email: "a@example.org", Status: newsletter.Pending, CreatedAt: now, UpdatedAt: now}); err == nil {
		t.Fatal("the same address was subscribed twice to one edition")
	}
	got, err := s.SubscriberByEmail(ctx, "en", "a@example.org")
	must(t, err)
	if got.ID != a.ID || got.Status != newsletter.Confirmed || !got.CreatedAt.Equal(now) {
		t.Fatalf("by email: %+v", got)
	}
	if _, err := s.SubscriberByEmail(ctx, "en", "nobody@example.org"); !errors.Is(err, newsletter.ErrNotFound) {
		t.Fatalf("unknown address: %v", err)
	}
	if n, _ := s.CountSubscribers(ctx, newsletter.Filter{Edition: "en", Status: newsletter.Confirmed}); n != 2 {
		t.Fatalf("count: %d", n)
	}
	counts, err := s.SubscriberCounts(ctx, "")
	must(t, err)
	if counts[newsletter.Confirmed] != 3 || counts[newsletter.Pending] != 1 {
		t.Fatalf("counts: %v", counts)
	}
	must(t, s.AddNewsletterToken(ctx, "tok-a", a.ID, newsletter.PurposeConfirm, now.Add(time.Hour), now))
	if sub, err := s.SubscriberByToken(ctx, "tok-a", newsletter.PurposeConfirm, now); err != nil || sub.ID != a.ID {
		t.Fatalf("token: %+v %v", sub, err)
	}
	if _, err := s.SubscriberByToken(ctx, "tok-a", newsletter.PurposeUnsubscribe, now); !errors.Is(err, newsletter.ErrNotFound) {
		t.Fatal("a confirm token worked for unsubscribing")
	}
	if _, err := s.SubscriberByToken(ctx, "tok-a", newsletter.PurposeConfirm, now.Add(2*time.Hour)); !errors.Is(err, newsletter.ErrNotFound) {
		t.Fatal("an expired token worked")
	}

	c := &newsletter.Campaign{Edition: "en", Subject: "S", ArticleIDs: []int64{3, 1, 2}, Status: newsletter.Draft, CreatedAt: now, UpdatedAt: now}
	must(t, s.CreateCampaign(ctx, c))
	c.HTML, c.Text = "<p>x</p>", "x"
	n, err := s.StartCampaign(ctx, c, now)
	must(t, err)
	if n != 2 {
		t.Fatalf("recipients: %d (only en's confirmed subscribers)", n)
	}
	if _, err := s.StartCampaign(ctx, c, now); err == nil {
		t.Fatal("a campaign was started twice")
	}
	back, err := s.CampaignByID(ctx, c.ID)
	must(t, err)
	if back.Status != newsletter.Sending || len(back.ArticleIDs) != 3 || back.ArticleIDs[0] != 3 || back.HTML != "<p>x</p>" {
		t.Fatalf("campaign: %+v", back)
	}
	// b leaves before the sender comes: their send fails, a's is claimed.
	b.Status = newsletter.Unsubscribed
	must(t, s.SaveSubscriber(ctx, b))
	sends, err := s.ClaimSends(ctx, "w1", now, now.Add(time.Minute), 3, 10)
	must(t, err)
	if len(sends) != 1 || sends[0].SubscriberID != a.ID || sends[0].Attempts != 1 || sends[0].Email != "a@example.org" {
		t.Fatalf("claim: %+v", sends)
	}
	if more, _ := s.ClaimSends(ctx, "w2", now, now.Add(time.Minute), 3, 10); len(more) != 0 {
		t.Fatal("a claimed send was claimed again under its lease")
	}
	again, err := s.ClaimSends(ctx, "w2", now.Add(time.Minute), now.Add(2*time.Minute), 3, 10)
	must(t, err)
	if len(again) != 1 || again[0].Attempts != 2 {
		t.Fatalf("after the lease: %+v", again)
	}
	if err := s.SendSent(ctx, sends[0].ID, "w1", now); err == nil {
		t.Fatal("a worker that lost its claim recorded a delivery")
	}
	must(t, s.FinishCampaigns(ctx, now))
	if back, _ := s.CampaignByID(ctx, c.ID); back.Status != newsletter.Sending {
		t.Fatal("a campaign finished with a send in flight")
	}
	must(t, s.SendSent(ctx, again[0].ID, "w2", now.Add(time.Minute)))
	must(t, s.FinishCampaigns(ctx, now))
	p, err := s.CampaignProgress(ctx, c.ID)
	must(t, err)
	if p.Sent != 1 || p.Failed != 1 || p.Total() != 2 {
		t.Fatalf("progress: %+v", p)
	}
	if back, _ := s.CampaignByID(ctx, c.ID); back.Status != newsletter.Done {
		t.Fatalf("campaign status %q", back.Status)
	}
	failed, err := s.CampaignSends(ctx, c.ID, newsletter.SendFailed, 10)
	must(t, err)
	if len(failed) != 1 || failed[0].LastError == "" {
		t.Fatalf("failed sends: %+v", failed)
	}
	// Privacy: IP hashes go after the retention; an address goes entirely.
	if n, err := s.ClearSubscriberIPs(ctx, now.Add(time.Hour)); err != nil || n != 4 {
		t.Fatalf("cleared %d IP hashes: %v", n, err)
	}
	deleted, err := s.DeleteSubscribers(ctx, "a@example.org")
	must(t, err)
	if deleted != 2 {
		t.Fatalf("deleted %d subscriptions", deleted)
	}
	if _, err := s.SubscriberByToken(ctx, "tok-a", newsletter.PurposeConfirm, now); !errors.Is(err, newsletter.ErrNotFound) {
		t.Fatal("a deleted subscriber's token survived")
	}
	if p, _ := s.CampaignProgress(ctx, c.ID); p.Total() != 1 {
		t.Fatalf("a deleted subscriber's sends survived: %+v", p)
	}
	if s.Generation() != g {
		t.Error("newsletter writes changed the page generation")
	}
}
