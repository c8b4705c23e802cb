package demo

// editionEN is the English edition of the demo newsroom. Every place, person
// and publication in it is fictional.
var editionEN = EditionContent{
	Code:        "en",
	SiteName:    "Masthead Daily",
	Tagline:     "News from the places where people live",
	Description: "Masthead Daily reports on the environment, society, culture, science and economy of the towns and regions where its readers live.",
	FooterText:  "Masthead Daily is an independent newsroom publishing in English, Arabic, Persian and Albanian.",

	Categories: []Category{
		{Key: "world", Name: "World", Slug: "world", Description: "Stories from beyond our own region about communities solving shared problems."},
		{Key: "environment", Name: "Environment", Slug: "environment", Description: "Rivers, coasts, parks and wildlife, and the people who look after them."},
		{Key: "climate", Name: "Climate", Slug: "climate", Description: "How towns and regions are cutting emissions and adapting to a changing climate.", Parent: "environment"},
		{Key: "society", Name: "Society", Slug: "society", Description: "Civic life, public services, transport and the work of neighbours and volunteers."},
		{Key: "culture", Name: "Culture", Slug: "culture", Description: "Libraries, museums, music, crafts and the arts."},
		{Key: "science", Name: "Science", Slug: "science", Description: "Research close to home, from seed banks and bird counts to the night sky."},
		{Key: "economy", Name: "Economy", Slug: "economy", Description: "Local business, work, infrastructure and the way public money is spent."},
		{Key: "opinion", Name: "Opinion", Slug: "opinion", Description: "Argument and commentary, clearly labelled and kept separate from our news reporting."},
	},

	Pages: []Page{
		{
			Key:         "about-us",
			Slug:        "about-us",
			Title:       "About Us",
			Description: "Who we are, what we cover and the principles that guide our reporting.",
			Body: `<p>Masthead Daily is an independent news site published in four languages: English, Arabic, Persian and Albanian. We report on the places where people live and work: their rivers and parks, their schools and libraries, their markets, their research and their culture.</p>
<p>We believe that careful local and regional reporting makes communities stronger. We try to explain rather than to excite, to check before we publish, and to return to stories after the headlines have moved on.</p>
<h2>Our newsroom</h2>
<p>A small team of staff writers covers the environment and climate, society, culture, science and the economy. We also republish, with permission, a few carefully chosen pieces from other publications. When we do, we always credit the original writer and link to the original article.</p>
<h2>Our principles</h2>
<ul>
<li><strong>Accuracy first.</strong> We would rather be right than first. When we make a mistake, we correct it openly.</li>
<li><strong>Independence.</strong> No advertiser, donor or public body has any say over what we report.</li>
<li><strong>Fairness.</strong> People who are criticised in our reporting are given the chance to respond.</li>
<li><strong>Clarity.</strong> We write for everyone, in plain language.</li>
</ul>
<p>Opinion pieces are clearly labelled and kept separate from our news reporting. They argue a point of view; they do not tell you what to think.</p>
<p>If you have a story you think we should cover, please write to us at <a href="mailto:newsroom@example.org">newsroom@example.org</a>.</p>`,
		},
		{
			Key:         "contact-us",
			Slug:        "contact-us",
			Title:       "Contact us",
			Description: "How to reach the Masthead Daily newsroom with story ideas, corrections and questions.",
			Body: `<p>We always want to hear from our readers. Whether you have a story idea, a correction, a question about something we have published or simply a comment on our work, you can write to the newsroom.</p>
<h2>Email</h2>
<p>The quickest way to reach us is by email at <a href="mailto:newsroom@example.org">newsroom@example.org</a>. We read every message, although we cannot always reply to each one individually.</p>
<h2>Post</h2>
<p>You can also write to us at: <strong>Masthead Daily Newsroom, 14 Quayside Lane, Alderford AF1 2NW</strong>. Letters are read by an editor and, with the writer's permission, some are published.</p>
<h2>Corrections</h2>
<p>If you believe we have got something wrong, please tell us which article, what the error is and, if possible, where the correct information can be found. We review every request and note corrections at the foot of the article.</p>
<h2>Story ideas</h2>
<p>We are especially interested in stories from towns and neighbourhoods that rarely make the news. Tell us as much as you can, and let us know how to contact you. If you would like your name to be kept confidential, please say so clearly at the start of your message.</p>`,
		},
		{
			Key:         "privacy",
			Slug:        "privacy",
			Title:       "Privacy",
			Description: "What little information Masthead Daily keeps about its readers, why, and for how long.",
			Body: `<p>We collect as little information about our readers as we can. This page explains what we keep, why we keep it and for how long.</p>
<h2>No tracking</h2>
<p>Masthead Daily does not use advertising trackers, analytics services or third-party scripts. We do not load fonts, videos or sharing buttons from other companies, so reading our site does not tell anyone else what you read.</p>
<p>Like any website, our server keeps short technical logs, such as the page requested and the time, to help us fix errors and protect the site from abuse. These logs are deleted after a few days.</p>
<h2>Comments</h2>
<p>If you leave a comment, we store the name you give, your email address, the website you add (if any) and the text of your comment. Your email address is never published: an editor uses it only to reach you about your comment, and it lets us publish your later comments at once after your first one is approved. Comments are read by an editor before they appear.</p>
<p>To stop floods of spam we note where a comment or message came from, but never your IP address itself: we keep only a scrambled code made from it with a secret key, which cannot be turned back into the address, and we erase even that code after 30 days.</p>
<h2>Contact form</h2>
<p>Messages sent through our contact form are kept in the newsroom inbox, with your name and email address, so that we can answer you. We do not use them for anything else.</p>
<h2>Newsletter</h2>
<p>If you subscribe to our newsletter, we keep your email address only to send it to you. Every newsletter contains a link to unsubscribe, and when you use it, we delete your address.</p>
<h2>Cookies</h2>
<p>We use only the cookies the site needs to work, for example to keep our editors signed in. We do not use cookies to follow you around the web.</p>
<h2>Your rights</h2>
<p>You can ask us at any time what information we hold about you, and ask us to correct or delete it. Please write to <a href="mailto:newsroom@example.org">newsroom@example.org</a>.</p>`,
		},
	},

	Articles: []Article{
		// 1
		{
			Key:        "river-cleanup",
			Title:      "Hundreds of volunteers clear two tonnes of rubbish from the River Alder in one weekend",
			Excerpt:    "Residents of Alderford turned out in waders and work gloves to clear a four-kilometre stretch of the river. Organisers now want to make the clean-up a twice-yearly event.",
			Category:   "environment",
			Categories: []string{"society"},
			Tags:       []string{"volunteers", "rivers", "community"},
			Author:     "amina",
			HoursAgo:   4,
			Art:        "river",
			Caption:    "An illustration of volunteers working along a riverbank at dawn.",
			Alt:        "Illustration of a river winding through a town at sunrise.",
			Figure: &Figure{
				Art:     "birds",
				Caption: "Kingfishers have already returned to the stretch of river below the old mill.",
				Alt:     "A small bird perched on a branch above the water.",
			},
			Body: `<p>More than three hundred volunteers spent Saturday and Sunday hauling shopping trolleys, tyres and plastic out of the River Alder, clearing a four-kilometre stretch that runs through the centre of Alderford. By Sunday evening the organisers had weighed just over two tonnes of rubbish, most of it plastic packaging caught in the reeds and under the town's three footbridges.</p>
<p>The clean-up was organised by Friends of the Alder, a residents' group, with help from the town council, which supplied skips, gloves and a small boat. Volunteers worked in teams of ten, each led by someone who had completed a short course on working safely near moving water.</p>
<h2>From one bag to four skips</h2>
<p>"We started three years ago with six people and a roll of bin bags," said Lena Marsh, who chairs the group. "This weekend we had filled four skips before lunch on Saturday. People kept arriving with their children and their neighbours. I have never seen the riverbank so busy."</p>
<p>Among the finds were eleven bicycles, a cast-iron bathtub and a collection of glass bottles that a local historian believes date from the 1920s, when a lemonade works stood on the east bank. The bottles will be cleaned and put on display at the town museum.</p>
<p>Council ecologists say the benefits should be visible within months. Clearing debris from the channel lets the water move more freely, which raises oxygen levels and gives fish such as dace and chub more room to spawn.</p>
<p>The group plans to return in the autumn and has asked the council to install more bins along the riverside path. Anyone who would like to take part can sign up at the library or at the group's stall at the Saturday market.</p>`,
			Comments: []Comment{
				{Name: "Priya", Body: "We came down with the children on Sunday morning and ended up staying all day. Very well organised, and surprisingly good fun.", HoursAgo: 3},
				{Name: "Tom", Body: "Great effort by everyone. More bins along the path would make a real difference, especially near the bridges.", HoursAgo: 2},
				{Name: "Joanna", Body: "Does anyone know whether the date for the autumn clean-up has been set yet?", HoursAgo: 1},
			},
		},
		// 2
		{
			Key:        "solar-schools",
			Title:      "Twelve schools switch on rooftop solar panels before the summer term",
			Excerpt:    "A district-wide programme has put solar panels on the roofs of twelve primary and secondary schools. Pupils will follow the output as part of their science lessons.",
			Category:   "climate",
			Categories: []string{"society"},
			Tags:       []string{"energy", "schools", "solar"},
			Author:     "amina",
			HoursAgo:   9,
			Art:        "energy",
			Caption:    "An illustration of solar panels on a school roof under a clear sky.",
			Alt:        "Illustration of rows of solar panels in sunlight.",
			Body: `<p>Twelve schools across the Westerbrook district have switched on rooftop solar panels this month, completing the first phase of a programme that the district's education board says will cover about a third of the schools' electricity needs.</p>
<p>The installations, ranging from forty panels on the smallest village school to more than four hundred on the roof of Westerbrook Secondary, were fitted during the spring holidays so that lessons would not be disrupted. They were paid for from a budget set aside for building repairs, together with a low-interest loan that will be repaid from savings on energy bills.</p>
<p>"Every kilowatt-hour the roof produces is one we do not have to buy," said Nadia Fernholm, the board's facilities manager. "On a bright day in June, several of these schools will produce more electricity than they use during lessons."</p>
<h2>Lessons from the roof</h2>
<p>Each school has a screen in its entrance hall showing how much electricity the panels are generating, and teachers can download the figures as a simple spreadsheet. Science departments have already built lessons around them: pupils at Fenwick Lane Primary have been comparing output on cloudy and sunny days, and older students are studying how the angle of a roof affects generation.</p>
<p>"The children check the screen every morning as if it were the weather forecast," said Owen Pryce, who teaches ten-year-olds at Fenwick Lane. "It has made electricity something they can actually see."</p>
<p>The board plans to add panels to a further ten schools next year, and is studying whether batteries could store the midday surplus for after-school clubs and evening classes.</p>`,
			Comments: []Comment{
				{Name: "Helen", Body: "Lovely to see the data being used in lessons and not just on the bills.", HoursAgo: 7},
				{Name: "Marcus", Body: "Good news. It would be helpful to see the total cost and the expected payback period published too.", HoursAgo: 5},
			},
		},
		// 3
		{
			Key:      "library-night",
			Title:    "Central library to stay open until midnight on Fridays",
			Excerpt:  "After a successful trial, the central library in Linden Cross will keep its doors open late every Friday, with quiet study rooms, readings and board games.",
			Category: "culture",
			Tags:     []string{"libraries", "community", "young people"},
			Author:   "elira",
			HoursAgo: 14,
			Art:      "library",
			Caption:  "An illustration of a library reading room lit up late in the evening.",
			Alt:      "Illustration of tall bookshelves and reading lamps.",
			Body: `<p>The central library in Linden Cross will open until midnight every Friday from next month, making it one of the few public buildings in the city that stays open late for something other than entertainment.</p>
<p>The decision follows a six-week trial during the winter, when an average of 280 people came through the doors between eight o'clock and midnight. Librarians say the late visitors were people they rarely see during the day: students preparing for exams, shift workers, parents who had just put their children to bed, and people who simply wanted a warm, quiet place to read.</p>
<blockquote>"A library should be open when people are free, not only when it suits the building," said chief librarian Ines Valdor. "Friday night turned out to be when a great many people are free."</blockquote>
<p>The late opening will offer silent study on the top floor, a reading or short talk at nine o'clock on the ground floor, and board games in the children's section, which becomes a lounge once the younger readers have gone home. The café will stay open until eleven.</p>
<p>The extra hours will be staffed by two librarians and a rota of trained volunteers. The library says the additional cost, mainly for heating and lighting, is modest, and the city council has agreed to fund the scheme for a year before reviewing it.</p>
<p>The first late opening will feature a reading by the local poet Teodor Maal, whose new collection is about growing up above a bakery.</p>`,
			Comments: []Comment{
				{Name: "Sam", Body: "Finally somewhere quiet to study on a Friday that isn't my kitchen table.", HoursAgo: 12},
				{Name: "Ruth", Body: "Will the music practice rooms be open during the late hours as well? That would be wonderful.", HoursAgo: 10},
			},
		},
		// 4
		{
			Key:        "seed-bank",
			Title:      "Regional seed bank saves heirloom grains that had all but vanished from local fields",
			Excerpt:    "Scientists and farmers have banked more than 400 varieties of wheat, barley and millet once grown in the Dunmere Valley. Some are already being sown again.",
			Category:   "science",
			Categories: []string{"environment"},
			Tags:       []string{"farming", "research", "food"},
			Author:     "karim",
			HoursAgo:   20,
			Art:        "fields",
			Caption:    "An illustration of ripening grain in the Dunmere Valley.",
			Alt:        "Illustration of golden fields under a wide sky.",
			Figure: &Figure{
				Art:     "science",
				Caption: "Seed samples are dried, sorted and sealed before they go into cold storage.",
				Alt:     "Rows of labelled glass jars on laboratory shelves.",
			},
			Body: `<p>In a cold room beneath the agricultural college at Dunmere, glass jars of seed stand in rows on steel shelves, each labelled with the name of a village and the year it was collected. Together they make up the Dunmere Valley Seed Bank, which now holds more than 400 varieties of wheat, barley, millet and oats that were once grown across the region.</p>
<p>Many of the varieties disappeared from commercial farming decades ago, replaced by higher-yielding grains. Some survived only because individual families kept sowing a small plot each year, out of habit or for the sake of a favourite bread.</p>
<p>"Every jar is a conversation with a farmer," said Dr Mirela Stanek, the geneticist who leads the project. "Someone's grandmother kept a bag in the attic. Someone else grew a strip of red wheat behind the barn because his father did. We are collecting seed, but we are also collecting what people know about it."</p>
<h2>Drought and disease</h2>
<p>The scientists are interested in more than history. Older varieties often carry traits that modern grains have lost, such as deeper roots or tolerance of poor soil. Early trials at the college suggest that two of the banked wheats cope noticeably better with dry springs, which have become more common in the valley.</p>
<p>The seeds are stored at minus eighteen degrees, which keeps most grains alive for decades. Each variety is grown out every few years to refresh the stock, and small quantities are given free to farmers who agree to report back on how the crop performed.</p>
<p>This year fourteen farms are growing heirloom grains, and a bakery in the valley town of Orrin has begun selling a loaf made entirely from a wheat that had not been harvested commercially for sixty years.</p>`,
		},
		// 5
		{
			Key:      "bike-lanes",
			Title:    "City tests protected bike lanes on three busy streets",
			Excerpt:  "Low concrete kerbs now separate cyclists from traffic on three routes into the centre of Ravensby. A six-month pilot will decide whether the lanes become permanent.",
			Category: "society",
			Tags:     []string{"cycling", "public transport", "cities"},
			Author:   "daniel",
			HoursAgo: 27,
			Art:      "city",
			Caption:  "An illustration of cyclists riding into a city centre in the morning.",
			Alt:      "Illustration of a city street with low buildings.",
			Body: `<p>Cyclists in Ravensby have a new way into the city centre. Three busy streets now have bike lanes separated from motor traffic by low concrete kerbs and planters, the first protected lanes the city has built.</p>
<p>The six-month pilot covers Mill Road, Station Street and the northern end of Harbour Avenue, about five kilometres in all. Counters at each end of the lanes record how many bicycles pass, and the city's transport team will publish the figures every month.</p>
<p>"Painted lines tell people where to ride. Kerbs make them feel safe enough to do it," said Jonas Ekwall, the city's cycling officer. "Most people who don't cycle tell us it is because of the traffic. We want to know how many of them start once that changes."</p>
<h2>Shops and buses</h2>
<p>The lanes were designed after months of meetings with residents, shopkeepers and the bus operator. On Station Street, loading bays were moved into side roads and bus stops were rebuilt as small islands, so that passengers step off the bus onto a platform rather than into the bike lane.</p>
<p>Some traders were worried about losing parking spaces. The city has agreed to survey footfall and sales on the three streets during the trial and to compare them with similar streets elsewhere.</p>
<p>Early counts are encouraging: in the first two weeks, the number of bicycles on Mill Road was forty per cent higher than in the same period last year. Residents can comment on the pilot through the city's website or at drop-in sessions at the central library.</p>`,
			Comments: []Comment{
				{Name: "Ali", Body: "I've started cycling my daughter to school along Mill Road. I would never have done it before the kerbs went in.", HoursAgo: 25},
				{Name: "Greta", Body: "The bus stop islands take a little getting used to, but they seem to work well.", HoursAgo: 22},
				{Name: "Paul", Body: "Please extend it to the ring road next!", HoursAgo: 15},
			},
		},
		// 6
		{
			Key:        "water-meters",
			Title:      "Smart water meters help utility find and fix thousands of leaks",
			Excerpt:    "Two years after installing digital meters, the Oakhollow water utility is losing a quarter less water from its pipes, and customers are catching drips they never knew they had.",
			Category:   "economy",
			Categories: []string{"environment"},
			Tags:       []string{"water", "cities", "infrastructure"},
			Author:     "sara",
			HoursAgo:   38,
			Art:        "city",
			Caption:    "An illustration of rooftops and water towers in Oakhollow.",
			Alt:        "Illustration of a town skyline with a water tower.",
			Body: `<p>When the water utility in Oakhollow began replacing its old mechanical meters with digital ones two years ago, the aim was simply to stop sending staff from door to door to read them. The meters have turned out to be far more useful than that.</p>
<p>Because they record consumption every hour, the new meters reveal patterns that a quarterly reading never could. A household that uses water steadily through the night, for instance, almost certainly has a leak: a dripping tap, a running toilet cistern or a cracked pipe under the garden.</p>
<p>Since the roll-out, the utility has written to more than 6,000 customers whose meters showed a continuous flow at night. Most of the leaks were small and easily fixed, but together they added up. The utility estimates that its customers now waste about 900,000 litres less water every day.</p>
<blockquote>"People are often surprised," said Farah Idris, who manages the metering programme. "They tell us they can't hear anything. Then they look inside the cistern and find it has been trickling for a year."</blockquote>
<p>The meters have also helped the utility find leaks in its own network. By comparing how much water enters each district with what the meters in that district record, engineers can work out where water is disappearing and send crews with listening equipment to the right street. Losses from the network have fallen by about a quarter.</p>
<p>For customers the savings are modest but real: fixing a running cistern can save the equivalent of several weeks of water bills a year. The utility says lower losses have also allowed it to postpone an expensive expansion of its treatment works.</p>`,
		},
		// 7
		{
			Key:        "heat-shelters",
			Title:      "Cooling centres to open across the city as summers grow hotter",
			Excerpt:    "Libraries, community halls and a swimming pool will serve as cool places to rest during heatwaves this summer, with extra help for older residents.",
			Category:   "climate",
			Categories: []string{"society"},
			Tags:       []string{"heat", "health", "cities", "climate adaptation"},
			Author:     "amina",
			HoursAgo:   44,
			Art:        "city",
			Caption:    "An illustration of a shaded city square on a hot afternoon.",
			Alt:        "Illustration of city buildings under a bright sun.",
			Body: `<p>Twenty public buildings in Linden Cross will open as cooling centres on the hottest days this summer, offering shade, air conditioning, drinking water and somewhere to sit for anyone who needs to escape the heat.</p>
<p>The centres include six libraries, nine community halls, the main swimming pool and four health clinics. They will open whenever the regional weather service issues a heat warning and will stay open until ten in the evening, when the temperature inside older flats is often at its worst.</p>
<p>Heatwaves have become longer and more frequent in the region over the past two decades, and older people, young children and people with long-term illnesses are most at risk. Last summer the city recorded eleven days above 35 degrees, compared with an average of three a year in the 1990s.</p>
<p>"Many people live in top-floor flats that simply do not cool down at night," said Dr Halima Osei, the city's director of public health. "A few hours somewhere cool in the afternoon can make a real difference to how the body copes."</p>
<h2>Checking on neighbours</h2>
<p>Alongside the centres, the city is recruiting volunteers to telephone older residents who live alone, and a free minibus will take people who cannot walk far to their nearest centre. A map of the centres, with opening hours, is posted at bus stops and in pharmacies.</p>
<p>Residents are also encouraged to check on their neighbours, to keep curtains closed during the day and to drink water regularly even when they do not feel thirsty.</p>`,
			Comments: []Comment{
				{Name: "Beatrice", Body: "The telephone service is a brilliant idea. My mother lives alone and hates asking for help.", HoursAgo: 30},
			},
		},
		// 8
		{
			Key:        "coastal-wetlands",
			Title:      "Sea let back in as old farmland becomes salt marsh again",
			Excerpt:    "On the Saltmere coast, engineers have opened a gap in an old sea wall to let the tide flood 80 hectares of former pasture, creating new habitat and a natural buffer against storms.",
			Category:   "environment",
			Categories: []string{"climate"},
			Tags:       []string{"wetlands", "coasts", "climate adaptation", "birds"},
			Author:     "karim",
			HoursAgo:   60,
			Art:        "sea",
			Caption:    "An illustration of the Saltmere coast at high tide.",
			Alt:        "Illustration of a calm sea meeting low marshland.",
			Figure: &Figure{
				Art:     "birds",
				Caption: "Wading birds began feeding on the flooded mud within days of the breach.",
				Alt:     "A flock of small birds over tidal mudflats.",
			},
			Body: `<p>For almost two hundred years, a grass-covered sea wall kept the tide off the low fields behind the village of Saltmere. Last month engineers cut a forty-metre gap in it, and for the first time in generations the sea flowed back onto the land.</p>
<p>The project, run by the regional coastal authority together with local landowners, is turning 80 hectares of poor, often waterlogged pasture into salt marsh. Within a few years, scientists expect the site to be covered in samphire, sea lavender and cordgrass and crossed by creeks that fill and drain with every tide.</p>
<p>Salt marshes are among the most productive habitats on earth. They are nurseries for young fish and feeding grounds for wading birds, and they store large amounts of carbon in their mud. They also absorb the energy of waves, protecting the land behind them during storms.</p>
<blockquote>"The old wall was costing more to repair every year, and it was only protecting a few wet fields," said Erik Dahlmann, the authority's coastal engineer. "A new, lower bank further inland, with marsh in front of it, will protect the village better and cost far less to maintain."</blockquote>
<p>The first birds arrived within days. Volunteers counting on the site have already recorded redshank, little egrets and a flock of more than two hundred dunlin feeding on the newly flooded mud.</p>
<p>A raised boardwalk and two bird hides will open to the public in the autumn, and the village school has adopted a corner of the marsh to study how plants colonise the new ground.</p>`,
		},
		// 9
		{
			Key:      "translation-volunteers",
			Title:    "Volunteers translate health leaflets into seventeen languages",
			Excerpt:  "A group of bilingual residents is helping the city's clinics explain vaccinations, check-ups and emergency care to families who do not read the local language.",
			Category: "society",
			Tags:     []string{"volunteers", "translation", "health"},
			Author:   "daniel",
			HoursAgo: 75,
			Art:      "library",
			Caption:  "An illustration of a community room with tables, books and papers.",
			Alt:      "Illustration of bookshelves and a long reading table.",
			Body: `<p>Every Tuesday evening, a room at the back of the Eastholm community centre fills with people working on laptops and debating, quietly, the right word for things. They are volunteer translators, and since last year they have turned the city's most important health leaflets into seventeen languages.</p>
<p>The project began when a nurse at the Eastholm clinic noticed that many parents were missing their children's routine check-ups. The reason, she found, was often simple: the appointment letters and leaflets were written in only one language.</p>
<p>"People weren't uninterested. They just couldn't read what we were sending them," said Mei Lindgren, the nurse who started the group. "When we asked in the waiting room who could help, we had twenty names within a week."</p>
<h2>Checked twice</h2>
<p>Each leaflet is translated by one volunteer, checked by a second and then reviewed by a health worker who speaks the language. So far the group has worked on leaflets about childhood vaccinations, what to do in a medical emergency, how to register with a doctor and how to stay well during a heatwave.</p>
<p>Clinics now offer the leaflets in print and online, and staff say families are arriving better prepared for appointments. The city has agreed to pay for printing and to give the volunteers a small training budget.</p>
<p>The group is looking for more translators, especially for languages spoken by smaller communities in the city. No professional qualifications are needed, only fluency and patience.</p>`,
			Comments: []Comment{
				{Name: "Yusuf", Body: "I translated two of these leaflets and learned more medical vocabulary than in my whole life before. I would recommend it to anyone who can spare an evening.", HoursAgo: 50},
			},
		},
		// 10
		{
			Key:        "farm-cooperative",
			Title:      "Farmers' cooperative cuts out the middleman and lifts small growers' incomes",
			Excerpt:    "Forty small farms in the Marrow Hills have pooled their produce, their vans and their paperwork to sell straight to shops, schools and households.",
			Category:   "economy",
			Categories: []string{"environment"},
			Tags:       []string{"farming", "food", "cooperatives"},
			Author:     "sara",
			HoursAgo:   96,
			Art:        "market",
			Caption:    "An illustration of crates of fresh vegetables at a market stall.",
			Alt:        "Illustration of a market stall with produce.",
			Body: `<p>When Anja Koval took over her parents' fifteen-hectare farm in the Marrow Hills, she grew good vegetables and sold them badly. "I spent more time driving to markets and chasing payments than I did in the fields," she said.</p>
<p>Three years later she is one of forty members of the Marrow Hills Growers' Cooperative, which sells its members' produce directly to shops, school kitchens, restaurants and about 1,200 households that receive a weekly box.</p>
<p>The cooperative owns two refrigerated vans and a small packing shed, and employs four people to handle orders, deliveries and invoices. Members pay a share of their sales to cover the costs, and the rest goes straight to them. Compared with selling to wholesalers, members say they earn between a fifth and a third more for the same produce.</p>
<h2>Planning together</h2>
<p>Perhaps the biggest change has been in planning. Each winter the members meet to agree who will grow what, so that the cooperative can offer a steady range of vegetables through the year without every farm planting the same crops.</p>
<blockquote>"We used to be all competing to sell courgettes in August," said Lukas Brenner, who grows fruit and salad leaves. "Now one farm grows the early potatoes, another the squash, another the apples. We are neighbours again, not rivals."</blockquote>
<p>The cooperative is now in talks with the regional hospital about supplying its kitchens, which would require more cold storage and a third van. Members will vote on the investment at their annual meeting in the spring.</p>`,
		},
		// 11
		{
			Key:      "night-sky",
			Title:    "Tarrow Plateau becomes the region's first dark-sky reserve",
			Excerpt:  "Villages on the high plateau have refitted thousands of street lights to protect one of the darkest skies in the region. Now they are opening it to visitors.",
			Category: "science",
			Tags:     []string{"astronomy", "tourism", "research"},
			Author:   "karim",
			HoursAgo: 120,
			Art:      "night",
			Caption:  "An illustration of the night sky above the Tarrow Plateau.",
			Alt:      "Illustration of a starry night sky over low hills.",
			Figure: &Figure{
				Art:     "mountains",
				Caption: "The plateau's moorland lies high above the lights of the valley towns.",
				Alt:     "Dark hills beneath a sky full of stars.",
			},
			Body: `<p>On a clear night on the Tarrow Plateau, the Milky Way is bright enough to cast a faint shadow. That is increasingly rare: across most of the region, light from towns and roads washes out all but the brightest stars.</p>
<p>This week the plateau was officially recognised as a dark-sky reserve, after a five-year effort by its seven villages to reduce light pollution. More than 3,000 street lights have been replaced with shielded, warm-coloured lamps that point downwards, and many are dimmed or switched off after midnight.</p>
<p>"We didn't turn the lights off. We turned them around," said Ivo Marken, an amateur astronomer and one of the project's founders. "The streets are just as safe to walk along, but the light falls on the pavement instead of going up into the sky."</p>
<h2>Stargazing for visitors</h2>
<p>The reserve has opened a small observatory in a converted barn near the village of Hale, with two telescopes available to the public on weekend evenings. Guides lead night walks along the moorland paths, and several guesthouses now lend red-light torches and star charts to their guests.</p>
<p>Ecologists say the darkness matters for wildlife too. Moths, bats and migrating birds are all disturbed by artificial light, and a survey on the plateau will measure whether insect numbers recover as the lighting changes.</p>
<p>The observatory is open on Friday and Saturday nights from dusk, weather permitting. Visitors are asked to arrive with dipped headlights and to give their eyes twenty minutes to adjust before looking up.</p>`,
			Comments: []Comment{
				{Name: "Clara", Body: "We went up last weekend and saw the rings of Saturn through the big telescope. The children haven't stopped talking about it.", HoursAgo: 100},
				{Name: "Henrik", Body: "Good to see the insect survey. Light pollution gets far less attention than it deserves.", HoursAgo: 80},
			},
		},
		// 12
		{
			Key:        "craft-weaving",
			Title:      "A new generation takes up the looms in the highland villages",
			Excerpt:    "Weaving had almost died out in the villages of the upper Kestrel Valley. A workshop run by two retired weavers is changing that, one apprentice at a time.",
			Category:   "culture",
			Categories: []string{"economy"},
			Tags:       []string{"crafts", "young people", "heritage"},
			Author:     "elira",
			HoursAgo:   150,
			Art:        "mountains",
			Caption:    "An illustration of a highland village beneath steep green slopes.",
			Alt:        "Illustration of mountains rising above a valley.",
			Body: `<p>In the village of Sorn, high in the Kestrel Valley, the clack of hand looms can be heard again from the old schoolhouse on the main street. Inside, eight young people sit at wooden looms, weaving the striped wool blankets the valley was once known for.</p>
<p>The workshop was started two years ago by Vera Halloran and Magda Reyes, both in their seventies and among the last people in the valley who learned to weave as children. When a regional heritage fund offered small grants for projects that pass on traditional skills, they applied, bought back three old looms at a farm sale and put up a notice in the village shop.</p>
<blockquote>"We expected two or three retired people," said Ms Halloran. "Instead we had a queue of teenagers. One of them told me she had seen our blankets in a museum and wanted to know how they were made."</blockquote>
<p>The apprentices learn every stage of the craft, from washing and spinning the fleece of local sheep to dyeing the wool with plants gathered on the hillside: heather for yellow, walnut husks for brown, and madder, grown in the schoolhouse garden, for the deep red that runs through many of the traditional designs.</p>
<p>Several of the young weavers now sell their work at markets in the valley and online, and two have begun experimenting with new patterns that combine the old stripes with designs of their own.</p>
<p>An exhibition of their blankets, shown alongside pieces from the regional museum's collection, opens in Sorn next month.</p>`,
		},
		// 13
		{
			Key:        "flood-maps",
			Title:      "How residents mapped their own flood risk, street by street",
			Excerpt:    "When the official flood maps left out the small streams running beneath their town, residents of Greywater measured, photographed and mapped them themselves.",
			Category:   "science",
			Categories: []string{"environment", "climate"},
			Tags:       []string{"maps", "open data", "climate adaptation", "volunteers"},
			Author:     "",
			External: &Byline{
				Writer:      "Ruth Calloway",
				Publication: "The Harbour Review",
				URL:         "https://example.org/harbour-review/citizen-flood-maps",
			},
			HoursAgo: 180,
			Art:      "river",
			Caption:  "An illustration of a small stream running through a town after heavy rain.",
			Alt:      "Illustration of a river flowing between houses.",
			Body: `<p>The official flood map for Greywater showed the river clearly enough. What it did not show were the three small streams that run beneath the town in culverts and which, in heavy rain, burst out onto the streets.</p>
<p>After a wet winter in which more than forty homes were flooded, a group of residents decided to fill in the gaps. Over eighteen months, about 150 volunteers photographed high-water marks, measured the depth of water in their streets during storms and noted which drains overflowed first. Some used tape measures and notebooks; others sent photographs from their phones with the time and place attached.</p>
<p>"Everyone in town had a story about where the water came from," said Pieter Anholt, a retired surveyor who helped to organise the project. "We just had to collect the stories carefully enough for an engineer to use them."</p>
<h2>Open to everyone</h2>
<p>The result is an open online map showing every reported flood point, the depth of water recorded and the date. Anyone can view it, download the data or add new observations, which are checked by a small team before they appear.</p>
<p>The town's engineers now use the map alongside their own models. It has already led to two culverts being cleared and enlarged, and to a new storage pond being planned in a park upstream of the worst-affected street.</p>
<p>Other towns in the region have asked for help setting up similar projects, and the Greywater volunteers have written a short guide explaining how they did it.</p>`,
		},
		// 14
		{
			Key:        "repair-cafe",
			Title:      "Repair cafés fix 3,000 broken items in their first year",
			Excerpt:    "Toasters, lamps, trousers and bicycles: once a month, volunteers in six neighbourhoods help residents mend things instead of throwing them away.",
			Category:   "society",
			Categories: []string{"environment"},
			Tags:       []string{"repair", "recycling", "community", "volunteers"},
			Author:     "daniel",
			HoursAgo:   210,
			Art:        "city",
			Caption:    "An illustration of a neighbourhood street with a community hall on the corner.",
			Alt:        "Illustration of terraced houses on a quiet street.",
			Body: `<p>A lamp that flickers. A toaster that browns only one side. A coat with a broken zip. In most homes, such things end up in the bin. In six neighbourhoods of Ravensby, they end up on a table at the repair café.</p>
<p>The cafés, held once a month in community halls and a church basement, bring together volunteers who know how to fix things and residents who have something broken. Visitors bring their item, have a cup of tea and sit beside the volunteer while they work, so that they can learn to do the repair themselves next time.</p>
<p>In their first year the cafés recorded more than 3,000 repairs, with a success rate of about two thirds. Electrical appliances were the most common items, followed by clothes, bicycles and furniture.</p>
<blockquote>"Most things aren't really broken. They have a loose wire, a worn belt or a missing screw," said Anton Weiss, a retired electrician who volunteers at the Mill Road café. "It takes me ten minutes to fix something that would otherwise go to landfill."</blockquote>
<p>The organisers estimate that the repairs kept about six tonnes of goods out of landfill. They also record what could not be fixed, and why, and plan to share the list with the council to support the case for products that are easier to repair.</p>
<p>The cafés are always looking for volunteers, particularly people who can sew, mend electronics or sharpen tools. Tea and cake are provided.</p>`,
			Comments: []Comment{
				{Name: "Ingrid", Body: "They fixed my grandmother's sewing machine in twenty minutes. I nearly cried.", HoursAgo: 200},
				{Name: "Felix", Body: "I volunteer at the Tuesday café now. It is the best evening of my month.", HoursAgo: 150},
			},
		},
		// 15
		{
			Key:        "rail-link",
			Title:      "New regional rail link cuts the commute between valley towns to 25 minutes",
			Excerpt:    "A reopened branch line connects Orrin and Alderford directly for the first time in fifty years, halving the journey time by road.",
			Category:   "economy",
			Categories: []string{"society"},
			Tags:       []string{"rail", "public transport", "infrastructure"},
			Author:     "sara",
			HoursAgo:   250,
			Art:        "fields",
			Caption:    "An illustration of a railway line running through open farmland.",
			Alt:        "Illustration of green fields and rolling hills.",
			Body: `<p>For half a century, the quickest way from Orrin to Alderford was a winding road over the hills that takes nearly an hour at rush hour. Since Monday it has been a 25-minute train ride.</p>
<p>The new line follows the route of a branch railway that closed in the 1970s. Much of the old trackbed had survived as a footpath, which made it possible to reopen the line for a fraction of the cost of building a new one. The path has been moved alongside the rails and widened into a cycle route.</p>
<p>Trains run every half hour from early morning until late evening, and two new stations serve villages along the way. Tickets are part of the regional travel pass, so commuters can change onto buses at either end without paying a separate fare.</p>
<h2>A boost for both towns</h2>
<p>Business groups in both towns hope the link will widen the pool of workers available to local employers and bring more visitors to Alderford's Saturday market and Orrin's old town. Several employers near Orrin station have already moved their shift times to match the timetable.</p>
<p>"People were turning down jobs because the drive was too long or they didn't have a car," said Selma Varga, who runs a furniture workshop near the new station. "Two of my newest staff come in by train."</p>
<p>The regional transport authority will review passenger numbers after a year. If demand is strong, it hopes to add later services at weekends.</p>`,
		},
		// 16
		{
			Key:        "museum-archive",
			Title:      "Museum puts 40,000 historic photographs online and asks the public to name the faces",
			Excerpt:    "The town museum in Westerbrook has digitised a century of glass plates and prints. Many of the people in them have never been identified.",
			Category:   "culture",
			Categories: []string{"society"},
			Tags:       []string{"archives", "museums", "heritage"},
			Author:     "elira",
			HoursAgo:   300,
			Art:        "library",
			Caption:    "An illustration of archive boxes and old photographs on library shelves.",
			Alt:        "Illustration of shelves filled with boxes and books.",
			Body: `<p>For decades, the photographic collection of the Westerbrook Town Museum sat in cardboard boxes in a basement storeroom: some 40,000 glass plates, negatives and prints made by local studios between the 1880s and the 1980s. Now every one of them can be seen online.</p>
<p>The digitisation took three years and was carried out by two members of the museum's staff and a team of volunteers, who cleaned each plate, scanned it at high resolution and recorded whatever information came with it. Often that was very little: a date, a street name, or nothing at all.</p>
<p>"We have thousands of wedding portraits, school classes, shopfronts and football teams, and for most of them we don't know who anyone is," said the curator, Hanna Bellweather. "That is where the public comes in."</p>
<h2>Names and memories</h2>
<p>Visitors to the online archive can suggest names for the people in the photographs, identify buildings and add their own memories. In the first fortnight more than 2,000 suggestions arrived. One resident recognised her great-grandparents in a studio portrait from 1911; a retired teacher named almost every child in a class photograph from 1958.</p>
<p>Each suggestion is checked by a volunteer before it is added to the record. The museum says the contributions are turning the collection from a set of images into a history of the town's people.</p>
<p>A selection of the photographs, chosen with the help of online visitors, will be printed at large size and exhibited in the museum next spring.</p>`,
		},
		// 17
		{
			Key:        "urban-trees",
			Title:      "Volunteers count every street tree in the city, all 48,000 of them",
			Excerpt:    "A year-long census has produced the first complete map of the city's trees, showing where shade is plentiful and where it is badly lacking.",
			Category:   "environment",
			Categories: []string{"climate"},
			Tags:       []string{"trees", "cities", "volunteers", "climate adaptation"},
			Author:     "amina",
			HoursAgo:   350,
			Art:        "forest",
			Caption:    "An illustration of a tree-lined avenue in early summer.",
			Alt:        "Illustration of tall trees with dense green leaves.",
			Figure: &Figure{
				Art:     "city",
				Caption: "Newer districts have far less tree cover than the older streets around the centre.",
				Alt:     "A city street with few trees.",
			},
			Body: `<p>Armed with tape measures, clipboards and a phone app, more than 400 volunteers in Linden Cross spent a year walking every street in the city and recording every tree they passed. The result, published this week, is the first complete census of the city's street and park trees: 48,213 of them, belonging to 131 species.</p>
<p>For each tree, volunteers recorded the species, trunk width, height and condition. Council arborists checked a sample of the entries and found more than nine in ten to be accurate.</p>
<h2>Uneven shade</h2>
<p>The census shows how unevenly the trees are spread. In some older neighbourhoods the tree canopy covers more than a third of the streets; in several newer districts and around the industrial estate the figure is below five per cent. These are also among the hottest parts of the city on summer afternoons.</p>
<p>"Trees are one of the best tools we have against summer heat," said Tobias Ren, the council's chief arborist. "A street with a full canopy can be several degrees cooler than one without. Now we know exactly where to plant."</p>
<p>The council has committed to planting 5,000 trees over the next five years, concentrating on the areas with the least shade. The census also found that a handful of species make up almost half of all the trees, which leaves the city vulnerable to pests and disease, so new planting will use a much wider range.</p>
<p>The data is published online, and residents can look up any tree in their street. Several schools are already using it in biology and geography lessons.</p>`,
			Comments: []Comment{
				{Name: "Nora", Body: "I found the lime tree outside our house on the map. Apparently it is one of the oldest in the street!", HoursAgo: 300},
			},
		},
		// 18
		{
			Key:        "migratory-birds",
			Title:      "Volunteer bird count finds swallows and martins returning in greater numbers",
			Excerpt:    "More than 600 people took part in this year's spring migration count along the Alder valley. The results suggest that years of wetland restoration are paying off.",
			Category:   "science",
			Categories: []string{"environment"},
			Tags:       []string{"birds", "volunteers", "research", "rivers"},
			Author:     "karim",
			HoursAgo:   410,
			Art:        "birds",
			Caption:    "An illustration of swallows flying low over a river valley.",
			Alt:        "Illustration of birds in flight over water.",
			Figure: &Figure{
				Art:     "river",
				Caption: "Sand martins nest in burrows dug into the steep banks of the river.",
				Alt:     "A river with steep sandy banks.",
			},
			Body: `<p>Every spring, as swallows, swifts and warblers return from their winter grounds, volunteers take up positions along the Alder valley with binoculars and notebooks. This year more than 600 of them took part in the spring migration count, the largest turnout since it began twenty-two years ago.</p>
<p>Over three weekends in April and May, the counters recorded 94 species and almost 40,000 individual birds. Barn swallows were up by about a fifth on the average of the previous five years, and sand martins, which nest in burrows in the riverbanks, were seen in the highest numbers in the history of the count.</p>
<p>"One good year is not a trend, but it is encouraging," said Dr Leila Marchetti, an ecologist at the regional university who analyses the results. "The species doing best are the ones that feed on insects over water, and that is exactly the habitat that has been restored along the valley over the last decade."</p>
<h2>Science from the riverbank</h2>
<p>The count follows a fixed method so that years can be compared: volunteers walk the same routes at the same time of the morning and record every bird they see or hear. Beginners are paired with experienced birdwatchers, and the organisers run training walks in March.</p>
<p>The data is shared with national monitoring schemes, where it helps scientists follow changes in the timing of migration. Over the two decades of the count, the average arrival date of swallows in the valley has moved about nine days earlier.</p>
<p>Not all the news was good. Cuckoos and turtle doves remain scarce, and the organisers are asking landowners to report any sightings through the summer.</p>`,
		},
		// 19
		{
			Key:      "youth-orchestra",
			Title:    "Youth orchestra sets off on its first tour with a bus, 68 instruments and a borrowed harp",
			Excerpt:  "The Eastholm Youth Orchestra, founded four years ago in a school gym, is playing six concerts in six towns this month.",
			Category: "culture",
			Tags:     []string{"music", "young people", "schools"},
			Author:   "elira",
			HoursAgo: 470,
			Art:      "night",
			Caption:  "An illustration of a concert hall glowing against the evening sky.",
			Alt:      "Illustration of a lit building at night.",
			Body: `<p>Four years ago, the Eastholm Youth Orchestra held its first rehearsal in a school gym with twenty-two players, most of whom had been learning their instruments for less than a year. This week seventy young musicians boarded a bus for the orchestra's first tour: six concerts in six towns across the region.</p>
<p>The orchestra was founded by the music teacher Rosa Amberley, who wanted to give children in Eastholm, where few families can afford private lessons, the chance to play in an ensemble. Instruments are lent free of charge, and rehearsals take place every Saturday morning with volunteer tutors from the regional conservatory.</p>
<blockquote>"The first year we sounded terrible and we had the best time," said Jamal Serrano, seventeen, who plays principal cello. "Now we sound good, and we are still having the best time."</blockquote>
<p>The tour programme includes a nineteenth-century symphony, a set of folk dances arranged by members of the orchestra, and a new piece written especially for them by a composition student at the conservatory.</p>
<p>The harp, which is too large for the bus, has been lent by a concert hall in Linden Cross and is travelling separately in a van with two very careful parents.</p>
<p>The tour ends with a homecoming concert in the Eastholm school gym where it all began. Admission is free, and the orchestra is collecting donations for new instruments.</p>`,
		},
		// 20
		{
			Key:        "clean-cookstoves",
			Title:      "Cleaner cookstoves bring fresher air into village kitchens",
			Excerpt:    "In a dry upland region where most families cook over open fires, a locally built stove is cutting smoke, fuel use and the hours spent gathering wood.",
			Category:   "world",
			Categories: []string{"environment"},
			Tags:       []string{"health", "energy", "households"},
			Author:     "",
			External: &Byline{
				Writer:      "Joseph Amani",
				Publication: "Field Notes Quarterly",
				URL:         "https://example.org/field-notes/cleaner-kitchens",
			},
			HoursAgo: 540,
			Art:      "desert",
			Caption:  "An illustration of a village on a dry upland plain at midday.",
			Alt:      "Illustration of sand-coloured hills under a clear sky.",
			Body: `<p>In the villages of the upland plains, most meals are cooked indoors over an open fire of wood or dried crop stalks. The smoke fills the kitchen, and it is women and young children who breathe most of it.</p>
<p>A programme run by a regional health cooperative is trying to change that with a simple device: an enclosed clay-and-metal stove with a short chimney, built by local workshops and sold at a subsidised price. More than 8,000 households have installed one over the past three years.</p>
<p>Measurements taken by health workers before and after installation show that smoke levels in kitchens have fallen by more than half on average. The stoves also burn fuel more efficiently, so families need about 40 per cent less wood.</p>
<blockquote>"I used to spend three mornings a week collecting wood," said Amara Tesfaye, who lives in a village at the edge of the plains. "Now it is one. My eyes don't sting when I cook, and my youngest no longer coughs all winter."</blockquote>
<p>Because the stoves are built locally, they can also be repaired locally, and the programme has trained more than sixty craftspeople to make and maintain them. Many are young people who had previously left the villages to look for work.</p>
<p>Health workers are now following several hundred families to measure the longer-term effects on breathing problems, with results expected next year.</p>`,
		},
		// 21
		{
			Key:        "local-news-grants",
			Title:      "Small grants help towns without a newspaper report their own news",
			Excerpt:    "A regional foundation is paying for part-time reporters in eleven towns that lost their local papers, so that council meetings, school boards and planning decisions are covered again.",
			Category:   "society",
			Categories: []string{"culture"},
			Tags:       []string{"journalism", "community", "grants"},
			Author:     "marco",
			HoursAgo:   610,
			Art:        "city",
			Caption:    "An illustration of a small town high street in the morning.",
			Alt:        "Illustration of shops and houses along a street.",
			Body: `<p>When the weekly newspaper in Fennick closed six years ago, the town's council meetings went on as before. Nobody, however, was there to write about them. Residents learned of decisions on new housing, bus routes and school buildings only when the diggers arrived.</p>
<p>Fennick is one of eleven towns now taking part in a local reporting programme funded by the Northmoor Community Foundation. Each town receives a grant that pays for a part-time reporter for two years, together with training, legal advice and a shared editor who checks every story before it is published.</p>
<p>"Local news is not glamorous, but it is how a town knows itself," said Adaeze Holm, who runs the programme. "Somebody needs to read the planning documents, sit through the budget meeting and explain what it all means in plain language."</p>
<h2>Independent by design</h2>
<p>The reporters publish on simple websites and in printed newsletters left in libraries, shops and health centres. The grants come with strict rules on independence: the foundation does not see stories before publication and has no say over what is covered.</p>
<p>In Fennick, the reporter Kasia Dorn covered forty council meetings in her first year, as well as a long-running debate about the future of the town's swimming pool. "People stop me in the supermarket to tell me what I got wrong and what I should look into next," she said. "That is exactly how it should be."</p>
<p>The foundation hopes that some of the projects will be able to support themselves through reader donations and local advertising before the grants run out.</p>`,
		},
		// 22
		{
			Key:        "opinion-open-data",
			Title:      "Public data should be open by default",
			Excerpt:    "Information collected with public money should be published for the public to use unless there is a good reason not to. Too often, the opposite rule applies.",
			Category:   "opinion",
			Categories: []string{"society"},
			Tags:       []string{"open data", "journalism"},
			Author:     "marco",
			HoursAgo:   690,
			Art:        "science",
			Caption:    "An illustration of charts and figures spread across a desk.",
			Alt:        "Illustration of scientific charts and instruments.",
			Body: `<p>Every day, public bodies collect enormous amounts of useful information: how many buses run late, how clean the rivers are, how long people wait for a hospital appointment, how many trees line each street. Most of it sits in spreadsheets that only a handful of officials ever see.</p>
<p>The principle should be simple. Data gathered with public money should be published, in a form people can actually use, unless there is a clear reason to hold it back, such as protecting personal privacy. The burden of proof should lie with the case for keeping data closed, not with the case for opening it.</p>
<h2>What openness makes possible</h2>
<p>The benefits are easy to find. When residents can see where flooding has been reported, they can add what they know about their own streets. When a water company looks closely at figures it already collects, it finds leaks. When a city publishes the location of every tree it manages, schools, gardeners and planners all find uses for the list.</p>
<p>Open data also helps public services do their jobs better. When figures are published regularly, mistakes are spotted sooner, and departments can compare themselves with their counterparts elsewhere. Researchers, journalists and small businesses find uses that nobody in the original office had imagined.</p>
<p>None of this requires expensive technology. It requires a habit: publishing spreadsheets in open formats, with a clear explanation of what each column means, on a regular timetable. Many councils already do this well; many more could.</p>
<p>Privacy must be protected, and some information is genuinely sensitive. But those are exceptions, to be argued case by case. The default should be that what the public pays for, the public can see.</p>`,
			Comments: []Comment{
				{Name: "Olga", Body: "Agreed. Our council publishes its bus punctuality figures as a scanned document, which is almost worse than nothing.", HoursAgo: 600},
				{Name: "Desmond", Body: "Sensible piece. The point about explaining what each column means is badly underrated.", HoursAgo: 500},
				{Name: "Farid", Body: "Privacy deserves more than one paragraph, though. Making data properly anonymous is harder than it looks.", HoursAgo: 400},
			},
		},
		// 23
		{
			Key:        "opinion-slow-news",
			Title:      "The case for slower journalism",
			Excerpt:    "Being first matters less than being right. Readers are better served by news that takes the time to explain, to check and to follow up.",
			Category:   "opinion",
			Categories: []string{"culture"},
			Tags:       []string{"journalism", "media"},
			Author:     "marco",
			HoursAgo:   770,
			Art:        "library",
			Caption:    "An illustration of a quiet reading room with newspapers on a long table.",
			Alt:        "Illustration of a library with reading tables.",
			Body: `<p>News has never moved faster. A story can travel around the world in minutes, and newsrooms are under constant pressure to publish first and correct later. Speed has its value, especially when people need urgent information. But for most of what we report, being first matters far less than being right.</p>
<p>Slower journalism is not lazy journalism. It means taking the extra hour to call a second source, reading the full report rather than the summary, and waiting until we understand a story well enough to explain it clearly. It means resisting a headline that promises more than the article can deliver.</p>
<h2>Going back</h2>
<p>It also means going back. Too many stories are reported once and then forgotten. Was the new bus route kept? Did the restored wetland attract the birds it was meant to? Did the project survive once its grant ran out? Readers deserve to know how things turned out, and the answers are often more useful than the original announcement.</p>
<p>Finally, slower journalism shows more respect for readers' time. One clear article that can be read in five minutes and trusted is worth more than a dozen quick updates that each add a fragment and correct the one before.</p>
<p>We will keep reporting news as it happens when it matters. But we would rather be the paper that explained a story well than the one that mentioned it first.</p>`,
			Comments: []Comment{
				{Name: "Agnes", Body: "Thank you for this. The follow-up stories are often the ones I remember longest.", HoursAgo: 700},
				{Name: "Pedro", Body: "A fair point, although some of us do enjoy a quick update over breakfast!", HoursAgo: 650},
			},
			Closed: true,
		},
		// 24
		{
			Key:        "glacier-stations",
			Title:      "Scientists install monitoring stations on a shrinking glacier",
			Excerpt:    "Automatic weather stations and time-lapse cameras on the Highcairn glacier will record how fast the ice is melting and what that means for the rivers below.",
			Category:   "climate",
			Categories: []string{"science"},
			Tags:       []string{"glaciers", "research", "water", "rivers"},
			Author:     "amina",
			HoursAgo:   850,
			Art:        "mountains",
			Caption:    "An illustration of a glacier lying between rocky peaks.",
			Alt:        "Illustration of snow-capped mountains.",
			Figure: &Figure{
				Art:     "science",
				Caption: "Each station records temperature, wind, sunlight and the height of the ice surface.",
				Alt:     "Scientific instruments mounted on a metal mast.",
			},
			Body: `<p>At 3,100 metres above sea level, on a slope of grey ice streaked with meltwater, a team of glaciologists spent a week this summer drilling, bolting and laying cables. They were installing three automatic monitoring stations on the Highcairn glacier, which feeds the rivers of two valleys below.</p>
<p>Each station measures air temperature, wind, sunlight and the height of the ice surface every ten minutes, and sends the data by satellite to the regional university. Time-lapse cameras on the ridges above photograph the glacier every hour.</p>
<p>The glacier has lost about a third of its length since the first measurements were made in the late nineteenth century, and the pace has quickened in recent decades. Old photographs show ice where there is now bare rock and a small new lake.</p>
<blockquote>"We know the glacier is shrinking. What we need to understand is how quickly, and what drives the melt from one summer to the next," said Dr Sofia Brandt, who leads the project. "That is what the towns downstream need for their planning."</blockquote>
<h2>Water for the valleys</h2>
<p>In late summer, meltwater from the glacier makes up a large share of the flow in the valley rivers, which supply drinking water, irrigation and two small hydroelectric plants. As the glacier shrinks, that late-summer flow is expected to fall, and water managers want to know when.</p>
<p>The stations are built to survive winters of heavy snow and temperatures below minus thirty degrees, and the team will return each autumn to service them. The data will be published openly, and a simplified version will appear on a screen at the valley's visitor centre.</p>`,
		},
		// 25
		{
			Key:        "plastic-free-market",
			Title:      "Saturday market goes plastic-free, one stall at a time",
			Excerpt:    "Traders at Alderford's weekly market have replaced plastic bags and trays with paper, returnable boxes and customers' own containers.",
			Category:   "environment",
			Categories: []string{"economy"},
			Tags:       []string{"plastic", "recycling", "markets"},
			Author:     "daniel",
			HoursAgo:   940,
			Art:        "market",
			Caption:    "An illustration of a busy market square with striped awnings.",
			Alt:        "Illustration of market stalls in a town square.",
			Body: `<p>Alderford's Saturday market has been held in the town square for more than three hundred years. This spring, for the first time in decades, it ran for a whole month without handing out a single plastic carrier bag.</p>
<p>The change was led by the traders themselves. After a survey found that the market was giving out around 2,000 plastic bags every Saturday, the traders' association agreed to phase them out over a year, together with plastic trays and cling film.</p>
<p>Fruit and vegetables are now sold loose or in paper bags, and several stalls give a discount to customers who bring their own containers. The cheese and olive stalls use waxed paper, and the fishmonger has switched to returnable insulated boxes with a small deposit.</p>
<blockquote>"Some of my regulars grumbled for a week and then started bringing jars," said Maren Tolle, who sells honey, dried fruit and nuts. "Now they compete over who has the nicest ones."</blockquote>
<p>The association bought a stock of cotton bags printed with the market's emblem, which it sells at cost, and pupils at a local school designed posters explaining the changes. The council played its part by installing a drinking fountain and a washing station in the square.</p>
<p>Traders say the change has not hurt business and may even have helped: footfall was slightly higher this spring than last. Markets in two neighbouring towns have asked for advice on doing the same.</p>`,
		},
		// 26
		{
			Key:        "radio-literacy",
			Title:      "Reading lessons on the radio reach adults in remote villages",
			Excerpt:    "A daily radio programme, backed by volunteer tutors and printed workbooks, is teaching thousands of adults in scattered farming communities to read and write.",
			Category:   "world",
			Categories: []string{"society", "culture"},
			Tags:       []string{"radio", "literacy", "schools"},
			Author:     "",
			External: &Byline{
				Writer:      "Mariam Sow",
				Publication: "The Commons Dispatch",
				URL:         "https://example.org/commons-dispatch/lessons-on-the-air",
			},
			HoursAgo: 1030,
			Art:      "fields",
			Caption:  "An illustration of scattered farmhouses on a wide plain at dusk.",
			Alt:      "Illustration of fields stretching to the horizon.",
			Body: `<p>At seven o'clock every evening, in farmhouses and village halls across a wide and thinly populated region, people tune their radios to a twenty-minute programme that begins with a short song and a letter of the alphabet.</p>
<p>The programme is a literacy course for adults who never had the chance to learn to read. Listeners follow along in printed workbooks, and once a week they meet a volunteer tutor in their village to practise writing and check their progress.</p>
<p>Radio was chosen because almost every household has one and because it reaches places without a reliable internet connection. The lessons are recorded with local presenters, and many of them use everyday material: a seed packet, a bus timetable, a letter from a clinic.</p>
<blockquote>"I wanted to read my grandchildren's school reports myself," said Teodora Balan, sixty-three, who completed the course last year. "Now I read them aloud to the whole family, slowly, and nobody is allowed to help."</blockquote>
<p>Since the programme began three years ago, around 9,000 adults have enrolled and about two thirds have completed the first level. The organisers, a regional education charity, say the weekly meetings with tutors matter as much as the broadcasts: they keep learners motivated and turn the lessons into a social occasion.</p>
<p>A second series, on arithmetic and household budgeting, begins in the autumn.</p>`,
		},
		// 27
		{
			Key:        "earthquake-drills",
			Title:      "Schools practise earthquake drills as the region updates its safety plans",
			Excerpt:    "More than 40,000 pupils took part in a region-wide drill, learning to drop, take cover and hold on, and then to leave their buildings calmly.",
			Category:   "society",
			Categories: []string{"science"},
			Tags:       []string{"schools", "safety"},
			Author:     "daniel",
			HoursAgo:   1130,
			Art:        "city",
			Caption:    "An illustration of a school building in a quiet city neighbourhood.",
			Alt:        "Illustration of low city buildings and a playground.",
			Body: `<p>At ten o'clock on Tuesday morning, classrooms across the region fell silent. Then, at a signal, more than 40,000 pupils dropped to the floor, crawled under their desks and held on to the legs.</p>
<p>The drill, the largest ever held in the region, was part of a programme to update school safety plans in an area where small earthquakes are felt every few years and larger ones, while rare, are possible. After a minute under their desks, pupils walked out of their buildings to agreed assembly points, where teachers took the register.</p>
<p>"The most important thing is that children know what to do without having to think," said Katrin Solberg, who coordinates the programme for the regional education authority. "In a real earthquake the first few seconds matter, and there is no time for instructions."</p>
<h2>Learning from the drill</h2>
<p>Teachers and inspectors noted what worked and what did not:</p>
<ul>
<li>Most schools emptied their buildings in under four minutes.</li>
<li>Several found that their assembly points were too close to walls or trees, and have moved them.</li>
<li>Some older buildings had doors that stuck or corridors narrowed by furniture, which have since been cleared.</li>
</ul>
<p>The authority is also surveying older school buildings to decide which need strengthening, starting with those built before modern building standards were introduced.</p>
<p>Parents are encouraged to practise the same steps at home and to agree a meeting place with their families. The authority has published a short guide in several languages on its website.</p>`,
			Closed: true,
		},
		// 28
		{
			Key:        "bee-study",
			Title:      "City parks are surprisingly rich in wild bees, two-year study finds",
			Excerpt:    "Researchers recorded 87 species of wild bee in the parks of Linden Cross and found that patches of unmown grass and wildflowers made the biggest difference.",
			Category:   "science",
			Categories: []string{"environment"},
			Tags:       []string{"bees", "research", "cities"},
			Author:     "karim",
			HoursAgo:   1240,
			Art:        "fields",
			Caption:    "An illustration of a wildflower meadow in a city park.",
			Alt:        "Illustration of flowers in tall grass.",
			Body: `<p>When researchers set out to count the wild bees in the parks of Linden Cross, they expected to find a few dozen species. After two summers of fieldwork they had recorded 87, about a third of all the wild bee species known in the region.</p>
<p>The study, carried out by ecologists at the regional university with help from the city's parks department, surveyed twenty parks of different sizes and styles, from formal gardens to overgrown corners of old cemeteries. Researchers walked fixed routes and used small nets to catch and identify the bees, releasing almost all of them afterwards.</p>
<p>The results showed that size mattered less than management. Parks where some areas of grass were left unmown through the summer, allowing clover, knapweed and other wildflowers to bloom, had on average twice as many species as parks that were mown every week.</p>
<blockquote>"Bees need two things: flowers from spring to autumn, and somewhere to nest," said Dr Amir Castellan, who led the study. "Many wild bees nest in bare ground or in hollow stems, so a slightly untidy park can be a very good home."</blockquote>
<p>The parks department has already changed its mowing schedule in eight parks, leaving wide strips of long grass along paths and around trees, with signs explaining that the long grass is deliberate.</p>
<p>The researchers will repeat the survey in three years to see whether the changes have made a difference. Residents can help by planting a variety of flowers in gardens and window boxes and by letting a corner of their lawn grow.</p>`,
		},
		// 29
		{
			Key:        "port-electrification",
			Title:      "Port of Halden switches its cranes to electric power",
			Excerpt:    "The busy harbour has replaced the diesel engines on its container cranes and yard vehicles with electric drives, cutting noise, fumes and fuel costs.",
			Category:   "economy",
			Categories: []string{"climate", "environment"},
			Tags:       []string{"ports", "energy", "infrastructure"},
			Author:     "sara",
			HoursAgo:   1360,
			Art:        "sea",
			Caption:    "An illustration of a harbour with cranes at the water's edge.",
			Alt:        "Illustration of a calm sea and a harbour.",
			Figure: &Figure{
				Art:     "energy",
				Caption: "A new substation links the quays to the regional electricity grid.",
				Alt:     "Power lines and electrical equipment.",
			},
			Body: `<p>For residents of the streets above the harbour in Halden, the change is easiest to hear. The deep rumble of diesel engines that used to drift up the hill at all hours has given way to a low electric hum.</p>
<p>Over the past three years, the port has converted all six of its container cranes from diesel to electric power and replaced most of its yard tractors and straddle carriers with battery-powered models. A new substation connects the quays to the regional grid, and chargers have been installed around the container yard.</p>
<p>Port managers say the conversion has cut the harbour's fuel use by more than two thirds. Because electric drives need less maintenance, the cranes also spend less time out of service.</p>
<h2>Ships plugging in</h2>
<p>The next step is shore power: connections that let ships switch off their engines and draw electricity from the grid while they are moored. The first two berths will be equipped next year, starting with the ferry terminal, where vessels spend the longest time alongside.</p>
<blockquote>"A ship running its engines all day at the quay is like a small power station parked next to the town," said the harbour master, Elin Varro. "Plugging in will make a real difference to the air on the waterfront."</blockquote>
<p>The project was paid for by the port authority with a loan from a regional infrastructure fund, to be repaid from fuel savings over about twelve years. Dock workers were retrained to operate and maintain the new equipment, and the port says no jobs were lost in the change.</p>`,
		},
		// 30
		{
			Key:      "food-sharing",
			Title:    "Neighbours share surplus food through street-corner fridges",
			Excerpt:  "Five community fridges in Eastholm let residents, bakeries and allotment growers leave food they cannot use for anyone to take, free of charge.",
			Category: "society",
			Tags:     []string{"food", "community", "volunteers"},
			Author:   "elira",
			HoursAgo: 1500,
			Art:      "market",
			Caption:  "An illustration of bread, fruit and vegetables laid out to share.",
			Alt:      "Illustration of baskets of fresh food on a stall.",
			Body: `<p>On the corner of Weaver Street in Eastholm stands a white fridge with a hand-painted sign: "Take what you need, leave what you can." Inside, on a typical morning, there might be bread from a nearby bakery, a bag of apples, a tray of courgettes from someone's allotment and a few yoghurts close to their date.</p>
<p>It is one of five community fridges set up by residents over the past year. Anyone can leave food that is still good to eat, and anyone can take it, with no questions asked and no forms to fill in.</p>
<p>A team of about thirty volunteers checks each fridge twice a day, cleaning the shelves, removing anything past its use-by date and keeping a log of what comes in and goes out. According to their records, around four tonnes of food passed through the fridges in the first year.</p>
<blockquote>"Some people use it because money is tight, and some because they hate waste," said Yara Bellamy, who helped to set up the first fridge. "Quite often it is the same person doing both, leaving lettuce from their garden and taking a loaf."</blockquote>
<p>Local shops and bakeries have become regular donors, and the allotment society organises a rota in late summer, when its members grow more than they can eat. The city's environmental health team advised on food safety rules, which are posted on every fridge.</p>
<p>The group hopes to open two more fridges this year and is looking for shops or community buildings willing to host them and pay for the electricity.</p>`,
			Comments: []Comment{
				{Name: "Kofi", Body: "The bakery on our street drops off its leftovers every evening. It is lovely to see the fridge empty by breakfast.", HoursAgo: 1400},
				{Name: "Marta", Body: "Brilliant idea. Could the organisers share how they sorted out the electricity costs?", HoursAgo: 1200},
			},
		},
	},
}
