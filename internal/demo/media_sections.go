package demo

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
)

// The demo's Media sections: cartoons, news photos, two photo albums and a
// short film in every edition, all our own. Pictures come from demo/art;
// the film is drawn by ffmpeg's synthetic sources (assets/make-video.sh).
// Pictures without words are shared by the four editions (the library keeps
// one copy); titles and captions are written in each language, and the
// versions of an item are linked as translations.

//go:embed assets/demo-video.webm
var demoVideoWebM []byte

//go:embed assets/demo-video.mp4
var demoVideoMP4 []byte

// L is a text in each edition's language.
type L map[string]string

type demoMediaItem struct {
	Key      string
	Art      string // art theme
	Category string // category key (cartoons and news photos)
	HoursAgo int
	Title    L
	Caption  L
}

type demoPhoto struct {
	Art     string
	Caption L
}

type demoAlbum struct {
	Key      string
	HoursAgo int
	Title    L
	Caption  L
	Photos   []demoPhoto
}

// Picture sizes of the Media sections.
const (
	cartoonW, cartoonH = 1200, 900
	photoW, photoH     = 1200, 800
	posterW, posterH   = 1280, 720
)

var credits = map[string]L{
	"cartoon": {"en": "Drawing: Masthead studio", "ar": "رسم: استوديو ماستهيد", "fa": "طرح: استودیو ماستهد", "sq": "Vizatim: studio Masthead"},
	"photo":   {"en": "Illustration: Masthead", "ar": "رسم توضيحي: ماستهيد", "fa": "تصویرسازی: ماستهد", "sq": "Ilustrim: Masthead"},
	"video":   {"en": "Film: Masthead studio", "ar": "فيلم: استوديو ماستهيد", "fa": "فیلم: استودیو ماستهد", "sq": "Film: studio Masthead"},
}

var demoCartoons = []demoMediaItem{
	{Key: "cartoon-night-bus", Art: "night", Category: "opinion", HoursAgo: 20,
		Title: L{"en": "The last bus home", "ar": "آخر حافلة إلى البيت", "fa": "آخرین اتوبوس به خانه", "sq": "Autobusi i fundit për në shtëpi"},
		Caption: L{"en": "When the night timetable is shorter than the night.", "ar": "حين يكون جدول الرحلات الليلية أقصر من الليل نفسه.",
			"fa": "وقتی برنامهٔ حرکت شبانه از خودِ شب کوتاه‌تر است.", "sq": "Kur orari i natës është më i shkurtër se vetë nata."}},
	{Key: "cartoon-city-heat", Art: "city", Category: "opinion", HoursAgo: 70,
		Title: L{"en": "Shade is the new luxury", "ar": "الظل هو الرفاهية الجديدة", "fa": "سایه، تجملِ تازه", "sq": "Hija është luksi i ri"},
		Caption: L{"en": "A city that plants no trees will one day sell shade by the hour.", "ar": "مدينة لا تزرع الأشجار ستبيع الظل بالساعة يومًا ما.",
			"fa": "شهری که درخت نکارد، روزی سایه را ساعتی می‌فروشد.", "sq": "Një qytet që nuk mbjell pemë një ditë do ta shesë hijen me orë."}},
	{Key: "cartoon-library", Art: "library", Category: "culture", HoursAgo: 150,
		Title: L{"en": "Overdue", "ar": "تأخّر الإعادة", "fa": "دیرکرد", "sq": "Me vonesë"},
		Caption: L{"en": "The library forgives late books; the budget does not forgive closed libraries.", "ar": "تسامح المكتبة في الكتب المتأخرة، لكن الميزانية لا تسامح في المكتبات المغلقة.",
			"fa": "کتابخانه کتابِ دیرآمده را می‌بخشد؛ بودجه کتابخانهٔ بسته را نمی‌بخشد.", "sq": "Biblioteka i fal librat e vonuar; buxheti nuk i fal bibliotekat e mbyllura."}},
	{Key: "cartoon-energy", Art: "energy", Category: "opinion", HoursAgo: 260,
		Title: L{"en": "Catching the wind", "ar": "اصطياد الريح", "fa": "به دام انداختن باد", "sq": "Duke kapur erën"},
		Caption: L{"en": "Everyone wants clean power, as long as the turbine is in the next valley.", "ar": "الجميع يريد طاقة نظيفة، ما دامت التوربينة في الوادي المجاور.",
			"fa": "همه برق پاک می‌خواهند، به شرط آنکه توربین در درهٔ بغلی باشد.", "sq": "Të gjithë duan energji të pastër, për sa kohë turbina është në luginën tjetër."}},
}

