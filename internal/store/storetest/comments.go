package storetest

import (
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store"
)

// testCommentModeration checks the moderation queue's writes: counts follow
// every status change, deletion keeps replies, held comments leave the page
// cache alone, and a commenter's data can be found and deleted by address.
func testCommentModeration(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	a := article(f, "moderated", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	must(t, s.CreateArticle(ctx, a))
	at := time.Unix(1_800_000_000, 0).UTC()
	add := func(parent int64, name, email, status string, minute int) *content.Comment {
		c := &content.Comment{ArticleID: a.ID, ParentID: parent, AuthorName: name, AuthorEmail: email, AuthorURL: "https://x.example/" + name,
			Body: "Text by " + name, Status: status, IPHash: "hash-" + name, CreatedAt: at.Add(time.Duration(minute) * time.Minute)}
		must(t, s.AddComment(ctx, c))
		return c
	}
	root := add(0, "Root", "root@example.org", content.CommentApproved, 0)
	gen := s.Generation()
	held := add(root.ID, "Held", "held@example.org", content.CommentPending, 1)
	spam := add(0, "Spam", "spam@example.net", content.CommentSpam, 2)
	if s.Generation() != gen {
		t.Error("a held or spam comment moved the cache generation: a spammer could empty the page cache")
	}
	got, err := s.CommentByID(ctx, held.ID)
	must(t, err)
	if got.AuthorEmail != "held@example.org" || got.ParentID != root.ID || got.IPHash != "hash-Held" || got.ArticleTitle != a.Title || got.ArticleEdition != a.Edition {
		t.Fatalf("comment = %+v", got)
	}

	counts, err := s.CommentStatusCounts(ctx)
	must(t, err)
	if counts["approved"] != 1 || counts["pending"] != 1 || counts["spam"] != 1 {
		t.Errorf("counts = %v", counts)
	}
	n, err := s.SetCommentsStatus(ctx, []int64{held.ID}, content.CommentApproved, at)
	must(t, err)
	if n != 1 || s.Generation() == gen {
		t.Errorf("approve changed %d rows; generation moved: %v", n, s.Generation() != gen)
	}
	if art, _ := s.ArticleByID(ctx, a.ID); art.CommentCount != 2 {
		t.Errorf("count after approving = %d, want 2", art.CommentCount)
	}
	list, err := s.ModerationQueue(ctx, comment.Filter{Status: content.CommentApproved})
	must(t, err)
	if len(list) != 2 || list[0].ID != held.ID {
		t.Errorf("queue = %+v", list)
	}
	if n, _ := s.CountComments(ctx, comment.Filter{Status: content.CommentApproved, Email: "HELD@example.org"}); n != 1 {
		t.Errorf("approved comments by held@ = %d", n)
	}

	held.Body, held.AuthorName, held.UpdatedAt = "Edited", "Held Edited", at.Add(time.Hour)
	must(t, s.EditComment(ctx, held))
	if got, _ := s.CommentByID(ctx, held.ID); got.Body != "Edited" || got.AuthorName != "Held Edited" {
		t.Errorf("edit not saved: %+v", got)
	}

	// Deleting the root keeps its reply, now at the top.
	n, err = s.DeleteComments(ctx, []int64{root.ID})
	must(t, err)
	if n != 1 {
		t.Errorf("deleted %d", n)
	}
	if got, err := s.CommentByID(ctx, held.ID); err != nil || got.ParentID != 0 {
		t.Errorf("the reply of a deleted comment: %+v %v", got, err)
	}
	if art, _ := s.ArticleByID(ctx, a.ID); art.CommentCount != 1 {
		t.Errorf("count after deleting = %d, want 1", art.CommentCount)
	}
	if n, err := s.DeleteCommentsWithStatus(ctx, content.CommentSpam); err != nil || n != 1 {
		t.Errorf("emptying spam: %d %v", n, err)
	}
	if _, err := s.CommentByID(ctx, spam.ID); err != content.ErrNotFound {
		t.Errorf("spam still there: %v", err)
	}

	// Privacy: hashes expire; a commenter's comments go by address.
	if n, err := s.ClearCommentIPs(ctx, at.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("cleared %d hashes: %v", n, err)
	}
	if got, _ := s.CommentByID(ctx, held.ID); got.IPHash != "" {
		t.Error("the address hash survived the sweep")
	}
	if n, err := s.DeleteCommentsByEmail(ctx, "Held@Example.org"); err != nil || n != 1 {
		t.Errorf("deleted %d by address: %v", n, err)
	}
	if art, _ := s.ArticleByID(ctx, a.ID); art.CommentCount != 0 {
		t.Errorf("count after deleting by address = %d", art.CommentCount)
	}
}

// testContactInbox checks the contact inbox: quiet writes, statuses,
// replies, and privacy by address.
func testContactInbox(t *testing.T, s *store.Store) {
	at := time.Unix(1_800_000_000, 0).UTC()
	gen := s.Generation()
	m := &contact.Message{Edition: "en", Name: "Ana", Email: "ana@example.org", Subject: "Hello", Body: "A tip", Status: contact.Unread,
		IPHash: "h1", CreatedAt: at}
	must(t, s.AddContactMessage(ctx, m))
	must(t, s.AddContactMessage(ctx, &contact.Message{Edition: "fa", Name: "Bo", Email: "bo@example.org", Subject: "سلام", Body: "x",
		Status: contact.Unread, CreatedAt: at.Add(time.Minute)}))
	if s.Generation() != gen {
		t.Error("a contact message moved the cache generation")
	}
	got, err := s.ContactMessageByID(ctx, m.ID)
	must(t, err)
	if got.Subject != "Hello" || got.IPHash != "h1" || !got.CreatedAt.Equal(at) {
		t.Fatalf("message = %+v", got)
	}
	list, err := s.ContactMessages(ctx, contact.Unread, "", 10, 0)
	must(t, err)
	if len(list) != 2 || list[0].Name != "Bo" {
		t.Errorf("inbox = %+v", list)
	}
	if n, err := s.SetContactStatus(ctx, []int64{m.ID}, contact.Archived); err != nil || n != 1 {
		t.Errorf("archive: %d %v", n, err)
	}
	must(t, s.SaveContactReply(ctx, m.ID, "Thanks", at.Add(time.Hour)))
	got, _ = s.ContactMessageByID(ctx, m.ID)
	if got.Status != contact.Replied || got.Reply != "Thanks" || got.RepliedAt.IsZero() {
		t.Errorf("after reply: %+v", got)
	}
	counts, err := s.ContactCounts(ctx)
	must(t, err)
	if counts[contact.Replied] != 1 || counts[contact.Unread] != 1 {
		t.Errorf("counts = %v", counts)
	}
	if n, _ := s.ClearContactIPs(ctx, at.Add(time.Second)); n != 1 {
		t.Errorf("cleared %d hashes", n)
	}
	if list, _ := s.ContactMessages(ctx, "", "ANA@example.org", 10, 0); len(list) != 1 {
		t.Errorf("by address: %d", len(list))
	}
	if n, err := s.DeleteContactMessagesByEmail(ctx, "Ana@example.org"); err != nil || n != 1 {
		t.Errorf("delete by address: %d %v", n, err)
	}
	if _, err := s.ContactMessageByID(ctx, m.ID); err != content.ErrNotFound {
		t.Errorf("deleted message: %v", err)
	}
}
