package benchdata

import "strings"

// phrases are the parts of generated headlines per edition: who, what they
// do, to what, and where or when. Story k uses the same choices in every
// edition, so translations say the same thing.
type phrases struct {
	subjects, verbs, objects, places []string
	// compose joins one of each in the language's word order.
	compose func(subject, verb, object, place string) string
}

var headlines = map[string]phrases{
	"en": {
		subjects: []string{"City council", "Farmers' cooperative", "Regional health board", "Teachers' union", "Water authority",
			"Local volunteers", "University researchers", "Small businesses", "Transit planners", "Women's shelter", "Youth league",
			"Fishing communities"},
		verbs: []string{"expands", "debates", "opens", "questions", "funds", "restores", "delays", "launches", "reviews", "celebrates"},
		objects: []string{"flood defences", "a new public library", "the school meal programme", "a clean-water project",
			"night bus routes", "community gardens", "rural clinics", "the river clean-up", "housing repairs",
			"a literacy course for women", "solar panels for schools", "the harvest festival"},
		places: []string{"in the north", "along the coast", "in the old town", "after heavy rains", "for the winter",
			"despite budget cuts", "in three districts"},
		compose: func(s, v, o, p string) string { return s + " " + v + " " + o + " " + p },
	},
	"ar": {
		subjects: []string{"مجلس المدينة", "تعاونية المزارعين", "مجلس الصحة الإقليمي", "نقابة المعلمين", "سلطة المياه",
			"متطوعون محليون", "باحثون جامعيون", "أصحاب المشاريع الصغيرة", "مخططو النقل", "دار إيواء النساء", "اتحاد الشباب",
			"مجتمعات الصيادين"},
		verbs: []string{"يوسّع", "يناقش", "يفتتح", "يراجع", "يموّل", "يرمّم", "يؤجل", "يطلق", "يدرس", "يحتفل بـ"},
		objects: []string{"سدود الحماية من الفيضانات", "مكتبة عامة جديدة", "برنامج الوجبات المدرسية", "مشروع المياه النظيفة",
			"خطوط الحافلات الليلية", "حدائق الأحياء", "العيادات الريفية", "حملة تنظيف النهر", "ترميم المساكن",
			"دورة محو الأمية للنساء", "ألواح شمسية للمدارس", "مهرجان الحصاد"},
		places: []string{"في الشمال", "على امتداد الساحل", "في البلدة القديمة", "بعد الأمطار الغزيرة", "استعداداً للشتاء",
			"رغم تقليص الميزانية", "في ثلاث مناطق"},
		compose: func(s, v, o, p string) string {
			if strings.HasSuffix(v, "بـ") {
				return s + " " + v + o + " " + p
			}
			return s + " " + v + " " + o + " " + p
		},
	},
	"fa": {
		subjects: []string{"شورای شهر", "تعاونی کشاورزان", "شورای سلامت منطقه", "انجمن معلمان", "سازمان آب",
			"داوطلبان محلی", "پژوهشگران دانشگاه", "کسب‌وکارهای کوچک", "برنامه‌ریزان حمل‌ونقل", "خانهٔ امن زنان", "کانون جوانان",
			"جوامع ماهیگیری"},
		verbs: []string{"گسترش داد", "بررسی کرد", "افتتاح کرد", "زیر سؤال برد", "تأمین مالی کرد", "بازسازی کرد",
			"به تعویق انداخت", "آغاز کرد", "بازبینی کرد", "جشن گرفت"},
		objects: []string{"سدهای مهار سیل", "کتابخانهٔ عمومی تازه", "طرح غذای مدرسه", "طرح آب سالم", "خطوط اتوبوس شبانه",
			"باغ‌های محله", "درمانگاه‌های روستایی", "پاک‌سازی رودخانه", "تعمیر خانه‌ها", "کلاس سوادآموزی زنان",
			"پنل‌های خورشیدی مدارس", "جشن برداشت محصول"},
		places: []string{"در شمال", "در کرانهٔ دریا", "در بافت قدیم شهر", "پس از باران‌های سنگین", "برای زمستان",
			"با وجود کسری بودجه", "در سه منطقه"},
		compose: func(s, v, o, p string) string { return s + " " + p + " " + o + " را " + v },
	},
	"sq": {
		subjects: []string{"Këshilli bashkiak", "Kooperativa e fermerëve", "Bordi rajonal i shëndetësisë", "Sindikata e mësuesve",
			"Autoriteti i ujit", "Vullnetarët vendas", "Studiuesit e universitetit", "Bizneset e vogla", "Planifikuesit e transportit",
			"Strehëza për gratë", "Lidhja e të rinjve", "Komunitetet e peshkatarëve"},
		verbs: []string{"zgjeron", "diskuton", "hap", "vë në pikëpyetje", "financon", "restauron", "shtyn", "nis", "shqyrton", "feston"},
		objects: []string{"mbrojtjen nga përmbytjet", "një bibliotekë të re publike", "programin e ushqimit në shkolla",
			"projektin e ujit të pastër", "linjat e autobusëve të natës", "kopshtet e lagjes", "klinikat rurale",
			"pastrimin e lumit", "riparimin e banesave", "një kurs shkrim-leximi për gratë", "panele diellore për shkollat",
			"festën e korrjes"},
		places: []string{"në veri", "përgjatë bregdetit", "në qytetin e vjetër", "pas shirave të dendura", "për dimrin",
			"pavarësisht shkurtimeve të buxhetit", "në tre rrethe"},
		compose: func(s, v, o, p string) string { return s + " " + v + " " + o + " " + p },
	},
}

// externalWriters sign the pieces republished from a partner publication.
var externalWriters = map[string][]string{
	"en": {"Maria Keller", "Tomas Novak", "Grace Mwangi"},
	"ar": {"ليلى حداد", "سامر النجار", "هدى منصور"},
	"fa": {"مریم کاظمی", "بهرام صالحی", "نسرین احمدی"},
	"sq": {"Elira Hoxha", "Dritan Kola", "Mirela Shehu"},
}

// headline composes a story's headline in an edition.
func headline(ed string, w [4]int) string {
	p := headlines[ed]
	return p.compose(p.subjects[w[0]%len(p.subjects)], p.verbs[w[1]%len(p.verbs)],
		p.objects[w[2]%len(p.objects)], p.places[w[3]%len(p.places)])
}