var demoNewsPics = []demoMediaItem{
	{Key: "pic-river-morning", Art: "river", Category: "environment", HoursAgo: 9,
		Title: L{"en": "Morning on the restored river", "ar": "صباح على النهر المستعاد", "fa": "صبح بر رودِ احیاشده", "sq": "Mëngjes në lumin e rikthyer"},
		Caption: L{"en": "Two years after the weirs came down, the river runs wide and shallow again past the old mill.",
			"ar": "بعد عامين من إزالة السدود الصغيرة، عاد النهر يجري عريضًا وضحلًا قرب الطاحونة القديمة.",
			"fa": "دو سال پس از برچیدن سدهای کوچک، رود دوباره پهن و کم‌عمق از کنار آسیاب کهنه می‌گذرد.",
			"sq": "Dy vjet pasi u hoqën pragjet, lumi rrjedh sërish i gjerë dhe i cekët pranë mullirit të vjetër."}},
	{Key: "pic-market-day", Art: "market", Category: "economy", HoursAgo: 33,
		Title: L{"en": "Market day returns to the square", "ar": "يوم السوق يعود إلى الساحة", "fa": "روز بازار به میدان بازگشت", "sq": "Dita e tregut kthehet në shesh"},
		Caption: L{"en": "Stallholders set up before dawn for the first weekly market since the square was repaved.",
			"ar": "جهّز الباعة بسطاتهم قبل الفجر لأول سوق أسبوعي منذ إعادة رصف الساحة.",
			"fa": "فروشندگان پیش از سپیده بساط خود را برای نخستین بازار هفتگی پس از سنگ‌فرش دوبارهٔ میدان برپا کردند.",
			"sq": "Shitësit i ngritën tezgat para agimit për tregun e parë javor që nga rishtrimi i sheshit."}},
	{Key: "pic-fields-harvest", Art: "fields", Category: "economy", HoursAgo: 80,
		Title: L{"en": "An early harvest", "ar": "حصاد مبكر", "fa": "برداشتی زودهنگام", "sq": "Një korrje e hershme"},
		Caption: L{"en": "A mild spring brought the wheat in nearly three weeks ahead of the usual calendar.",
			"ar": "جعل الربيع المعتدل القمح ينضج قبل موعده المعتاد بنحو ثلاثة أسابيع.",
			"fa": "بهار معتدل گندم را نزدیک سه هفته زودتر از معمول به برداشت رساند.",
			"sq": "Një pranverë e butë e solli grurin gati tri javë para kalendarit të zakonshëm."}},
	{Key: "pic-birds-count", Art: "birds", Category: "science", HoursAgo: 175,
		Title: L{"en": "Counting the returning birds", "ar": "عدّ الطيور العائدة", "fa": "شمارش پرندگان بازگشته", "sq": "Duke numëruar zogjtë që kthehen"},
		Caption: L{"en": "Volunteers logged more than forty species at the wetland during the spring count.",
			"ar": "سجّل المتطوعون أكثر من أربعين نوعًا في الأرض الرطبة خلال تعداد الربيع.",
			"fa": "داوطلبان در سرشماری بهاری بیش از چهل گونه را در تالاب ثبت کردند.",
			"sq": "Vullnetarët regjistruan më shumë se dyzet lloje në ligatinë gjatë numërimit pranveror."}},
}

