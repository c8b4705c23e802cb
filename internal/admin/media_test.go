package admin_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

type file struct {
	name string
	data []byte
}

// distinctPNG is a w×h PNG whose pixels depend on seed.
func distinctPNG(seed, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(seed * 7), uint8(x * 5), uint8(y * 3), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// libraryUpload posts the library's multipart upload form.
func libraryUpload(t *testing.T, s *site, c *http.Client, fields map[string]string, files ...file) (*http.Response, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		fw, _ := mw.CreateFormFile("files", f.name)
		fw.Write(f.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.server.URL+"/admin/media/", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// mediaNamed finds a library item by its original file name.
func (s *site) mediaNamed(t *testing.T, name string) *media.Media {
	t.Helper()
	list, err := s.store.ListMedia(context.Background(), media.Filter{Text: name, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		if m.Filename == name {
			return m
		}
	}
	t.Fatalf("no library item %q", name)
	return nil
}

func (s *site) mediaCount(t *testing.T) int {
	t.Helper()
	n, err := s.store.CountMedia(context.Background(), media.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (s *site) audits(t *testing.T, action string) int {
	t.Helper()
	var n int
	if err := s.store.QueryRowForTest(context.Background(), "SELECT COUNT(*) FROM audit_log WHERE action = '"+action+"'", &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMediaLibraryUploadListSearchAndEdit(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := context.Background()
	author := s.login(t, user.Author)

	res, body := libraryUpload(t, s, author, map[string]string{"alt": "Boats in the harbour", "caption": "Morning light", "credit": "Photo: Ana"},
		file{"harbour.png", distinctPNG(1, 40, 30)}, file{"market.png", distinctPNG(2, 30, 20)})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/media/?done=uploaded" {
		t.Fatalf("upload: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), body)
	}
	h := s.mediaNamed(t, "harbour.png")
	if h.UploadedBy != s.users[user.Author].ID || h.Alt != "Boats in the harbour" || h.Caption != "Morning light" || h.Credit != "Photo: Ana" || h.Width != 40 {
		t.Errorf("stored item: %+v", h)
	}
	if s.audits(t, "media.upload") != 2 {
		t.Errorf("audit log: %d uploads", s.audits(t, "media.upload"))
	}

	// The grid: thumbnails, type, localized size and dimensions.
	_, page := s.get(t, author, "/admin/media/?done=uploaded")
	en := i18n.MustNew("en", i18n.Options{})
	for _, want := range []string{"The files were uploaded", `class="media-card"`, `<img src="/uploads/` + h.Path + `"`, "harbour.png", "market.png",
		en.FileSize(h.Size), "40 × 30", "2 files", `aria-current="page">Media library`} {
		if !strings.Contains(page, want) {
			t.Errorf("the library lacks %q", want)
		}
	}
	// Search by file name, alt text and credit; filter by kind.
	for q, want := range map[string][]string{"q=market": {"market.png"}, "q=Boats": {"harbour.png", "market.png"}, "q=Ana": {"harbour.png", "market.png"}, "q=nothing-like-it": nil} {
		_, page := s.get(t, author, "/admin/media/?"+q)
		if n := strings.Count(page, `class="media-card"`); n != len(want) {
			t.Errorf("%s: %d items, want %v", q, n, want)
		}
		for _, name := range want {
			if !strings.Contains(page, name) {
				t.Errorf("%s: %s missing", q, name)
			}
		}
	}
	if _, page := s.get(t, author, "/admin/media/?kind=document"); strings.Contains(page, `class="media-card"`) || !strings.Contains(page, "No files match.") {
		t.Error("the document filter shows images")
	}
	// In Persian, sizes and dimensions are in Persian digits.
	if err := s.store.SetLocale(ctx, s.users[user.Author].ID, "fa"); err != nil {
		t.Fatal(err)
	}
	_, page = s.get(t, author, "/admin/media/")
	fa := i18n.MustNew("fa", i18n.Options{})
	if !strings.Contains(page, "۴۰ × ۳۰") || !strings.Contains(page, fa.FileSize(h.Size)) || !strings.Contains(page, "کتاب‌خانهٔ رسانه") || !strings.Contains(page, `dir="rtl"`) {
		t.Error("the Persian library lacks Persian digits, its title or right-to-left direction")
	}
	if err := s.store.SetLocale(ctx, s.users[user.Author].ID, "en"); err != nil {
		t.Fatal(err)
	}

	// A mislabelled file is refused with a clear message; its companion is kept.
	before := s.mediaCount(t)
	res, body = libraryUpload(t, s, author, nil, file{"photo.jpg", []byte("plain text pretending to be a JPEG")}, file{"real.png", distinctPNG(3, 10, 10)})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "1 file was refused") || !strings.Contains(body, "this type of file is not accepted") {
		t.Errorf("mislabelled upload: %d\n%s", res.StatusCode, body)
	}
	if s.mediaCount(t) != before+1 {
		t.Errorf("items %d → %d, want one more (the real PNG)", before, s.mediaCount(t))
	}
	// Oversized (the site allows 2 MB), damaged, and no file at all.
	res, body = libraryUpload(t, s, author, nil, file{"big.png", append(distinctPNG(4, 4, 4), make([]byte, 3<<20)...)}, file{"broken.png", pngHeader()})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "larger than the 2 MB limit") || !strings.Contains(body, "damaged") {
		t.Errorf("oversized and damaged: %d\n%s", res.StatusCode, body)
	}
	if res, body = libraryUpload(t, s, author, nil); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Choose at least one file") {
		t.Errorf("no file: %d", res.StatusCode)
	}
	if s.mediaCount(t) != before+1 {
		t.Errorf("refused uploads stored something: %d items", s.mediaCount(t))
	}

	// The author edits the texts of their own upload.
	editURL := fmt.Sprintf("/admin/media/%d/", h.ID)
	if res, page := s.get(t, author, editURL); res.StatusCode != 200 || !strings.Contains(page, `name="alt"`) || !strings.Contains(page, "Not used anywhere.") {
		t.Fatalf("edit page: %d", res.StatusCode)
	}
	res = s.post(t, author, editURL, url.Values{"title": {"The old harbour"}, "alt": {"Fishing boats at dawn"}, "caption": {"Dawn"}, "credit": {"Ana B."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	got, _ := s.store.MediaByID(ctx, h.ID)
	if got.Title != "The old harbour" || got.Alt != "Fishing boats at dawn" || got.Caption != "Dawn" || got.Credit != "Ana B." {
		t.Errorf("after the edit: %+v", got)
	}
	if s.audits(t, "media.edit") != 1 {
		t.Error("the edit is not in the audit log")
	}
	// Too long: refused, nothing changed.
	res, body = s.postBody(t, author, editURL, url.Values{"title": {"x"}, "alt": {strings.Repeat("a", 1001)}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "at most 1000 characters") {
		t.Errorf("too long alt: %d", res.StatusCode)
	}
	if got, _ := s.store.MediaByID(ctx, h.ID); got.Title != "The old harbour" {
		t.Error("a refused edit changed the item")
	}

	// Roles: editors may change anyone's item, authors only their own,
	// contributors may browse but not add; visitors must sign in.
	editor := s.login(t, user.Editor)
	if res := s.post(t, editor, editURL, url.Values{"title": {"Harbour"}, "alt": {"Boats"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("an editor changing an author's item: %d", res.StatusCode)
	}
	res, _ = libraryUpload(t, s, editor, nil, file{"editors.png", distinctPNG(5, 12, 12)})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("editor upload: %d", res.StatusCode)
	}
	editors := s.mediaNamed(t, "editors.png")
	if res := s.post(t, author, fmt.Sprintf("/admin/media/%d/", editors.ID), url.Values{"title": {"mine now"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("an author changing an editor's item: %d", res.StatusCode)
	}
	if res := s.post(t, author, fmt.Sprintf("/admin/media/%d/delete", editors.ID), url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("an author deleting an editor's item: %d", res.StatusCode)
	}
	if _, page := s.get(t, author, fmt.Sprintf("/admin/media/%d/", editors.ID)); strings.Contains(page, `name="alt"`) || !strings.Contains(page, "Only editors and the person who uploaded") {
		t.Error("an author is offered the form for an editor's item")
	}
	contributor := s.login(t, user.Contributor)
	if res, page := s.get(t, contributor, "/admin/media/"); res.StatusCode != 200 || strings.Contains(page, `name="files"`) {
		t.Errorf("contributor library: %d (upload form shown: %v)", res.StatusCode, strings.Contains(page, `name="files"`))
	}
	if res, _ := libraryUpload(t, s, contributor, nil, file{"c.png", distinctPNG(6, 5, 5)}); res.StatusCode != http.StatusForbidden {
		t.Errorf("contributor upload: %d", res.StatusCode)
	}
	if res := s.post(t, contributor, editURL, url.Values{"title": {"x"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("contributor edit: %d", res.StatusCode)
	}
	anon := s.client(t)
	if res, _ := s.get(t, anon, "/admin/media/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous library: %d", res.StatusCode)
	}
	if res := s.post(t, anon, editURL+"delete", url.Values{}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous delete: %d", res.StatusCode)
	}
	if _, err := s.store.MediaByID(ctx, h.ID); err != nil {
		t.Error("a refused delete removed the item")
	}
}

func TestDeletingIsRefusedWhileInUse(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := context.Background()
	editor := s.login(t, user.Editor)
	names := []string{"featured.png", "inline.png", "avatar.png", "attached.png", "variant.png", "free.png"}
	var files []file
	for i, n := range names {
		files = append(files, file{n, distinctPNG(10+i, 16, 9)})
	}
	if res, body := libraryUpload(t, s, editor, nil, files...); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", res.StatusCode, body)
	}
	m := map[string]*media.Media{}
	for _, n := range names {
		m[n] = s.mediaNamed(t, n)
	}
	mk := func(title, body string, featured int64) *content.Article {
		a := &content.Article{Edition: "en", Title: title, BodySource: body, AuthorID: s.author, PrimaryCategoryID: s.category["en"],
			Status: content.Draft, OwnerID: s.users[user.Editor].ID, FeaturedMediaID: featured}
		if err := s.content.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	withFeatured := mk("Story with a picture", "<p>Text.</p>", m["featured.png"].ID)
	mk("Story with a figure", `<figure><img src="/uploads/`+m["inline.png"].Path+`" alt="A figure"><figcaption>Fig.</figcaption></figure>`, 0)
	mk("Story with a resized figure", `<p><img src="/uploads/`+media.VariantKey(m["variant.png"].Path, 640, "webp")+`" alt="x"></p>`, 0)
	withFile := mk("Story with a download", "<p>See the file.</p>", 0)
	if err := s.store.AttachMedia(ctx, withFile.ID, []int64{m["attached.png"].ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.content.CreateAuthor(ctx, &content.Author{Slug: "pictured", Name: "Pictured Writer", AvatarMediaID: m["avatar.png"].ID}, nil); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]string{
		"featured.png": {"featured image", "Story with a picture"},
		"inline.png":   {"in the text", "Story with a figure"},
		"variant.png":  {"in the text", "Story with a resized figure"},
		"attached.png": {"attachment", "Story with a download"},
		"avatar.png":   {"author&#39;s picture", "Pictured Writer"},
	} {
		item := m[name]
		res, body := s.postBody(t, editor, fmt.Sprintf("/admin/media/%d/delete", item.ID), url.Values{})
		if res.StatusCode != http.StatusConflict {
			t.Errorf("%s: delete answered %d, want 409", name, res.StatusCode)
		}
		for _, w := range append(want, "This file is in use in 1 place, so it was not deleted") {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the refusal lacks %q", name, w)
			}
		}
		if _, err := s.store.MediaByID(ctx, item.ID); err != nil {
			t.Errorf("%s: the refused delete removed the record", name)
		}
		if res, _ := s.get(t, s.client(t), item.URL()); res.StatusCode != http.StatusOK {
			t.Errorf("%s: the refused delete removed the file (%d)", name, res.StatusCode)
		}
	}
	if n := s.audits(t, "media.delete_refused"); n != 5 {
		t.Errorf("audit log: %d refused deletes, want 5", n)
	}
	// An unused item goes, with its file.
	free := m["free.png"]
	if res := s.post(t, editor, fmt.Sprintf("/admin/media/%d/delete", free.ID), url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("deleting an unused item: %d", res.StatusCode)
	}
	if _, err := s.store.MediaByID(ctx, free.ID); err == nil {
		t.Error("the record is still there")
	}
	if res, _ := s.get(t, s.client(t), free.URL()); res.StatusCode != http.StatusNotFound {
		t.Errorf("the deleted file still answers %d", res.StatusCode)
	}
	// Once the article no longer shows it, the featured image may go too.
	a, _ := s.content.LoadForEdit(ctx, withFeatured.ID)
	a.FeaturedMediaID = 0
	if err := s.content.UpdateArticle(ctx, a, s.users[user.Editor].ID); err != nil {
		t.Fatal(err)
	}
	if res := s.post(t, editor, fmt.Sprintf("/admin/media/%d/delete", m["featured.png"].ID), url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("deleting a no longer used item: %d", res.StatusCode)
	}
	if n := s.audits(t, "media.delete"); n != 2 {
		t.Errorf("audit log: %d deletes, want 2", n)
	}
}

func TestPickingAFeaturedImageFromTheLibrary(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := context.Background()
	editor := s.login(t, user.Editor)
	res, _ := libraryUpload(t, s, editor, map[string]string{"alt": "A lighthouse"}, file{"lighthouse.png", distinctPNG(1, 20, 10)},
		file{"report.pdf", onePagePDF(t)})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d", res.StatusCode)
	}
	img, pdf := s.mediaNamed(t, "lighthouse.png"), s.mediaNamed(t, "report.pdf")
	if pdf.Kind != "document" {
		t.Fatalf("the PDF is a %q", pdf.Kind)
	}
	a := s.article(t, user.Editor, content.Draft, "Coast guard story")
	// The editor offers library images; the library, in pick mode, offers
	// "Use as featured image" for images only.
	if _, page := s.get(t, editor, fmt.Sprintf("/admin/articles/%d/", a.ID)); !strings.Contains(page, fmt.Sprintf(`<option value="%d"`, img.ID)) ||
		!strings.Contains(page, fmt.Sprintf(`/admin/media/?pick=%d`, a.ID)) {
		t.Error("the editor offers neither library images nor the library")
	}
	_, page := s.get(t, editor, fmt.Sprintf("/admin/media/?pick=%d", a.ID))
	if !strings.Contains(page, "Choose the featured image for:") || !strings.Contains(page, fmt.Sprintf(`action="/admin/articles/%d/featured"`, a.ID)) ||
		strings.Contains(page, "report.pdf") || !strings.Contains(page, "Use as featured image") {
		t.Error("the library's pick mode")
	}
	res = s.post(t, editor, fmt.Sprintf("/admin/articles/%d/featured", a.ID), url.Values{"media": {fmt.Sprint(img.ID)}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/admin/articles/%d/?done=featured", a.ID) {
		t.Fatalf("use as featured: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	got, _ := s.store.ArticleByID(ctx, a.ID)
	if got.FeaturedMediaID != img.ID {
		t.Fatalf("featured media %d, want %d", got.FeaturedMediaID, img.ID)
	}
	if _, page := s.get(t, editor, fmt.Sprintf("/admin/articles/%d/", a.ID)); !regexp.MustCompile(fmt.Sprintf(`<option value="%d" selected`, img.ID)).MatchString(page) {
		t.Error("the editor does not show the chosen image as selected")
	}
	// A document is not an image; someone else's article is not yours.
	if res := s.post(t, editor, fmt.Sprintf("/admin/articles/%d/featured", a.ID), url.Values{"media": {fmt.Sprint(pdf.ID)}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a PDF as featured image: %d", res.StatusCode)
	}
	if res := s.post(t, s.login(t, user.Author), fmt.Sprintf("/admin/articles/%d/featured", a.ID), url.Values{"media": {fmt.Sprint(img.ID)}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("an author changing an editor's article: %d", res.StatusCode)
	}
	// The editor's own select works without the library too.
	b := s.article(t, user.Editor, content.Draft, "Second story")
	form := articleForm(s, "en", "Second story", "draft")
	form.Set("featured_media", fmt.Sprint(img.ID))
	if res := s.post(t, editor, fmt.Sprintf("/admin/articles/%d/", b.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save with a library image: %d", res.StatusCode)
	}
	if got, _ := s.store.ArticleByID(ctx, b.ID); got.FeaturedMediaID != img.ID {
		t.Errorf("the select did not set the featured image: %d", got.FeaturedMediaID)
	}
}

func TestLibraryPages(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	editor := s.login(t, user.Editor)
	var batch []file
	for i := range 26 {
		batch = append(batch, file{fmt.Sprintf("p%02d.png", i), distinctPNG(i, 6, 6)})
		if len(batch) == 20 || i == 25 {
			if res, body := libraryUpload(t, s, editor, nil, batch...); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("upload: %d %s", res.StatusCode, body)
			}
			batch = nil
		}
	}
	_, page := s.get(t, editor, "/admin/media/")
	if n := strings.Count(page, `class="media-card"`); n != 24 || !strings.Contains(page, "26 files") || !strings.Contains(page, "page=2") {
		t.Errorf("page 1: %d items", n)
	}
	_, page = s.get(t, editor, "/admin/media/?page=2")
	if n := strings.Count(page, `class="media-card"`); n != 2 || !strings.Contains(page, "p00.png") {
		t.Errorf("page 2: %d items (the oldest last)", n)
	}
	// More than 20 files in one form are refused whole.
	var many []file
	for i := range 21 {
		many = append(many, file{fmt.Sprintf("m%02d.png", i), distinctPNG(100+i, 4, 4)})
	}
	if res, body := libraryUpload(t, s, editor, nil, many...); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "at most 20 files") {
		t.Errorf("21 files: %d", res.StatusCode)
	}
	if s.mediaCount(t) != 26 {
		t.Errorf("%d items after a refused upload", s.mediaCount(t))
	}
}

// TestLibraryShowsVariantsOnceMade: the edit screen says variants are on
// their way, then lists them once the worker made them, and /uploads/
// serves them with immutable caching.
func TestLibraryShowsVariantsOnceMade(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	editor := s.login(t, user.Editor)
	if res, _ := libraryUpload(t, s, editor, nil, file{"wide.png", distinctPNG(1, 700, 300)}); res.StatusCode != http.StatusSeeOther {
		t.Fatal("upload")
	}
	m := s.mediaNamed(t, "wide.png")
	editURL := fmt.Sprintf("/admin/media/%d/", m.ID)
	if _, page := s.get(t, editor, editURL); !strings.Contains(page, "are being made in the background") {
		t.Error("the edit screen does not say the variants are pending")
	}
	w := &media.Worker{Logger: quiet, Service: s.media}
	for {
		did, err := w.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !did {
			break
		}
	}
	_, page := s.get(t, editor, editURL)
	for _, want := range []string{"png 320w", "png 640w", "webp 320w", "webp 640w", "webp 700w"} {
		if !strings.Contains(page, want) {
			t.Errorf("the edit screen lacks the variant %q", want)
		}
	}
	res, _ := s.get(t, s.client(t), "/uploads/"+media.VariantKey(m.Path, 640, "webp"))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/webp" || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("variant: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
	}
	if res, _ := s.get(t, s.client(t), "/uploads/"+media.VariantKey(m.Path, 1024, "webp")); res.StatusCode != http.StatusNotFound {
		t.Errorf("a variant wider than the original answers %d", res.StatusCode)
	}
}

// quiet is the variant workers' logger in tests.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// onePagePDF is a small, valid one-page PDF.
func onePagePDF(t *testing.T) []byte {
	t.Helper()
	pdf, err := media.PDFOfImages(distinctPNG(9, 30, 40))
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}
