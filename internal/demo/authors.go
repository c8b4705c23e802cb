package demo

// authors are the staff writers of the demo newsroom. All of them are
// fictional people.
var authors = []Author{
	{
		Key:  "amina",
		Slug: "amina-rahimi",
		Names: map[string]string{
			"en": "Amina Rahimi",
			"ar": "أمينة رحيمي",
			"fa": "امینه رحیمی",
			"sq": "Amina Rahimi",
		},
		Bios: map[string]string{
			"en": "Amina Rahimi reports on the environment and climate, with a particular interest in rivers, coasts and the people who look after them. She joined the newsroom after several years at a regional newspaper.",
			"ar": "تكتب أمينة رحيمي عن البيئة والمناخ، وتهتم خاصةً بالأنهار والسواحل والناس الذين يعتنون بها. انضمت إلى فريق التحرير بعد سنوات من العمل في صحيفة إقليمية.",
			"fa": "امینه رحیمی دربارهٔ محیط زیست و اقلیم می‌نویسد و به‌ویژه به رودخانه‌ها، سواحل و مردمی که از آن‌ها نگهداری می‌کنند علاقه دارد. او پس از چند سال کار در یک روزنامهٔ منطقه‌ای به تحریریه پیوست.",
			"sq": "Amina Rahimi shkruan për mjedisin dhe klimën, me një interes të veçantë për lumenjtë, brigjet dhe njerëzit që kujdesen për to. Ajo iu bashkua redaksisë pas disa vitesh pune në një gazetë rajonale.",
		},
		Art: "portrait",
	},
	{
		Key:  "daniel",
		Slug: "daniel-okafor",
		Names: map[string]string{
			"en": "Daniel Okafor",
			"ar": "دانيال أوكافور",
			"fa": "دانیل اوکافور",
			"sq": "Daniel Okafor",
		},
		Bios: map[string]string{
			"en": "Daniel Okafor covers cities, transport and civic life. He is happiest on a bicycle with a notebook in his pocket.",
			"ar": "يغطي دانيال أوكافور شؤون المدن والنقل والحياة المدنية. ويفضّل التنقل على دراجته ودفتر الملاحظات في جيبه.",
			"fa": "دانیل اوکافور دربارهٔ شهرها، حمل‌ونقل و زندگی شهروندی گزارش می‌دهد. او بیشتر وقت‌ها با دوچرخه و دفترچه‌ای در جیب در شهر می‌چرخد.",
			"sq": "Daniel Okafor mbulon qytetet, transportin dhe jetën qytetare. Ai ndihet më mirë mbi biçikletë, me një bllok shënimesh në xhep.",
		},
		Art: "portrait",
	},
	{
		Key:  "elira",
		Slug: "elira-hoxha",
		Names: map[string]string{
			"en": "Elira Hoxha",
			"ar": "إليرا هوجا",
			"fa": "الیرا هوجا",
			"sq": "Elira Hoxha",
		},
		Bios: map[string]string{
			"en": "Elira Hoxha writes about culture, libraries and the arts, and about the neighbourhoods that keep them alive. She studied art history and still spends her weekends in museums.",
			"ar": "تكتب إليرا هوجا عن الثقافة والمكتبات والفنون، وعن الأحياء التي تبقيها حية. درست تاريخ الفن، وما زالت تقضي عطلات نهاية الأسبوع في المتاحف.",
			"fa": "الیرا هوجا دربارهٔ فرهنگ، کتابخانه‌ها و هنر و محله‌هایی که آن‌ها را زنده نگه می‌دارند می‌نویسد. او تاریخ هنر خوانده و هنوز آخر هفته‌هایش را در موزه‌ها می‌گذراند.",
			"sq": "Elira Hoxha shkruan për kulturën, bibliotekat dhe artet, si dhe për lagjet që i mbajnë gjallë. Ajo ka studiuar histori arti dhe ende i kalon fundjavat nëpër muze.",
		},
		Art: "portrait",
	},
	{
		Key:  "karim",
		Slug: "karim-haddad",
		Names: map[string]string{
			"en": "Karim Haddad",
			"ar": "كريم حداد",
			"fa": "کریم حداد",
			"sq": "Karim Haddad",
		},
		Bios: map[string]string{
			"en": "Karim Haddad is the science correspondent. He trained as a biologist and writes about research that happens close to home, from seed banks to bird counts.",
			"ar": "كريم حداد مراسل الشؤون العلمية. درس علم الأحياء، ويكتب عن الأبحاث التي تجري قريبًا من الناس، من بنوك البذور إلى إحصاء الطيور.",
			"fa": "کریم حداد خبرنگار علمی است. او زیست‌شناسی خوانده و دربارهٔ پژوهش‌هایی می‌نویسد که نزدیک به زندگی مردم انجام می‌شوند، از بانک بذر تا سرشماری پرندگان.",
			"sq": "Karim Haddad është korrespondenti shkencor i redaksisë. Ai është biolog me formim dhe shkruan për kërkime që zhvillohen pranë nesh, nga bankat e farërave te numërimi i zogjve.",
		},
		Art: "portrait",
	},
	{
		Key:  "sara",
		Slug: "sara-tehrani",
		Names: map[string]string{
			"en": "Sara Tehrani",
			"ar": "سارا طهراني",
			"fa": "سارا تهرانی",
			"sq": "Sara Tehrani",
		},
		Bios: map[string]string{
			"en": "Sara Tehrani covers the economy, from small cooperatives to regional infrastructure. She likes stories that explain where money goes and why.",
			"ar": "تغطي سارا طهراني الشؤون الاقتصادية، من التعاونيات الصغيرة إلى مشاريع البنية التحتية الإقليمية. تحب القصص التي تشرح أين تذهب الأموال ولماذا.",
			"fa": "سارا تهرانی اقتصاد را پوشش می‌دهد، از تعاونی‌های کوچک تا زیرساخت‌های منطقه‌ای. او به گزارش‌هایی علاقه دارد که نشان می‌دهند پول کجا می‌رود و چرا.",
			"sq": "Sara Tehrani mbulon ekonominë, nga kooperativat e vogla te infrastruktura rajonale. Asaj i pëlqejnë shkrimet që shpjegojnë ku shkojnë paratë dhe pse.",
		},
		Art: "portrait",
	},
	{
		Key:  "marco",
		Slug: "marco-lindqvist",
		Names: map[string]string{
			"en": "Marco Lindqvist",
			"ar": "ماركو ليندكفيست",
			"fa": "مارکو لیندکویست",
			"sq": "Marco Lindqvist",
		},
		Bios: map[string]string{
			"en": "Marco Lindqvist is the opinion editor. He writes about journalism, public data and the everyday work of civic life.",
			"ar": "ماركو ليندكفيست محرر صفحة الرأي. يكتب عن الصحافة والبيانات العامة والعمل اليومي للحياة المدنية.",
			"fa": "مارکو لیندکویست دبیر بخش دیدگاه است. او دربارهٔ روزنامه‌نگاری، داده‌های عمومی و کار روزمرهٔ زندگی شهروندی می‌نویسد.",
			"sq": "Marco Lindqvist është redaktor i rubrikës së opinionit. Ai shkruan për gazetarinë, të dhënat publike dhe punën e përditshme të jetës qytetare.",
		},
		Art: "portrait",
	},
}