var demoAlbums = []demoAlbum{
	{Key: "album-coast", HoursAgo: 40,
		Title: L{"en": "A week on the coast path", "ar": "أسبوع على درب الساحل", "fa": "یک هفته در راه ساحلی", "sq": "Një javë në shtegun bregdetar"},
		Caption: L{"en": "Our photographers walked the new coastal trail from the harbour to the lighthouse.",
			"ar": "سار مصوّرونا على درب الساحل الجديد من الميناء إلى المنارة.",
			"fa": "عکاسان ما مسیر تازهٔ ساحلی را از بندر تا فانوس دریایی پیمودند.",
			"sq": "Fotografët tanë e përshkuan shtegun e ri bregdetar nga porti te fari."},
		Photos: []demoPhoto{
			{"sea", L{"en": "The harbour wall at first light.", "ar": "جدار الميناء مع أول ضوء.", "fa": "دیوارهٔ بندر در نخستین روشنایی.", "sq": "Muri i portit në dritën e parë."}},
			{"sea", L{"en": "Fishing boats waiting for the tide.", "ar": "قوارب صيد تنتظر المدّ.", "fa": "قایق‌های ماهیگیری در انتظار مد.", "sq": "Varka peshkimi që presin baticën."}},
			{"mountains", L{"en": "Cliffs above the second bay.", "ar": "منحدرات فوق الخليج الثاني.", "fa": "صخره‌ها بالای خلیج دوم.", "sq": "Shkëmbinjtë mbi gjirin e dytë."}},
			{"birds", L{"en": "Gulls nesting on the sea stacks.", "ar": "نوارس تعشّش على الصخور البحرية.", "fa": "مرغان دریایی در لانه‌های روی ستون‌های سنگی.", "sq": "Pulëbardha që folezojnë në shkëmbinjtë e detit."}},
			{"desert", L{"en": "Dunes behind the long beach.", "ar": "كثبان خلف الشاطئ الطويل.", "fa": "تپه‌های شنی پشت ساحل دراز.", "sq": "Dunat pas plazhit të gjatë."}},
			{"night", L{"en": "The lighthouse after dark.", "ar": "المنارة بعد حلول الظلام.", "fa": "فانوس دریایی پس از تاریکی.", "sq": "Fari pas errësirës."}},
		}},
	{Key: "album-forest", HoursAgo: 120,
		Title: L{"en": "Seasons in the community forest", "ar": "فصول في غابة المجتمع", "fa": "فصل‌ها در جنگل همگانی", "sq": "Stinët në pyllin e komunitetit"},
		Caption: L{"en": "A year of planting, pruning and walking in the forest the town bought back.",
			"ar": "عام من الغرس والتقليم والمشي في الغابة التي استعادتها البلدة.",
			"fa": "یک سال کاشت و هرس و پیاده‌روی در جنگلی که شهر دوباره خرید.",
			"sq": "Një vit mbjellje, krasitje dhe ecje në pyllin që qyteti e bleu përsëri."},
		Photos: []demoPhoto{
			{"forest", L{"en": "Spring: the first saplings.", "ar": "الربيع: أولى الشتلات.", "fa": "بهار: نخستین نهال‌ها.", "sq": "Pranvera: fidanët e parë."}},
			{"forest", L{"en": "Summer shade on the main path.", "ar": "ظلّ الصيف على الممر الرئيسي.", "fa": "سایهٔ تابستان بر راه اصلی.", "sq": "Hija e verës në shtegun kryesor."}},
			{"river", L{"en": "The stream after the autumn rain.", "ar": "الجدول بعد مطر الخريف.", "fa": "جویبار پس از باران پاییز.", "sq": "Përroi pas shiut të vjeshtës."}},
			{"fields", L{"en": "Meadow at the forest edge.", "ar": "مرج عند طرف الغابة.", "fa": "چمنزار در لبهٔ جنگل.", "sq": "Livadhi në skaj të pyllit."}},
			{"mountains", L{"en": "Winter view from the ridge.", "ar": "منظر شتوي من أعلى التلّ.", "fa": "چشم‌انداز زمستانی از روی یال.", "sq": "Pamje dimri nga kreshta."}},
			{"birds", L{"en": "Birds return to the new nest boxes.", "ar": "الطيور تعود إلى صناديق الأعشاش الجديدة.", "fa": "پرندگان به لانه‌های چوبی تازه بازمی‌گردند.", "sq": "Zogjtë kthehen te kutitë e reja të foleve."}},
		}},
}

var demoFilm = demoMediaItem{Key: "video-harbour-dawn", Art: "sea", HoursAgo: 55,
	Title: L{"en": "Dawn over the bay", "ar": "الفجر فوق الخليج", "fa": "سپیده‌دم بر فراز خلیج", "sq": "Agimi mbi gji"},
	Caption: L{"en": "A four-second film from our studio: the sun rises as a small boat crosses the bay.",
		"ar": "فيلم من أربع ثوانٍ من استوديونا: تشرق الشمس بينما يعبر قارب صغير الخليج.",
		"fa": "فیلمی چهارثانیه‌ای از استودیوی ما: خورشید طلوع می‌کند و قایقی کوچک از خلیج می‌گذرد.",
		"sq": "Një film katër sekondash nga studioja jonë: dielli lind ndërsa një varkë e vogël kalon gjirin."}}

