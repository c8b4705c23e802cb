package demo

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
)

// Readers is where the demo puts what readers sent through the contact
// form, and the setting that names the contact page. Optional: without it
// the demo has no contact messages and no contact form.
type Readers interface {
	SetSetting(ctx context.Context, name, value string) error
	AddContactMessage(ctx context.Context, m *contact.Message) error
}

// demoEmail makes a reserved example address for a demo commenter.
func demoEmail(name string) string {
	return "reader" + strconv.Itoa(len(name)*7919%10000) + "@example.org"
}

// demoReplies are replies to the i-th comment of an article, by edition and
// article key: a reader answering a reader, and the newsroom answering.
var demoReplies = map[string]map[string]map[int][]Comment{
	"en": {"river-cleanup": {2: {
		{Name: "Lena Marsh", Email: "lena.marsh@example.org", HoursAgo: 1, Body: "Not yet, but we will announce it at the Saturday market and on the library noticeboard as soon as the council confirms the skips."},
	}, 0: {
		{Name: "Sam", HoursAgo: 2, Body: "Same here. Our two spent the whole afternoon sorting bottle tops by colour.", Replies: []Comment{
			{Name: "Priya", HoursAgo: 1, Body: "Ha! Ours too. I think we have a new family hobby."},
		}},
	}}},
	"ar": {"river-cleanup": {1: {
		{Name: "نادية الحسيني", Email: "nadia@example.org", HoursAgo: 1, Body: "سنعلن الموعد قريبًا على صفحة الجمعية وفي المدارس المشاركة. شكرًا لاهتمامك!"},
	}, 0: {
		{Name: "سامي", HoursAgo: 3, Body: "أتفق معك، الجسر الشمالي يحتاج إلى حاويات أكثر فعلًا.", Replies: []Comment{
			{Name: "ليلى", HoursAgo: 2, Body: "أرسلنا اقتراحًا إلى البلدية بهذا الشأن، ونأمل أن يُنفَّذ قبل الصيف."},
		}},
	}}},
	"fa": {"river-cleanup": {1: {
		{Name: "کاوه", HoursAgo: 10, Body: "شهرداری گفته تا پایان ماه سطل‌های تازه را کنار پل‌ها می‌گذارد.", Replies: []Comment{
			{Name: "بهرام", HoursAgo: 8, Body: "چه خبر خوبی. ممنون که خبر دادید."},
		}},
	}, 0: {
		{Name: "مریم", HoursAgo: 20, Body: "راستی، عکس‌های آن روز را کجا می‌شود دید؟", Replies: []Comment{
			{Name: "شیرین", HoursAgo: 18, Body: "گروه برگزارکننده گفته عکس‌ها را هفتهٔ بعد در کتاب‌خانهٔ محله به نمایش می‌گذارد."},
		}},
	}}},
	"sq": {"river-cleanup": {0: {
		{Name: "Elira", HoursAgo: 3, Body: "Edhe ne ishim atje! Fëmijët ende flasin për rosat që panë.", Replies: []Comment{
			{Name: "Arben", HoursAgo: 2, Body: "Po, ishte një ditë e bukur. Shpresoj të vijnë edhe më shumë familje herën tjetër."},
		}},
	}, 1: {
		{Name: "Gentian", HoursAgo: 1, Body: "Bashkia ka njoftuar se koshat e rinj do të vendosen deri në fund të muajit."},
	}}},
}

// demoHeld are comments waiting in the moderation queue: one for review and
// one that the spam defences kept, in every edition.
var demoHeld = map[string]map[string][]Comment{
	"en": {"river-cleanup": {
		{Name: "Martin", HoursAgo: 0, Status: content.CommentPending, Body: "Could the group also look at the stretch below the weir? There is a lot of rubbish caught in the reeds there."},
		{Name: "Best Deals", Email: "deals@spam.example", HoursAgo: 0, Status: content.CommentSpam, Body: "Cheap watches and casino bonus codes, visit our site today!"},
	}},
	"ar": {"river-cleanup": {
		{Name: "عمر", HoursAgo: 0, Status: content.CommentPending, Body: "هل يمكن للمدارس في الأحياء الأخرى أن تشارك في الحملة القادمة؟"},
		{Name: "عروض اليوم", Email: "offers@spam.example", HoursAgo: 0, Status: content.CommentSpam, Body: "أرخص الأسعار وأفضل العروض، اضغط على الرابط الآن!"},
	}},
	"fa": {"river-cleanup": {
		{Name: "نسرین", HoursAgo: 0, Status: content.CommentPending, Body: "آیا برای پاکسازی بعدی هم می‌شود داوطلب شد؟ از کجا باید ثبت‌نام کرد؟"},
		{Name: "فروش ویژه", Email: "sale@spam.example", HoursAgo: 0, Status: content.CommentSpam, Body: "ارزان‌ترین قیمت‌ها و جایزهٔ ویژه، همین حالا روی پیوند کلیک کنید!"},
	}},
	"sq": {"river-cleanup": {
		{Name: "Besa", HoursAgo: 0, Status: content.CommentPending, Body: "A mund të marrin pjesë edhe shkollat nga lagjet e tjera herën tjetër?"},
		{Name: "Oferta Sot", Email: "oferta@spam.example", HoursAgo: 0, Status: content.CommentSpam, Body: "Çmimet më të lira dhe bonuse kazinoje, klikoni tani!"},
	}},
}

// demoMessages are contact messages in the admin inbox.
var demoMessages = []contact.Message{
	{Edition: "en", Name: "Helen Carter", Email: "helen.carter@example.org", Subject: "Bus timetable story",
		Body: "Hello,\n\nThe new evening timetable on route 14 leaves the hospital without a bus after nine. Several of us who work late shifts would be glad to talk to a reporter.\n\nBest wishes,\nHelen", Status: contact.Unread},
	{Edition: "fa", Name: "فرهاد", Email: "farhad@example.org", Subject: "پیشنهاد گزارش دربارهٔ کتاب‌خانه‌ها",
		Body: "سلام،\nکتاب‌خانهٔ محلهٔ ما از ماه گذشته کلاس‌های رایگان کامپیوتر برای سالمندان گذاشته است. به نظرم موضوع خوبی برای گزارش است.\nبا سپاس", Status: contact.Read},
	{Edition: "sq", Name: "Drita", Email: "drita@example.org", Subject: "Korrigjim në artikull",
		Body: "Përshëndetje,\nNë artikullin për pastrimin e lumit, emri i shoqatës është shkruar gabim. Ju lutemi ta korrigjoni.\nFaleminderit", Status: contact.Unread},
}

// loadReaders stores the contact messages and names the contact page.
func (l *loader) loadReaders(ctx context.Context) error {
	r := l.svc.Readers
	if r == nil {
		return nil
	}
	if g := l.pageGroups["contact-us"]; g != 0 {
		if err := r.SetSetting(ctx, contact.SettingPageGroup, strconv.FormatInt(g, 10)); err != nil {
			return err
		}
	}
	for i, m := range demoMessages {
		m.CreatedAt = l.now.Add(-time.Duration(5+i*7) * time.Hour)
		m.Email = strings.ToLower(m.Email)
		if err := r.AddContactMessage(ctx, &m); err != nil {
			return err
		}
	}
	return nil
}
