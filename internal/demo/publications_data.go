package demo

// The demo's publications in each edition: two books and two series (the
// Newsletter with three issues, the Brief with two). Keys tie the same book,
// series and issue together across editions. Every text is our own.

var publicationsByEdition = map[string]EditionPublications{
	"en": {
		Books: []Book{
			{Key: "water-in-common", Slug: "water-in-common", Title: "Water in Common", Subtitle: "Ten stories of rivers that towns share",
				Author: "The Masthead newsroom", Year: 2025, ISBN: "9789999900010", Art: "river", DaysAgo: 40,
				Description: []string{
					"Rivers do not stop at town limits. This book follows ten communities that clean, measure and share the water that runs through them, from volunteers who test it every Saturday to councils that publish their readings online.",
					"Each chapter ends with what worked, what did not, and what it cost, so that readers can borrow the ideas that fit their own river.",
				},
				Chapters: []string{
					"Chapter one: The Saturday samplers. A group of retired teachers began by testing one stretch of river each weekend. Two years later their notebooks were the longest record of the water's health that anyone had.",
					"Chapter two: Open readings. When the town council agreed to publish every measurement the same day, the conversation changed from rumour to evidence, and repairs to the old drains moved up the list.",
				}},
			{Key: "lights-on", Slug: "lights-on", Title: "Lights On", Subtitle: "A field guide to libraries that stay open late",
				Author: "The Masthead newsroom", Year: 2024, ISBN: "9789999900027", Art: "library", DaysAgo: 120,
				Description: []string{
					"Across several cities, libraries have begun to keep their doors open into the evening: for students who have no quiet room at home, for workers who finish late, and for neighbours who simply want a warm place to read.",
					"This guide collects what their librarians learned about staffing, safety, budgets and the small touches that make a reading room feel welcoming after dark.",
				},
				Chapters: []string{
					"Chapter one: Why the evening matters. Most people who use a late library come straight from work or school. For many of them, the hours after seven are the only free hours of the day.",
					"Chapter two: Starting small. Two evenings a week, one extra staff member and a clear plan for closing time were enough for most libraries to begin.",
				}},
		},
		Series: []SeriesData{
			{Key: "newsletter", Slug: "newsletter", Title: "Newsletter", Description: "Our monthly newsletter: the stories we followed, what changed since, and what comes next.",
				Issues: []IssueData{
					{Number: 1, Title: "Rivers and the people who watch them", DaysAgo: 75, Articles: []string{"river-cleanup"},
						Summary:  "Our first issue follows the volunteers who test river water and the towns that listen to them.",
						Contents: []string{"A year of river readings", "Three towns, one river", "Letters from readers"}},
					{Number: 2, Title: "Schools that run on sunlight", DaysAgo: 45, Articles: []string{"solar-schools", "river-cleanup"},
						Summary:  "How rooftop panels are paying for books and heating in village schools.",
						Contents: []string{"Panels on the roof, books on the shelves", "What the first winter taught us", "Your questions answered"}},
					{Number: 3, Title: "Reading after dark", DaysAgo: 15, Articles: []string{"library-night", "solar-schools"},
						Summary:  "Late-opening libraries, the people who use them and what it costs to keep the lights on.",
						Contents: []string{"A night at the library", "Counting the cost of late hours", "Coming next month"}},
				}},
			{Key: "brief", Slug: "brief", Title: "Brief", Description: "Short, factual briefings on one subject at a time, for readers in a hurry.",
				Issues: []IssueData{
					{Number: 1, Title: "Water quality in five questions", DaysAgo: 60, Articles: []string{"river-cleanup"},
						Summary:  "What is measured in a river, who measures it and where to find the results.",
						Contents: []string{"What is measured", "Who measures it", "Where to find the data"}},
					{Number: 2, Title: "Community solar, briefly", DaysAgo: 20, Articles: []string{"solar-schools"},
						Summary:  "The basics of shared solar power for schools and small buildings.",
						Contents: []string{"How shared panels work", "What they cost", "Who pays and who saves"}},
				}},
		},
	},
	"ar": {
		Books: []Book{
			{Key: "water-in-common", Slug: "ماء-مشترك", Title: "ماءٌ مشترك", Subtitle: "عشر حكايات عن أنهار تتقاسمها البلدات",
				Author: "غرفة أخبار ماستهد", Year: 2025, ISBN: "9789999900034", Art: "river", DaysAgo: 40,
				Description: []string{
					"لا تتوقف الأنهار عند حدود البلدات. يتتبع هذا الكتاب عشرة مجتمعات تنظّف المياه التي تعبرها وتقيسها وتتقاسمها، من متطوعين يفحصونها كل يوم سبت إلى مجالس بلدية تنشر قراءاتها على الإنترنت.",
					"ينتهي كل فصل بما نجح وما لم ينجح وبكم كلّف، ليتمكن القرّاء من استعارة الأفكار التي تناسب نهرهم.",
				},
				Chapters: []string{
					"الفصل الأول: متطوعو السبت. بدأت مجموعة من المعلمين المتقاعدين بفحص جزء واحد من النهر كل أسبوع. وبعد عامين صارت دفاترهم أطول سجل لصحة المياه يملكه أحد.",
					"الفصل الثاني: قراءات مفتوحة. حين وافق المجلس البلدي على نشر كل قياس في يومه، تحوّل الحديث من الشائعات إلى الأدلة، وتقدّم إصلاح المصارف القديمة في قائمة الأولويات.",
				}},
			{Key: "lights-on", Slug: "الأضواء-مضاءة", Title: "الأضواء مضاءة", Subtitle: "دليل ميداني إلى مكتبات تبقى مفتوحة حتى المساء",
				Author: "غرفة أخبار ماستهد", Year: 2024, ISBN: "9789999900041", Art: "library", DaysAgo: 120,
				Description: []string{
					"بدأت مكتبات في عدة مدن تُبقي أبوابها مفتوحة حتى المساء: لطلاب لا يملكون غرفة هادئة في البيت، ولعمّال ينهون دوامهم متأخرين، ولجيران يريدون مكانًا دافئًا للقراءة.",
					"يجمع هذا الدليل ما تعلّمه أمناء المكتبات عن التوظيف والسلامة والميزانيات، وعن التفاصيل الصغيرة التي تجعل قاعة القراءة مرحِّبة بعد حلول الظلام.",
				},
				Chapters: []string{
					"الفصل الأول: لماذا يهمّ المساء. يأتي معظم روّاد المكتبة المسائية مباشرة من العمل أو المدرسة، وساعات ما بعد السابعة هي لكثيرين منهم الساعات الحرة الوحيدة في اليوم.",
					"الفصل الثاني: البداية الصغيرة. كانت أمسيتان في الأسبوع وموظف إضافي واحد وخطة واضحة لموعد الإغلاق كافية لتبدأ معظم المكتبات.",
				}},
		},
		Series: []SeriesData{
			{Key: "newsletter", Slug: "newsletter", Title: "النشرة الإخبارية", Description: "نشرتنا الشهرية: القصص التي تابعناها، وما تغيّر منذ ذلك الحين، وما هو آتٍ.",
				Issues: []IssueData{
					{Number: 1, Title: "الأنهار ومن يراقبونها", DaysAgo: 75, Articles: []string{"river-cleanup"},
						Summary:  "يتابع عددنا الأول المتطوعين الذين يفحصون مياه الأنهار والبلدات التي تصغي إليهم.",
						Contents: []string{"عام من قراءات النهر", "ثلاث بلدات ونهر واحد", "رسائل القرّاء"}},
					{Number: 2, Title: "مدارس تعمل بضوء الشمس", DaysAgo: 45, Articles: []string{"solar-schools", "river-cleanup"},
						Summary:  "كيف تموّل الألواح الشمسية على الأسطح الكتبَ والتدفئة في مدارس القرى.",
						Contents: []string{"ألواح على السطح وكتب على الرفوف", "ما علّمنا إياه الشتاء الأول", "أجوبة عن أسئلتكم"}},
					{Number: 3, Title: "القراءة بعد حلول الظلام", DaysAgo: 15, Articles: []string{"library-night", "solar-schools"},
						Summary:  "مكتبات تفتح حتى المساء، ومن يرتادونها، وكلفة إبقاء الأضواء مضاءة.",
						Contents: []string{"ليلة في المكتبة", "حساب كلفة الساعات المتأخرة", "في الشهر المقبل"}},
				}},
			{Key: "brief", Slug: "brief", Title: "الموجز", Description: "إحاطات قصيرة ودقيقة حول موضوع واحد في كل مرة، لمن لا يملك وقتًا طويلًا.",
				Issues: []IssueData{
					{Number: 1, Title: "جودة المياه في خمسة أسئلة", DaysAgo: 60, Articles: []string{"river-cleanup"},
						Summary:  "ما الذي يُقاس في النهر، ومن يقيسه، وأين تجد النتائج.",
						Contents: []string{"ما الذي يُقاس", "من يقيسه", "أين تجد البيانات"}},
					{Number: 2, Title: "الطاقة الشمسية المجتمعية باختصار", DaysAgo: 20, Articles: []string{"solar-schools"},
						Summary:  "أساسيات الطاقة الشمسية المشتركة للمدارس والمباني الصغيرة.",
						Contents: []string{"كيف تعمل الألواح المشتركة", "كم تكلّف", "من يدفع ومن يوفّر"}},
				}},
		},
	},
	"fa": {
		Books: []Book{
			{Key: "water-in-common", Slug: "آب-مشترک", Title: "آبِ مشترک", Subtitle: "ده روایت از رودهایی که شهرها با هم قسمت می‌کنند",
				Author: "تحریریهٔ ماستهد", Year: 2025, ISBN: "9789999900058", Art: "river", DaysAgo: 40,
				Description: []string{
					"رودها در مرز شهرها نمی‌ایستند. این کتاب ده جامعه را دنبال می‌کند که آبِ گذرنده از میانشان را پاک می‌کنند، می‌سنجند و با هم قسمت می‌کنند؛ از داوطلبانی که هر شنبه آب را آزمایش می‌کنند تا شوراهایی که نتیجه‌ها را برخط منتشر می‌کنند.",
					"هر فصل با این پایان می‌یابد که چه چیزی جواب داد، چه چیزی نداد و چقدر هزینه داشت، تا خوانندگان ایده‌هایی را که به رود خودشان می‌خورد به کار ببرند.",
				},
				Chapters: []string{
					"فصل یکم: نمونه‌برداران شنبه. گروهی از معلمان بازنشسته کار را با آزمایش یک تکه از رود در هر آخر هفته آغاز کردند. دو سال بعد، دفترهایشان طولانی‌ترین سابقهٔ سلامت آب بود که کسی در دست داشت.",
					"فصل دوم: نتیجه‌های آشکار. وقتی شورای شهر پذیرفت که هر اندازه‌گیری را همان روز منتشر کند، گفت‌وگو از شایعه به شواهد رسید و تعمیر آبراه‌های کهنه در فهرست کارها بالا آمد.",
				}},
			{Key: "lights-on", Slug: "چراغ-ها-روشن", Title: "چراغ‌ها روشن", Subtitle: "راهنمای میدانی کتابخانه‌هایی که تا شب باز می‌مانند",
				Author: "تحریریهٔ ماستهد", Year: 2024, ISBN: "9789999900065", Art: "library", DaysAgo: 120,
				Description: []string{
					"در چند شهر، کتابخانه‌ها درهایشان را تا شب باز نگه می‌دارند: برای دانش‌آموزانی که در خانه اتاقی آرام ندارند، برای کارگرانی که دیر از کار برمی‌گردند و برای همسایگانی که فقط جایی گرم برای خواندن می‌خواهند.",
					"این راهنما آموخته‌های کتابداران را دربارهٔ نیروی انسانی، ایمنی، بودجه و جزئیات کوچکی که تالار مطالعه را پس از تاریکی دلپذیر می‌کند گرد آورده است.",
				},
				Chapters: []string{
					"فصل یکم: چرا شب مهم است. بیشتر مراجعان کتابخانهٔ شبانه یکراست از کار یا مدرسه می‌آیند و برای بسیاری از آنان ساعت‌های پس از هفت تنها ساعت‌های آزاد روز است.",
					"فصل دوم: آغاز کوچک. دو شب در هفته، یک کارمند اضافه و برنامه‌ای روشن برای زمان بستن، برای آغاز کار بیشتر کتابخانه‌ها کافی بود.",
				}},
		},
		Series: []SeriesData{
			{Key: "newsletter", Slug: "newsletter", Title: "خبرنامه", Description: "خبرنامهٔ ماهانهٔ ما: گزارش‌هایی که دنبال کردیم، آنچه از آن پس تغییر کرد و آنچه در راه است.",
				Issues: []IssueData{
					{Number: 1, Title: "رودها و نگهبانانشان", DaysAgo: 75, Articles: []string{"river-cleanup"},
						Summary:  "نخستین شماره داوطلبانی را دنبال می‌کند که آب رود را آزمایش می‌کنند و شهرهایی که به آنان گوش می‌سپارند.",
						Contents: []string{"یک سال اندازه‌گیری آب رود", "سه شهر، یک رود", "نامه‌های خوانندگان"}},
					{Number: 2, Title: "مدرسه‌هایی که با نور خورشید کار می‌کنند", DaysAgo: 45, Articles: []string{"solar-schools", "river-cleanup"},
						Summary:  "صفحه‌های خورشیدی روی بام چگونه هزینهٔ کتاب و گرمایش مدرسه‌های روستایی را می‌پردازند.",
						Contents: []string{"صفحه روی بام، کتاب در قفسه", "آنچه نخستین زمستان به ما آموخت", "پاسخ به پرسش‌های شما"}},
					{Number: 3, Title: "خواندن پس از تاریکی", DaysAgo: 15, Articles: []string{"library-night", "solar-schools"},
						Summary:  "کتابخانه‌هایی که تا شب باز می‌مانند، کسانی که به آنها می‌آیند و هزینهٔ روشن نگه داشتن چراغ‌ها.",
						Contents: []string{"شبی در کتابخانه", "حساب هزینهٔ ساعت‌های شبانه", "در شمارهٔ بعد"}},
				}},
			{Key: "brief", Slug: "brief", Title: "گزارش کوتاه", Description: "گزارش‌های کوتاه و دقیق، هر بار دربارهٔ یک موضوع، برای خوانندگانی که وقت کمی دارند.",
				Issues: []IssueData{
					{Number: 1, Title: "کیفیت آب در پنج پرسش", DaysAgo: 60, Articles: []string{"river-cleanup"},
						Summary:  "در رود چه چیزی اندازه‌گیری می‌شود، چه کسی آن را می‌سنجد و نتیجه‌ها را کجا می‌توان یافت.",
						Contents: []string{"چه چیزی سنجیده می‌شود", "چه کسی می‌سنجد", "داده‌ها را کجا بیابیم"}},
					{Number: 2, Title: "برق خورشیدی محلی، به کوتاهی", DaysAgo: 20, Articles: []string{"solar-schools"},
						Summary:  "مبانی برق خورشیدی مشترک برای مدرسه‌ها و ساختمان‌های کوچک.",
						Contents: []string{"صفحه‌های مشترک چگونه کار می‌کنند", "هزینه‌شان چقدر است", "چه کسی می‌پردازد و چه کسی صرفه‌جویی می‌کند"}},
				}},
		},
	},
	"sq": {
		Books: []Book{
			{Key: "water-in-common", Slug: "uji-i-perbashket", Title: "Uji i përbashkët", Subtitle: "Dhjetë histori lumenjsh që qytetet i ndajnë",
				Author: "Redaksia e Masthead", Year: 2025, ISBN: "9789999900072", Art: "river", DaysAgo: 40,
				Description: []string{
					"Lumenjtë nuk ndalen në kufijtë e qyteteve. Ky libër ndjek dhjetë komunitete që pastrojnë, matin dhe ndajnë ujin që kalon mes tyre, nga vullnetarët që e testojnë çdo të shtunë te këshillat që i publikojnë matjet në internet.",
					"Çdo kapitull mbyllet me atë që funksionoi, atë që nuk funksionoi dhe sa kushtoi, që lexuesit të marrin idetë që i përshtaten lumit të tyre.",
				},
				Chapters: []string{
					"Kapitulli i parë: Mostrat e së shtunës. Një grup mësuesish në pension filloi duke testuar një pjesë të lumit çdo fundjavë. Pas dy vitesh, fletoret e tyre ishin regjistri më i gjatë i shëndetit të ujit që kishte njeri.",
					"Kapitulli i dytë: Matje të hapura. Kur këshilli bashkiak pranoi të publikonte çdo matje po atë ditë, biseda kaloi nga thashethemet te provat dhe riparimi i kanaleve të vjetra u ngjit në listë.",
				}},
			{Key: "lights-on", Slug: "dritat-ndezur", Title: "Dritat ndezur", Subtitle: "Udhëzues për bibliotekat që qëndrojnë hapur deri vonë",
				Author: "Redaksia e Masthead", Year: 2024, ISBN: "9789999900089", Art: "library", DaysAgo: 120,
				Description: []string{
					"Në disa qytete, bibliotekat kanë filluar t'i mbajnë dyert hapur deri në mbrëmje: për nxënësit që nuk kanë një dhomë të qetë në shtëpi, për punëtorët që mbarojnë vonë dhe për fqinjët që duan thjesht një vend të ngrohtë për të lexuar.",
					"Ky udhëzues mbledh atë që mësuan bibliotekarët për stafin, sigurinë, buxhetin dhe detajet e vogla që e bëjnë sallën e leximit mikpritëse pas errësirës.",
				},
				Chapters: []string{
					"Kapitulli i parë: Pse ka rëndësi mbrëmja. Shumica e atyre që vijnë në bibliotekë në mbrëmje vijnë drejt nga puna ose shkolla; për shumë prej tyre, orët pas shtatës janë të vetmet orë të lira të ditës.",
					"Kapitulli i dytë: Fillimi i vogël. Dy mbrëmje në javë, një punonjës më shumë dhe një plan i qartë për orën e mbylljes mjaftuan që shumica e bibliotekave të fillonin.",
				}},
		},
		Series: []SeriesData{
			{Key: "newsletter", Slug: "newsletter", Title: "Buletini", Description: "Buletini ynë mujor: historitë që ndoqëm, çfarë ndryshoi që atëherë dhe çfarë vjen më pas.",
				Issues: []IssueData{
					{Number: 1, Title: "Lumenjtë dhe ata që i ruajnë", DaysAgo: 75, Articles: []string{"river-cleanup"},
						Summary:  "Numri ynë i parë ndjek vullnetarët që testojnë ujin e lumit dhe qytetet që i dëgjojnë.",
						Contents: []string{"Një vit matjesh të lumit", "Tre qytete, një lum", "Letra nga lexuesit"}},
					{Number: 2, Title: "Shkolla që punojnë me dritën e diellit", DaysAgo: 45, Articles: []string{"solar-schools", "river-cleanup"},
						Summary:  "Si i paguajnë panelet në çati librat dhe ngrohjen në shkollat e fshatrave.",
						Contents: []string{"Panele në çati, libra në rafte", "Çfarë na mësoi dimri i parë", "Përgjigje për pyetjet tuaja"}},
					{Number: 3, Title: "Leximi pas errësirës", DaysAgo: 15, Articles: []string{"library-night", "solar-schools"},
						Summary:  "Bibliotekat që qëndrojnë hapur vonë, njerëzit që i përdorin dhe sa kushton t'i mbash dritat ndezur.",
						Contents: []string{"Një natë në bibliotekë", "Sa kushtojnë orët e vona", "Në numrin e ardhshëm"}},
				}},
			{Key: "brief", Slug: "brief", Title: "Përmbledhja", Description: "Informime të shkurtra dhe të sakta për një temë në një herë, për lexuesit që nxitojnë.",
				Issues: []IssueData{
					{Number: 1, Title: "Cilësia e ujit në pesë pyetje", DaysAgo: 60, Articles: []string{"river-cleanup"},
						Summary:  "Çfarë matet në një lum, kush e mat dhe ku gjenden rezultatet.",
						Contents: []string{"Çfarë matet", "Kush e mat", "Ku gjenden të dhënat"}},
					{Number: 2, Title: "Energjia diellore e komunitetit, shkurt", DaysAgo: 20, Articles: []string{"solar-schools"},
						Summary:  "Bazat e energjisë diellore të përbashkët për shkollat dhe ndërtesat e vogla.",
						Contents: []string{"Si funksionojnë panelet e përbashkëta", "Sa kushtojnë", "Kush paguan dhe kush kursen"}},
				}},
		},
	},
}