// mediaSectionPictures lists the pictures the Media sections need, drawn
// with the rest before the database transaction starts.
func mediaSectionPictures() []pictureKey {
	var keys []pictureKey
	for _, c := range demoCartoons {
		keys = append(keys, pictureKey{c.Art, c.Key, cartoonW, cartoonH})
	}
	for _, c := range demoNewsPics {
		keys = append(keys, pictureKey{c.Art, c.Key, photoW, photoH})
	}
	for _, a := range demoAlbums {
		for i, p := range a.Photos {
			keys = append(keys, pictureKey{p.Art, fmt.Sprintf("%s/%d", a.Key, i), photoW, photoH})
		}
	}
	return append(keys, pictureKey{demoFilm.Art, demoFilm.Key, posterW, posterH})
}

// loadMediaSections writes one edition's Media sections; cats maps
// category keys to the edition's category ids.
func (l *loader) loadMediaSections(ctx context.Context, code string, cats map[string]int64) error {
	svc := l.svc.MediaSections
	at := func(hours int) time.Time { return l.now.Add(-time.Duration(hours) * time.Hour) }
	save := func(key string, it *mediasection.Item) error {
		it.Edition, it.Status, it.TranslationGroup = code, mediasection.Published, l.mediaGroups[key]
		if err := svc.Save(ctx, it); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		l.mediaGroups[key] = it.TranslationGroup
		l.sum.MediaItems++
		return nil
	}
	for _, set := range []struct {
		kind   mediasection.Kind
		items  []demoMediaItem
		w, h   int
		credit string
	}{{mediasection.Cartoon, demoCartoons, cartoonW, cartoonH, "cartoon"}, {mediasection.NewsPic, demoNewsPics, photoW, photoH, "photo"}} {
		for _, c := range set.items {
			pic, err := l.addPicture(ctx, pictureKey{c.Art, c.Key, set.w, set.h}, c.Key+".jpg", c.Title["en"], c.Caption["en"])
			if err != nil {
				return err
			}
			it := &mediasection.Item{Kind: set.kind, Title: c.Title[code], Caption: c.Caption[code], Credit: credits[set.credit][code],
				ImageID: pic.ID, CategoryID: cats[c.Category], PublishedAt: at(c.HoursAgo)}
			if err := save(c.Key, it); err != nil {
				return err
			}
		}
	}
	for _, a := range demoAlbums {
		var photos []*media.Media
		for i, p := range a.Photos {
			m, err := l.addPicture(ctx, pictureKey{p.Art, fmt.Sprintf("%s/%d", a.Key, i), photoW, photoH},
				fmt.Sprintf("%s-%d.jpg", a.Key, i+1), p.Caption["en"], p.Caption["en"])
			if err != nil {
				return err
			}
			photos = append(photos, m)
		}
		album := &mediasection.Item{Kind: mediasection.Album, Title: a.Title[code], Caption: a.Caption[code], Credit: credits["photo"][code],
			ImageID: photos[0].ID, PublishedAt: at(a.HoursAgo)}
		if err := save(a.Key, album); err != nil {
			return err
		}
		for i, m := range photos {
			// The caption in the edition's language; the picture's own alt
			// text is English, so the photo's alt falls back to this caption.
			if err := svc.AddPhoto(ctx, &mediasection.Photo{AlbumID: album.ID, MediaID: m.ID, Caption: a.Photos[i].Caption[code],
				Credit: credits["photo"][code]}); err != nil {
				return fmt.Errorf("%s photo %d: %w", a.Key, i+1, err)
			}
		}
	}
	poster, err := l.addPicture(ctx, pictureKey{demoFilm.Art, demoFilm.Key, posterW, posterH}, demoFilm.Key+"-poster.jpg", demoFilm.Title["en"], "")
	if err != nil {
		return err
	}
	var files []*media.Media
	for _, f := range []struct {
		name string
		data []byte
	}{{"dawn-over-the-bay.webm", demoVideoWebM}, {"dawn-over-the-bay.mp4", demoVideoMP4}} {
		m, err := l.svc.Media.Add(ctx, bytes.NewReader(f.data), media.Upload{Filename: f.name, Title: demoFilm.Title["en"],
			Credit: credits["video"]["en"], Expect: "video"})
		if err != nil {
			return fmt.Errorf("demo video %s: %w", f.name, err)
		}
		files = append(files, m)
	}
	film := &mediasection.Item{Kind: mediasection.Video, Title: demoFilm.Title[code], Caption: demoFilm.Caption[code],
		Credit: credits["video"][code], ImageID: poster.ID, VideoID: files[0].ID, AltVideoID: files[1].ID, PublishedAt: at(demoFilm.HoursAgo)}
	return save(demoFilm.Key, film)
}
