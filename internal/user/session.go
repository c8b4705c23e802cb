package user

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Session is a signed-in browser. The cookie holds a random token; the
// database keeps only its SHA-256, so a leaked database opens no session.
type Session struct {
	IDHash     string
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

// Session lifetimes: idle sessions end after SessionIdle; every session ends
// after SessionMax.
const (
	SessionIdle = 7 * 24 * time.Hour
	SessionMax  = 30 * 24 * time.Hour
)

// NewToken makes a cookie token and the hash stored for it.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is what the database stores for a token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Permission names an action in the admin.
type Permission string

// What roles may do. Authors and contributors act on their own articles only
// (the caller checks ownership with CanEditArticle).
const (
	EditAnyArticle  Permission = "article.edit_any" // edit everyone's articles
	PublishArticle  Permission = "article.publish"  // publish, schedule, unpublish
	WriteArticle    Permission = "article.write"    // create and edit own articles
	ManageTaxonomy  Permission = "taxonomy.manage"  // categories and tags
	ManagePages     Permission = "page.manage"      // static pages
	ManageMenus     Permission = "menu.manage"      // navigation menus
	ModerateComment Permission = "comment.moderate" // the comment queue
	UploadMedia     Permission = "media.upload"     // add files to the library
	ManageSettings  Permission = "settings.manage"  // editions and site settings
	ManageUsers     Permission = "user.manage"      // accounts and roles
	ReadAuditLog    Permission = "audit.read"       // who changed what
	// ManageNewsletter covers subscribers (personal data: lists, import,
	// export, deletion) and sending issues.
	ManageNewsletter Permission = "newsletter.manage"
)

var grants = map[Role]map[Permission]bool{
	Admin: {EditAnyArticle: true, PublishArticle: true, WriteArticle: true, ManageTaxonomy: true, ManagePages: true,
		ManageMenus: true, ModerateComment: true, UploadMedia: true, ManageSettings: true, ManageUsers: true, ReadAuditLog: true, ManageNewsletter: true},
	Editor: {EditAnyArticle: true, PublishArticle: true, WriteArticle: true, ManageTaxonomy: true, ManagePages: true,
		ManageMenus: true, ModerateComment: true, UploadMedia: true, ManageNewsletter: true},
	Author:      {PublishArticle: true, WriteArticle: true, UploadMedia: true},
	Contributor: {WriteArticle: true},
}

// Can reports whether a role holds a permission.
func (r Role) Can(p Permission) bool { return grants[r][p] }

// CanEditArticle reports whether u may change an article whose owner (the
// account that created it) is ownerID and whose status is status.
// Contributors may touch only their own drafts and pending pieces.
func (u *User) CanEditArticle(ownerID int64, published bool) bool {
	if u.Role.Can(EditAnyArticle) {
		return true
	}
	if ownerID != u.ID || !u.Role.Can(WriteArticle) {
		return false
	}
	return u.Role.Can(PublishArticle) || !published
}
