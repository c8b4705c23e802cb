// Drives Masthead's WordPress-compatible API with node-wpapi, a real
// WordPress REST client, and prints what it saw as one JSON object for the
// Go test (internal/wpapi/client_test.go) to check.
//
//   node client.mjs BASEURL            reads only
//   WP_USER=… WP_PASSWORD=… node client.mjs BASEURL   also creates a post and uploads a picture
import WPAPI from 'wpapi';

const base = process.argv[2];
if (!base) {
  console.error('usage: node client.mjs BASEURL');
  process.exit(2);
}

const summary = (list) => ({
  ids: list.map((p) => p.id),
  total: list._paging ? list._paging.total : null,
  totalPages: list._paging ? list._paging.totalPages : null,
  hasNext: Boolean(list._paging && list._paging.next),
  hasPrev: Boolean(list._paging && list._paging.prev),
});

// discover() follows the Link header of the home page to /wp-json/ and
// builds its routes from the index.
const site = await WPAPI.discover(base);
const out = {};

const first = await site.posts().perPage(5).get();
out.first = summary(first);
out.firstPost = {
  id: first[0].id, title: first[0].title.rendered, link: first[0].link,
  categories: first[0].categories, tags: first[0].tags, author: first[0].author, lang: first[0].lang,
};

const cat = first[0].categories[0];
const inCat = await site.posts().categories(cat).perPage(100).get();
out.category = { id: cat, ...summary(inCat), allHaveIt: inCat.every((p) => p.categories.includes(cat)) };

const word = first[0].title.rendered.split(/\s+/).sort((a, b) => b.length - a.length)[0];
const found = await site.posts().search(word).get();
out.search = { word, ...summary(found) };

const fa = await site.posts().param('lang', 'fa').perPage(3).get();
out.lang = { ...summary(fa), langs: [...new Set(fa.map((p) => p.lang))], links: fa.map((p) => p.link) };

const page2 = await site.posts().perPage(7).page(2).get();
out.page2 = summary(page2);
const page3 = await page2._paging.next.get();
out.page3 = summary(page3);

const embedded = await site.posts().embed().perPage(3).get();
out.embed = embedded.map((p) => ({
  id: p.id,
  author: p._embedded && p._embedded.author ? p._embedded.author[0].name : null,
  authorID: p._embedded && p._embedded.author ? p._embedded.author[0].id : null,
  postAuthor: p.author,
  media: p._embedded && p._embedded['wp:featuredmedia'] ? p._embedded['wp:featuredmedia'][0].source_url : null,
  categories: p._embedded && p._embedded['wp:term'] ? p._embedded['wp:term'][0].map((t) => t.slug) : null,
}));

const one = await site.posts().id(first[0].id).get();
out.single = { id: one.id, slug: one.slug };
out.counts = {
  categories: (await site.categories().get())._paging.total,
  tags: (await site.tags().get())._paging.total,
  users: (await site.users().get())._paging.total,
  pages: (await site.pages().get())._paging.total,
  media: (await site.media().get())._paging.total,
  comments: (await site.comments().get())._paging.total,
};

try {
  await site.posts().id(999999).get();
  out.missing = null;
} catch (err) {
  out.missing = { code: err.code, status: err.data && err.data.status };
}

if (process.env.WP_USER) {
  const wp = new WPAPI({ endpoint: base + '/wp-json', username: process.env.WP_USER, password: process.env.WP_PASSWORD });
  const created = await wp.posts().create({
    title: 'Written with node-wpapi', content: '<p>Sent by a WordPress client.</p>', status: 'publish', categories: [cat],
  });
  out.created = { id: created.id, status: created.status, link: created.link };
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  const uploaded = await wp.media().file(png, 'client-pixel.png').create({ alt_text: 'Two by two pixels' });
  out.uploaded = { id: uploaded.id, media_type: uploaded.media_type, alt: uploaded.alt_text, source: uploaded.source_url };
  try {
    await new WPAPI({ endpoint: base + '/wp-json', username: process.env.WP_USER, password: 'wrong password' })
      .posts().create({ title: 'x', categories: [cat] });
    out.wrongPassword = null;
  } catch (err) {
    out.wrongPassword = { code: err.code, status: err.data && err.data.status };
  }
}

console.log(JSON.stringify(out));
