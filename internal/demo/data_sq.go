package demo

// editionSQ is the Albanian edition of the demo newsroom. Six articles are
// translations of English stories (same Key); four are the edition's own.
var editionSQ = EditionContent{
	Code:        "sq",
	SiteName:    "Masthead Ditore",
	Tagline:     "Lajme të besueshme nga afër dhe nga larg",
	Description: "Masthead Ditore sjell lajme të verifikuara për mjedisin, shoqërinë, kulturën dhe shkencën, në shqip dhe në tri gjuhë të tjera.",
	FooterText:  "Masthead Ditore është edicioni shqip i Masthead, një redaksi e pavarur shumëgjuhëshe.",

	Categories: []Category{
		{
			Key:         "world",
			Name:        "Bota",
			Slug:        "bota",
			Description: "Lajme dhe histori nga vende dhe komunitete anembanë botës.",
		},
		{
			Key:         "environment",
			Name:        "Mjedisi",
			Slug:        "mjedisi",
			Description: "Lumenj, pyje, dete dhe njerëzit që punojnë për t'i mbrojtur ato.",
		},
		{
			Key:         "climate",
			Name:        "Klima",
			Slug:        "klima",
			Description: "Ndryshimet klimatike, energjia e pastër dhe mënyra si përshtaten komunitetet.",
			Parent:      "environment",
		},
		{
			Key:         "society",
			Name:        "Shoqëria",
			Slug:        "shoqeria",
			Description: "Jeta e përditshme, qytetet, arsimi dhe nismat qytetare.",
		},
		{
			Key:         "culture",
			Name:        "Kultura",
			Slug:        "kultura",
			Description: "Libra, muzikë, trashëgimi dhe jeta kulturore në qytete e fshatra.",
		},
		{
			Key:         "science",
			Name:        "Shkenca",
			Slug:        "shkenca",
			Description: "Zbulime, kërkime dhe shkencë qytetare, të shpjeguara qartë.",
		},
		{
			Key:         "economy",
			Name:        "Ekonomia",
			Slug:        "ekonomia",
			Description: "Puna, tregjet vendore, infrastruktura dhe ekonomia e përditshme.",
		},
		{
			Key:         "opinion",
			Name:        "Opinione",
			Slug:        "opinione",
			Description: "Komente dhe analiza nga autorë që shprehin pikëpamjet e tyre.",
		},
	},

	Pages: []Page{
		{
			Key:         "about-us",
			Slug:        "rreth-nesh",
			Title:       "Rreth nesh",
			Description: "Kush jemi, si punojmë dhe cilat janë parimet që udhëheqin redaksinë e Masthead Ditore.",
			Body: `<p><strong>Masthead Ditore</strong> është edicioni në gjuhën shqipe i Masthead, një platforme lajmesh që boton në anglisht, arabisht, persisht dhe shqip. Shkruajmë për mjedisin, klimën, shoqërinë, kulturën, shkencën dhe ekonominë, me vëmendje të veçantë ndaj njerëzve dhe komuniteteve që gjejnë zgjidhje për problemet e përbashkëta.</p>
<h2>Si punojmë</h2>
<p>Çdo artikull kalon nga të paktën dy redaktorë para se të publikohet. Faktet i verifikojmë me burime të pavarura, burimet i citojmë sa herë që është e mundur dhe gabimet i korrigjojmë hapur, me një shënim në fund të artikullit.</p>
<p>Një pjesë e artikujve tanë janë përkthime nga edicionet e tjera të Masthead. I përshtatim me kujdes për lexuesin shqiptar, por pa ndryshuar faktet. Kur ribotojmë një shkrim nga një botim tjetër, e shënojmë qartë autorin dhe burimin origjinal.</p>
<h2>Parimet tona</h2>
<ul>
<li><strong>Pavarësi:</strong> nuk marrim udhëzime nga parti politike, reklamues apo financues.</li>
<li><strong>Saktësi:</strong> e vëmë të vërtetën përpara shpejtësisë.</li>
<li><strong>Respekt:</strong> shkruajmë për njerëzit me dinjitet dhe u japim zë atyre që dëgjohen rrallë.</li>
</ul>
<p>Keni një ide për një histori apo një vërejtje për punën tonë? <a href="mailto:newsroom@example.org">Na shkruani</a>: i lexojmë të gjitha mesazhet.</p>`,
		},
		{
			Key:         "contact-us",
			Slug:        "na-kontaktoni",
			Title:       "Na kontaktoni",
			Description: "Si të lidheni me redaksinë e Masthead Ditore për ide, pyetje dhe korrigjime.",
			Body: `<p>Redaksia e Masthead Ditore është e hapur për ide, pyetje, korrigjime dhe komente nga lexuesit. Përpiqemi t'u përgjigjemi të gjitha mesazheve brenda dy ditëve pune.</p>
<h2>Redaksia</h2>
<ul>
<li><strong>Email:</strong> <a href="mailto:newsroom@example.org">newsroom@example.org</a></li>
<li><strong>Adresa postare:</strong> Masthead Ditore, Rruga e Lisave 14, kati i tretë, 4501 Lisdren</li>
</ul>
<h2>Korrigjime</h2>
<p>Nëse gjeni një gabim në një nga artikujt tanë, na shkruani dhe përfshini lidhjen e artikullit bashkë me një përshkrim të shkurtër të gabimit. Korrigjimet i shënojmë hapur në fund të artikullit përkatës.</p>
<h2>Ide për histori</h2>
<p>Na interesojnë veçanërisht historitë e njerëzve dhe komuniteteve që po përpiqen të zgjidhin probleme të përbashkëta. Nëse dëshironi që identiteti juaj të mbetet i fshehtë, na e thoni që në mesazhin e parë dhe do ta trajtojmë me kujdesin e duhur.</p>`,
		},
		{
			Key:         "privacy",
			Slug:        "privatesia",
			Title:       "Privatësia",
			Description: "Çfarë të dhënash ruan Masthead Ditore, pse i ruan dhe si mund të kërkoni fshirjen e tyre.",
			Body: `<p>Masthead Ditore mbledh sa më pak të dhëna personale që të jetë e mundur. Kjo faqe shpjegon çfarë ruajmë, pse e ruajmë dhe si mund të na kërkoni ta fshijmë.</p>
<h2>Pa gjurmim</h2>
<p>Faqja jonë nuk përdor cookies për gjurmim, nuk shfaq reklama dhe nuk ngarkon skripte nga palë të treta, si rrjete sociale apo shërbime analitike. Leximi i artikujve nuk kërkon llogari dhe ne nuk regjistrojmë se çfarë lexoni.</p>
<h2>Komentet</h2>
<p>Kur lini një koment, ruajmë emrin, adresën e emailit, faqen e internetit që shtoni (nëse e shtoni) dhe tekstin e komentit. Emri dhe komenti shfaqen publikisht pasi t'i miratojë redaksia; adresa e emailit nuk publikohet kurrë dhe përdoret vetëm nëse duhet t'ju kontaktojmë për komentin tuaj, si dhe që komentet tuaja të mëvonshme të publikohen menjëherë pasi t'ju jetë miratuar i pari.</p>
<p>Për t'u mbrojtur nga vërshimi i spam-it, shënojmë nga vjen një koment ose mesazh, por kurrë vetë adresën tuaj IP: ruajmë vetëm një kod të ngatërruar që krijohet prej saj me një çelës sekret dhe që nuk mund të kthehet në adresë, dhe edhe atë kod e fshijmë pas 30 ditësh.</p>
<h2>Formulari i kontaktit</h2>
<p>Mesazhet që dërgoni përmes formularit të kontaktit ruhen në kutinë e redaksisë, bashkë me emrin dhe adresën tuaj të emailit, që t'ju përgjigjemi. Nuk i përdorim për asgjë tjetër.</p>
<h2>Buletini</h2>
<p>Nëse regjistroheni në buletinin tonë, ruajmë vetëm adresën tuaj të emailit dhe gjuhën që keni zgjedhur. Mund të çregjistroheni në çdo kohë me lidhjen që gjendet në fund të çdo buletini, dhe adresa juaj fshihet menjëherë.</p>
<h2>Të drejtat tuaja</h2>
<p>Mund të kërkoni në çdo kohë një kopje ose fshirjen e të dhënave që kemi për ju, duke na shkruar në <a href="mailto:newsroom@example.org">newsroom@example.org</a>. Të dhënat tuaja nuk ua shesim dhe nuk ua japim palëve të treta.</p>`,
		},
	},

	Articles: []Article{
		{
			Key:      "river-cleanup",
			Title:    "Qindra vullnetarë pastrojnë lumin e qytetit brenda një fundjave",
			Slug:     "qindra-vullnetare-pastrojne-lumin-e-qytetit",
			Excerpt:  "Gjatë dy ditëve, banorë të të gjitha moshave nxorën nga shtrati i lumit mbi tetë ton mbeturina. Bashkia premton kosha të rinj dhe kontrolle të rregullta përgjatë brigjeve.",
			Category: "environment",
			Tags:     []string{"vullnetarizëm", "lumenj", "riciklim"},
			Author:   "elira",
			HoursAgo: 6,
			Art:      "river",
			Caption:  "Vullnetarët mbushin thasë me mbeturina përgjatë bregut të lumit.",
			Alt:      "Ilustrim i një lumi që kalon nëpër qytet, me njerëz që punojnë në breg.",
			Body: `<p>Të shtunën në mëngjes, brigjet e lumit që përshkon qytetin u mbushën me njerëz me doreza, çizme gome dhe thasë të mëdhenj. Nisma, e organizuar nga një shoqatë lagjeje me ndihmën e bashkisë, mblodhi mbi katërqind vullnetarë, nga nxënës shkollash deri te pensionistë që e mbajnë mend lumin kur ishte ende i pastër.</p>
<p>Deri të dielën në mbrëmje ishin nxjerrë nga uji dhe nga bregu mbi tetë ton mbeturina: shishe plastike, goma makinash, karroca të vjetra e madje edhe një frigorifer. Çdo thes u peshua dhe u nda sipas llojit, që pjesa e riciklueshme të mos përfundonte në vendgrumbullimin e mbetjeve.</p>
<h2>Një hartë e pikave më të ndotura</h2>
<p>Organizatorët e ndanë lumin në dymbëdhjetë segmente dhe çdo skuadër shënoi në një hartë të përbashkët vendet ku mbeturinat grumbulloheshin më shumë. Të dhënat do t'i dorëzohen bashkisë, e cila ka premtuar të vendosë kosha të rinj dhe rrjeta kapëse në dy kanalet kryesore që derdhen në lumë.</p>
<blockquote>„Nuk e bëmë këtë vetëm për një fundjavë. Duam që fëmijët tanë ta shohin lumin si pjesë të qytetit, jo si vend ku hidhen gjërat“, tha Drita Hoxhaj, një nga koordinatoret e nismës.</blockquote>
<p>Biologët që morën pjesë në aksion thonë se efekti do të duket shpejt: në disa pjesë të lumit janë parë tashmë rosa dhe peshq të vegjël. Shoqata planifikon që pastrimi të përsëritet çdo pranverë dhe vjeshtë, ndërsa shkollat e zonës do të marrin në kujdes secila nga një pjesë të bregut.</p>`,
			Comments: []Comment{
				{Name: "Arben", Body: "Isha me djalin tim në segmentin pranë urës së vjetër. Nuk e prisja që do të mblidhnim kaq shumë plastikë. Shihemi në vjeshtë!", HoursAgo: 4},
				{Name: "Mirela", Body: "Faleminderit të gjithë vullnetarëve. Shpresoj që bashkia t'i mbajë premtimet për koshat e rinj.", HoursAgo: 2},
			},
		},
		{
			Key:      "solar-schools",
			Title:    "Shkollat vendosin panele diellore në çati dhe ulin faturat e energjisë",
			Slug:     "shkollat-vendosin-panele-diellore-ne-cati",
			Excerpt:  "Dymbëdhjetë shkolla të qarkut kanë tani panele diellore në çati. Energjia që prodhojnë mbulon pjesën më të madhe të nevojave gjatë ditës, ndërsa nxënësit mësojnë nga të dhënat e prodhimit.",
			Category: "climate",
			Tags:     []string{"energji e rinovueshme", "shkolla", "klima"},
			Author:   "karim",
			HoursAgo: 30,
			Art:      "energy",
			Caption:  "Panelet diellore mbulojnë çatinë e një prej dymbëdhjetë shkollave të qarkut.",
			Alt:      "Ilustrim i rreshtave me panele diellore nën një qiell të kthjellët.",
			Figure: &Figure{
				Art:     "science",
				Caption: "Në hollin e shkollës, një ekran tregon prodhimin ditor të energjisë diellore.",
				Alt:     "Ilustrim i një ekrani me grafikë të prodhimit të energjisë.",
			},
			Body: `<p>Gjatë verës, kur klasat ishin bosh, punëtorët montuan mbi dy mijë panele diellore në çatitë e dymbëdhjetë shkollave të qarkut. Me fillimin e vitit të ri shkollor, sistemet janë lidhur me rrjetin dhe prodhojnë energji në çdo ditë me diell.</p>
<p>Sipas zyrës arsimore të qarkut, panelet pritet të mbulojnë rreth gjashtëdhjetë për qind të konsumit vjetor të energjisë elektrike të shkollave. Kursimet nga faturat do të përdoren për të rinovuar laboratorët dhe për të blerë libra për bibliotekat shkollore.</p>
<h2>Mësim me të dhëna të vërteta</h2>
<p>Në hollin e çdo shkolle është vendosur një ekran që tregon sa energji po prodhohet në atë çast dhe sa dioksid karboni është kursyer që nga dita e parë. Mësuesit e fizikës dhe të matematikës i përdorin këto shifra gjatë orëve të mësimit.</p>
<blockquote>„Nxënësit më pyesin çdo mëngjes si do të jetë moti. Tani e kuptojnë pse retë e dendura do të thonë më pak energji“, thotë Genta Marku, mësuese e fizikës në një nga shkollat pjesëmarrëse.</blockquote>
<p>Projekti u financua nga një fond rajonal për efiçencën e energjisë dhe nga buxheti i qarkut. Nëse rezultatet e vitit të parë konfirmojnë parashikimet, edhe tetë shkolla të tjera do të pajisen me panele deri vitin e ardhshëm.</p>`,
		},
		{
			Key:      "library-night",
			Title:    "Biblioteka publike qëndron e hapur deri në mesnatë",
			Slug:     "biblioteka-publike-e-hapur-deri-ne-mesnate",
			Excerpt:  "Për herë të parë, biblioteka e qytetit i mban dyert hapur deri në mesnatë tri net në javë. Studentët dhe punëtorët me turne janë ndër vizitorët më të shpeshtë.",
			Category: "culture",
			Tags:     []string{"biblioteka", "lexim", "jeta e qytetit"},
			Author:   "sara",
			HoursAgo: 20,
			Art:      "library",
			Caption:  "Salla e leximit e bibliotekës publike gjatë mbrëmjes së parë me orarin e ri.",
			Alt:      "Ilustrim i rafteve me libra dhe tavolinave të ndriçuara me llamba të verdha.",
			Body: `<p>Nga kjo javë, biblioteka publike e qytetit mbetet e hapur deri në mesnatë të mërkurën, të enjten dhe të premten. Vendimi erdhi pas një ankete me lexuesit, ku shumica thanë se orari i deritanishëm, që përfundonte në orën 19:00, nuk u përshtatej atyre që punojnë ose studiojnë gjatë ditës.</p>
<p>Në mbrëmjen e parë, sallat e leximit u mbushën shpejt. Studentë që përgatiteshin për provime, prindër që sollën fëmijët pas darkës dhe punëtorë që sapo kishin mbaruar turnin zunë vend në tavolinat e gjata nën dritat e verdha.</p>
<h2>Më shumë se libra</h2>
<p>Orari i zgjatur sjell edhe një program të ri mbrëmjeje: lexime me zë të lartë, klube librash, orë shahu dhe ndihmë falas për përdorimin e kompjuterit. Një herë në muaj, autorë vendas do të lexojnë pjesë nga veprat e tyre në sallën e madhe.</p>
<blockquote>„Biblioteka është dhoma e ndenjes e qytetit. Duhej të ishte e hapur edhe në orët kur njerëzit kanë kohë të vijnë“, tha drejtoresha e bibliotekës, Lindita Zenelaj.</blockquote>
<p>Për të mbuluar orët shtesë, biblioteka ka punësuar dy bibliotekarë të rinj dhe bashkëpunon me vullnetarë nga universiteti. Pas tre muajsh, drejtuesit do të vlerësojnë numrin e vizitorëve dhe do të vendosin nëse orari i ri do të bëhet i përhershëm.</p>`,
		},
		{
			Key:      "bike-lanes",
			Title:    "Qyteti provon korsi të mbrojtura për biçikleta në tri rrugë kryesore",
			Slug:     "qyteti-provon-korsi-te-mbrojtura-per-bicikleta",
			Excerpt:  "Një projekt pilot gjashtëmujor i ndan biçikletat nga trafiku me bordura të ulëta dhe vazo me bimë. Bashkia do të matë sigurinë, trafikun dhe mendimin e banorëve para se të vendosë për vazhdimin.",
			Category: "society",
			Tags:     []string{"transport", "biçikleta", "jeta e qytetit"},
			Author:   "daniel",
			HoursAgo: 75,
			Art:      "city",
			Caption:  "Një nga korsitë e reja, e ndarë nga trafiku me vazo me bimë.",
			Alt:      "Ilustrim i një rruge qyteti me një korsi të veçantë për biçikleta.",
			Body: `<p>Që nga e hëna, çiklistët e qytetit kanë tri korsi të reja, të ndara nga makinat me bordura të ulëta betoni dhe vazo të mëdha me bimë. Korsitë, me një gjatësi të përgjithshme prej gati shtatë kilometrash, lidhin stacionin e autobusëve, universitetin dhe tregun qendror.</p>
<p>Projekti është pilot dhe do të zgjasë gjashtë muaj. Gjatë kësaj kohe, sensorët e vendosur në kryqëzime do të numërojnë biçikletat, këmbësorët dhe makinat, ndërsa bashkia do të mbledhë mendimet e banorëve dhe të tregtarëve përmes takimeve të hapura dhe një pyetësori.</p>
<h2>Çfarë ndryshon për këmbësorët dhe shoferët</h2>
<ul>
<li>Në kryqëzimet kryesore janë shtuar semaforë të veçantë për biçikletat.</li>
<li>Vendet e parkimit përgjatë korsive janë zhvendosur në rrugët anësore, pa u pakësuar në numër.</li>
<li>Trotuaret u janë lënë tërësisht këmbësorëve dhe pranë shkollave janë shtuar mbajtëse biçikletash.</li>
</ul>
<blockquote>„Vajza ime tani shkon vetë me biçikletë në shkollë. Para një muaji as që do ta kisha menduar“, tha Besnik Shtylla, banor i lagjes pranë universitetit.</blockquote>
<p>Inxhinierët e trafikut thonë se javët e para do të jenë një periudhë përshtatjeje për të gjithë. Rezultatet e pilotit do të publikohen në faqen e bashkisë dhe do të diskutohen në një dëgjesë publike, para se të merret vendimi për zgjerimin e rrjetit.</p>`,
			Comments: []Comment{
				{Name: "Alketa", Body: "Korsia te tregu është shumë më e sigurt se më parë. Do të doja që të vazhdonte deri te parku.", HoursAgo: 60},
				{Name: "Gentian", Body: "Si shofer kisha dyshime, por trafiku në orët e pikut duket më i rregullt. Le të presim të dhënat.", HoursAgo: 41},
			},
		},
		{
			Key:      "coastal-wetlands",
			Title:    "Ligatinat bregdetare marrin sërish frymë pas punimeve të restaurimit",
			Slug:     "ligatinat-bregdetare-marrin-serish-fryme",
			Excerpt:  "Një projekt pesëvjeçar po i rikthen ujin e detit kënetave bregdetare dhe po rimbjell bimësinë vendase. Shpendët dhe peshqit po kthehen, ndërsa ligatinat mbrojnë fshatrat nga dallgët e stuhive.",
			Category: "environment",
			Tags:     []string{"ligatina", "biodiversitet", "bregdeti"},
			Author:   "amina",
			HoursAgo: 260,
			Art:      "sea",
			Caption:  "Laguna bregdetare, ku uji i detit hyn sërish përmes kalimeve të reja.",
			Alt:      "Ilustrim i një vije bregdetare me ujëra të cekëta dhe kallamishte.",
			Figure: &Figure{
				Art:     "birds",
				Caption: "Shpendë ujorë ushqehen në një nga kanalet e rihapura të lagunës.",
				Alt:     "Ilustrim i shpendëve me këmbë të gjata në ujë të cekët mes kallamishteve.",
			},
			Body: `<p>Për dekada me radhë, ligatinat përgjatë gjirit ishin tharë pjesërisht, të ndara nga deti me argjinatura dhe kanale kullimi. Tani, një projekt restaurimi i udhëhequr nga agjencia rajonale e zonave të mbrojtura po i hap sërish rrugën ujit të detit, duke rikthyer lëvizjen natyrore të ujit mes detit dhe lagunës.</p>
<p>Punëtorët dhe vullnetarët kanë hapur tri kalime në argjinaturën e vjetër dhe kanë mbjellë mbi njëzet mijë fidanë bimësh që e durojnë kripën, të mbledhura nga ligatinat fqinje. Aty ku toka ishte ngjeshur nga kullotja, ajo po zbutet me kujdes, që rrënjët e reja të zënë vend.</p>
<h2>Mbrojtje natyrore nga stuhitë</h2>
<p>Studiuesit theksojnë se ligatinat e shëndetshme nuk janë vetëm strehë për jetën e egër. Bimësia e dendur dhe balta e butë thithin energjinë e dallgëve dhe e ngadalësojnë ujin gjatë stuhive, duke mbrojtur fshatrat dhe arat që shtrihen pas tyre.</p>
<blockquote>„Pranverën e kaluar numëruam për herë të parë flamingo që ushqeheshin në kanalin e ri. Natyra përgjigjet shpejt kur i jep pak hapësirë“, tha biologia Elona Dervishaj.</blockquote>
<p>Edhe peshkatarët vendas po i ndjekin nga afër ndryshimet, sepse lagunat janë çerdhe për shumë lloje peshqish. Projekti do të vazhdojë edhe dy vjet, me monitorim të rregullt të cilësisë së ujit dhe me shtigje të reja për vizitorët, të ngritura mbi platforma druri që nuk e dëmtojnë tokën.</p>`,
		},
		{
			Key:      "migratory-birds",
			Title:    "Vullnetarët numërojnë shpendët shtegtarë përgjatë korridorit të pranverës",
			Slug:     "vullnetaret-numerojne-shpendet-shtegtare",
			Excerpt:  "Mbi njëqind vëzhgues amatorë iu bashkuan ornitologëve për numërimin vjetor të shpendëve shtegtarë. Të dhënat i ndihmojnë shkencëtarët të kuptojnë si po ndryshojnë rrugët dhe kohët e shtegtimit.",
			Category: "science",
			Tags:     []string{"shpendë", "shkencë qytetare", "biodiversitet"},
			External: &Byline{
				Writer:      "Teuta Malaj",
				Publication: "Revista Krahë",
				URL:         "https://example.org/krahe/numerimi-i-shpendeve-shtegtare",
			},
			HoursAgo: 410,
			Art:      "birds",
			Caption:  "Një tufë shpendësh shtegtarë kalon mbi kënetë në orët e para të mëngjesit.",
			Alt:      "Ilustrim i një tufe shpendësh që fluturojnë në formë V-je mbi ujë.",
			Body: `<p>Në agim, kur mjegulla ende rrinte mbi kënetë, grupe të vogla vëzhguesish me dylbi dhe fletore ishin tashmë në vendet e tyre. Për një javë të tërë, mbi njëqind vullnetarë numëruan shpendët që kalonin nëpër këtë korridor të rëndësishëm shtegtimi mes Afrikës dhe Evropës veriore.</p>
<p>Çdo vëzhgim u regjistrua në një aplikacion të thjeshtë, me vendndodhjen, orën dhe llojin e shpendit. Më pas, ornitologët i kontrollojnë të dhënat një nga një, sidomos për llojet që ngatërrohen lehtë me njëri-tjetrin.</p>
<h2>Çfarë tregojnë numrat</h2>
<p>Krahasimi me numërimet e viteve të mëparshme tregon se disa lloje po mbërrijnë disa ditë më herët se dikur, ndërsa të tjera po ndalen më gjatë në ligatinat e restauruara. Shkencëtarët paralajmërojnë megjithatë se nevojiten të dhëna për shumë vite para se të nxirren përfundime të sigurta.</p>
<blockquote>„Çdo vullnetar është një palë sy më shumë në terren. Pa ta, do të shihnim vetëm një pjesë të vogël të asaj që ndodh“, thotë ornitologu Arian Kelmendaj, i cili koordinon numërimin.</blockquote>
<p>Organizatorët ftojnë këdo që dëshiron të marrë pjesë në numërimin e vjeshtës. Nuk kërkohet përvojë: vullnetarët e rinj punojnë në çift me vëzhgues më të përvojshëm dhe ndjekin një kurs të shkurtër për njohjen e llojeve më të zakonshme.</p>`,
			Comments: []Comment{
				{Name: "Ardita", Body: "Mora pjesë vitin e kaluar për herë të parë dhe ishte një përvojë e mrekullueshme. Ua rekomandoj edhe familjeve me fëmijë.", HoursAgo: 380},
			},
		},
		{
			Key:        "sq-olive-harvest",
			Title:      "Vjelja e ullinjve bashkon fshatin dhe hap rrugën për një punishte të përbashkët",
			Slug:       "vjelja-e-ullinjve-bashkon-fshatin",
			Excerpt:    "Në fshatin Kodërbardhë, familjet i vjelin ullinjtë së bashku dhe i përpunojnë në një punishte të re kooperative. Vaji u shitet drejtpërdrejt blerësve në qytet.",
			Category:   "economy",
			Categories: []string{"society"},
			Tags:       []string{"bujqësi", "kooperativa", "ekonomi vendore"},
			Author:     "marco",
			HoursAgo:   40,
			Art:        "fields",
			Caption:    "Ullishtat e Kodërbardhës në ditët e vjeljes.",
			Alt:        "Ilustrim i kodrave me rreshta ullinjsh nën dritën e vjeshtës.",
			Body: `<p>Tetori në Kodërbardhë, një fshat kodrinor me rreth gjashtëqind banorë, ka qenë gjithmonë muaji i ullinjve. Këtë vit, për herë të parë, familjet e fshatit nuk i çuan kokrrat në fabrika të largëta, por në një punishte të vogël që e ngritën vetë në ndërtesën e vjetër të kooperativës.</p>
<p>Punishtja u financua me kursimet e tridhjetë e dy familjeve dhe me një grant të vogël për zhvillimin rural. Makineritë i përpunojnë ullinjtë brenda së njëjtës ditë që vilen, gjë që sipas prodhuesve ruan aromën dhe cilësinë e vajit.</p>
<h2>Nga pema në tryezë</h2>
<p>Pjesën më të madhe të vajit kooperativa e shet drejtpërdrejt te blerësit në qytet, përmes porosive paraprake dhe një tezgeje në tregun e fundjavës. Pa ndërmjetës, fermerët fitojnë për çdo litër rreth një të tretën më shumë se më parë, ndërsa blerësit e dinë saktë nga cila kodër vjen shishja e tyre.</p>
<blockquote>„Gjyshi im thoshte se ulliri ta kthen atë që i jep. Tani po e shohim këtë edhe në xhep“, tha Fatmir Lleshaj, një nga anëtarët themelues të kooperativës.</blockquote>
<p>Bërsia që mbetet pas shtrydhjes përdoret si pleh organik në arat e fshatit, ndërsa të rinjtë që janë kthyer nga qyteti po mësojnë krasitjen nga fermerët më të vjetër. Kooperativa synon që vitin e ardhshëm t'ua hapë dyert vizitorëve gjatë vjeljes.</p>`,
			Comments: []Comment{
				{Name: "Eriona", Body: "E blemë vajin në treg fundjavën e kaluar dhe shija është e jashtëzakonshme. Vitin tjetër do të vijmë edhe në vjelje!", HoursAgo: 18},
			},
		},
		{
			Key:        "sq-mountain-trails",
			Title:      "Të rinjtë e Luginës së Dëllinjës rihapin shtigjet e vjetra malore",
			Slug:       "te-rinjte-rihapin-shtigjet-e-vjetra-malore",
			Excerpt:    "Një grup të rinjsh nga fshatrat e Luginës së Dëllinjës ka pastruar dhe shënjuar mbi gjashtëdhjetë kilometra shtigje malore. Shtigjet i lidhin fshatrat mes tyre dhe po tërheqin ecës nga i gjithë vendi.",
			Category:   "society",
			Categories: []string{"environment"},
			Tags:       []string{"malet", "turizëm", "vullnetarizëm"},
			Author:     "daniel",
			HoursAgo:   600,
			Art:        "mountains",
			Caption:    "Një nga shtigjet e rihapura ngjitet drejt qafës së malit mbi Luginën e Dëllinjës.",
			Alt:        "Ilustrim i maleve me një shteg të hollë që gjarpëron drejt majës.",
			Body: `<p>Shtigjet që dikur i lidhnin fshatrat e Luginës së Dëllinjës me kullotat verore ishin harruar pothuajse krejt. Ferrat kishin zënë rrugën dhe shenjat e vjetra ishin zbehur. Gjatë dy verëve të fundit, një grup prej rreth tridhjetë të rinjsh i ka kthyer ato sërish në jetë.</p>
<p>Me sëpata, lopata dhe kova me bojë, vullnetarët kanë pastruar mbi gjashtëdhjetë kilometra shtigje dhe i kanë shënjuar me vija të kuqe e të bardha. Në kryqëzime janë vendosur tabela druri me distancat dhe kohën e ecjes, të gdhendura nga një zdrukthëtar i fshatit.</p>
<h2>Harta të hapura për të gjithë</h2>
<p>Çdo shteg është regjistruar me GPS dhe është publikuar falas në një hartë të hapur, bashkë me përshkrimin e burimeve të ujit, strehimoreve dhe pikave panoramike. Grupi ka përgatitur edhe udhëzime sigurie, me këshilla për motin dhe pajisjet e nevojshme.</p>
<blockquote>„Kur isha fëmijë, gjyshja më tregonte për rrugën nga fshati ynë deri te qafa e malit. Tani e bëj atë rrugë me vizitorë që vijnë nga larg“, tregon Kristjan Gjokaj, 22 vjeç, një nga themeluesit e grupit.</blockquote>
<p>Ecësit që vijnë tani flenë në bujtinat familjare dhe hanë ushqime të gatuara me prodhime vendase, duke sjellë të ardhura në një zonë që për vite me radhë u zbraz nga emigrimi. Grupi synon të shënjojë edhe njëzet kilometra të tjera deri në fund të vitit të ardhshëm.</p>`,
		},
		{
			Key:      "sq-polyphonic-choir",
			Title:    "Një kor i ri polifonik sjell këngët e vjetra në skenat e qytetit",
			Slug:     "nje-kor-i-ri-polifonik",
			Excerpt:  "Dymbëdhjetë këngëtarë nga tri breza kanë krijuar një kor polifonik që mëson dhe regjistron këngë të rralla nga fshatrat përreth. Biletat për koncertin e tyre të parë u shitën brenda pak ditësh.",
			Category: "culture",
			Tags:     []string{"muzikë", "trashëgimi kulturore", "polifonia"},
			Author:   "amina",
			HoursAgo: 850,
			Art:      "portrait",
			Caption:  "Anëtarët e Korit të Lisdrenit gjatë një prove të së martës.",
			Alt:      "Ilustrim i një grupi këngëtarësh të moshave të ndryshme që këndojnë në rreth.",
			Body: `<p>Çdo të martë në mbrëmje, në sallën e vogël të shtëpisë së kulturës në Lisdren dëgjohet një tingull që nuk i ngjan asnjë tjetri: një zë që e merr këngën, një tjetër që i përgjigjet dhe zëra të thellë që mbajnë iso pa u ndërprerë, duke i lidhur të gjitha bashkë. Këtu bën provat Kori i Lisdrenit, një grup prej dymbëdhjetë këngëtarësh i themeluar vetëm një vit më parë.</p>
<p>Anëtari më i ri i korit është gjashtëmbëdhjetë vjeç, më i vjetri tetëdhjetë e një. Pikërisht kjo përzierje brezash është zemra e projektit: këngëtarët e moshuar u mësojnë të rinjve këngët që i kanë trashëguar gojë më gojë, ndërsa të rinjtë i regjistrojnë dhe i transkriptojnë me kujdes.</p>
<h2>Një arkiv i gjallë</h2>
<p>Deri tani, kori ka mbledhur mbi shtatëdhjetë këngë nga fshatrat përreth, disa prej të cilave nuk ishin regjistruar kurrë më parë. Regjistrimet, bashkë me tekstet dhe shënimet për prejardhjen e çdo kënge, do t'i dhurohen arkivit të bibliotekës rajonale.</p>
<blockquote>„Polifoninë nuk mund ta këndosh i vetëm. Duhet ta dëgjosh tjetrin dhe ta presësh radhën tënde. Ndoshta për këtë na duhet sot më shumë se kurrë“, thotë dirigjentja e korit, Anila Priftaj.</blockquote>
<p>Biletat për koncertin e parë të korit, në teatrin e qytetit, u shitën brenda pak ditësh. Tani grupi po përgatit një turne të vogël nëpër fshatrat nga vijnë këngët, me synimin që t'ua kthejë ato komuniteteve që i ruajtën për breza me radhë.</p>`,
		},
		{
			Key:        "sq-lake-cleanup",
			Title:      "Zhytës vullnetarë pastrojnë fundin e Liqenit të Hënës",
			Slug:       "zhytes-vullnetare-pastrojne-liqenin-e-henes",
			Excerpt:    "Një grup zhytësish amatorë dhe studentësh të biologjisë nxorën nga fundi i liqenit rrjeta peshkimi të braktisura dhe mbeturina të tjera. Njëkohësisht, ata nisën matje të rregullta të cilësisë së ujit.",
			Category:   "environment",
			Categories: []string{"science"},
			Tags:       []string{"liqene", "vullnetarizëm", "cilësia e ujit"},
			Author:     "karim",
			HoursAgo:   1100,
			Art:        "forest",
			Caption:    "Pyjet e pishës dhe të ahut që rrethojnë Liqenin e Hënës.",
			Alt:        "Ilustrim i një liqeni të qetë të rrethuar nga pyje të dendura.",
			Body: `<p>Liqeni i Hënës, i rrethuar nga pyje pishe dhe ahu, është prej kohësh një nga vendet e preferuara të pushuesve gjatë verës. Por nën sipërfaqen e tij të qetë ishin grumbulluar ndër vite rrjeta peshkimi të braktisura, kanaçe e madje edhe karrige plastike nga lokalet e bregut.</p>
<p>Gjatë tri fundjavave të shtatorit, njëzet e katër zhytës vullnetarë, të ndihmuar nga studentë të biologjisë në barka, pastruan pjesën më të frekuentuar të liqenit. Vetëm rrjetat e braktisura peshonin mbi gjysmë toni, dhe në disa prej tyre kishin ngecur peshq e breshka uji.</p>
<h2>Matje për vitet që vijnë</h2>
<p>Krahas pastrimit, studentët caktuan katër pika matjeje ku do të kontrollojnë çdo muaj temperaturën, tejdukshmërinë dhe nivelin e oksigjenit në ujë. Të dhënat do të publikohen të hapura, që banorët dhe institucionet ta ndjekin gjendjen e liqenit me kalimin e kohës.</p>
<blockquote>„Nga bregu liqeni duket i pastër, por fundi tregon një histori tjetër. Tani e dimë ku duhet të punojmë“, tha Erion Bashaj, instruktor zhytjeje dhe organizator i aksionit.</blockquote>
<p>Lokalet e bregut kanë rënë dakord të largojnë karriget plastike nga afërsia e ujit dhe të vendosin kosha për riciklim. Zhytësit do të kthehen në pranverë për të pastruar edhe gjirin verior, ku uji është më i thellë dhe puna më e vështirë.</p>`,
		},
	},
}
