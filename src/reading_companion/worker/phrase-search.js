// Phrase search for Material for MkDocs' search worker. The companion's plugin appends this
// file to Material's worker script; Material's own ranking is kept and only adjusted.
//
// Material's search is a bag of words: "hidden Kremlin agenda" matches any document with
// "Kremlin" in its title (weighted a thousand times its text) before the paragraph that holds
// the three words in a row, and every word gets a trailing wildcard, so "in" matches
// "invasion". Here a query of several words ranks first the documents that hold it as typed,
// consecutive, even when every word is a stop word ("It was an"); an article's paragraph that
// holds it comes before an entry or explainer quoting the same words; and a query that is a
// document's whole title or one of its other names (an entry's term or alias) ranks that
// document first. A paragraph's result shows the sentences that hold the words found, not
// the whole paragraph.
(() => {
  // Tiers above Material's ranking: 3 for a document whose whole title or other name is the
  // query (an entry's term or alias), 2 for an article's paragraph that holds the phrase, 1
  // for any other document that holds it. A document of tier k scores (its score + the best score) × 20^k;
  // Material's own boosts differ by at most five times between two documents, so none passes
  // a document of a higher tier, and Material's order holds within a tier.
  const TIER_BASE = 20;
  // Words as the site's search separator cuts them (mkdocs.yml): lower case, without markup,
  // punctuation, quotes or apostrophes, so that "Putin's" typed finds "Putin’s".
  const words = (text) => text
    .replace(/<[^>]*>|&[#\w]+;/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
    .split(/[\s-]+/)
    .filter(Boolean)
    .join(" ");

  const texts = new Map();
  const names = new Map(); // each document's title and other names, as words
  const paragraphs = new Set();
  addEventListener("message", (event) => {
    if (event.data.type !== 0) return; // 0: Material's set-up message, with the documents
    for (const doc of event.data.data.docs) {
      texts.set(doc.location, ` ${words(`${doc.title} ${doc.text}`)} `);
      names.set(doc.location, [doc.title, ...(doc.names || [])].map(words));
      if (doc.paragraph) paragraphs.add(doc.location); // marked by the companion's plugin
    }
  });

  function tier(ref, phrase) {
    if (names.get(ref).includes(phrase)) return 3;
    if (!phrase.includes(" ") || !texts.get(ref).includes(` ${phrase} `)) return 0;
    return paragraphs.has(ref) ? 2 : 1;
  }

  // A match Material can read for a document found by its phrase alone (every word a stop
  // word, which Material's index leaves out): every word found, no position to highlight.
  function phraseMatch(phrase) {
    const match = new lunr.MatchData();
    for (const word of phrase.split(" ")) match.add(word, "text", { position: [] });
    return match;
  }

  // Material gives every word a trailing wildcard, which also lets a stop word or a single
  // letter through the stop-word filter: "in" matched "influence" and "incursion", "a" every
  // word with an a first. Such words are searched as typed, so the filter drops them.
  const isNoise = (word) => word.length < 2 || !lunr.stopWordFilter(word.toLowerCase());
  const asTyped = (query) =>
    query.replace(/(^|\s)([^\s*:+~^-][^\s*:]*)\*(?=\s|$)/g, (all, space, word) =>
      isNoise(word) ? space + word : all);

  const search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    const results = search.call(this, asTyped(query));
    const phrase = words(query.replace(/[*+~^]/g, " "));
    if (!phrase) return results;
    const byRef = new Map(results.map((result) => [result.ref, result]));
    const best = Math.max(1, ...results.map((result) => result.score));
    for (const ref of texts.keys()) {
      const k = tier(ref, phrase);
      if (!k) continue;
      let result = byRef.get(ref);
      if (!result) {
        result = { ref, score: 0, matchData: phraseMatch(phrase) };
        results.push(result);
      }
      result.score = (result.score + best) * TIER_BASE ** k;
    }
    return results.sort((a, b) => b.score - a.score);
  };

  // Material's results leave the worker through postMessage: a paragraph's title (its number
  // and text, the words found marked) keeps only the sentences from the first mark to the last.
  const SENTENCE_END = /(?<=[.?!][\u201d\u2019"]?)\s+(?=[\u201c\u2018"A-Z])/;
  function sentencesFound(title) {
    const [, number, text] = title.match(/^(\u00b6\S*\s*\d+\s)([\s\S]*)$/) || [];
    if (!text || !text.includes("<mark>")) return title;
    const sentences = text.split(SENTENCE_END);
    const first = sentences.findIndex((sentence) => sentence.includes("<mark>"));
    const last = sentences.findLastIndex((sentence) => sentence.includes("</mark>"));
    const kept = sentences.slice(first, last + 1).join(" ");
    return number + (first > 0 ? "\u2026 " : "") + kept + (last < sentences.length - 1 ? " \u2026" : "");
  }
  // Stop words leave the results' terms too: Material highlights a result's terms on the page
  // it opens (?h=), where "a" would light up every word holding an a.
  const post = self.postMessage.bind(self);
  self.postMessage = (message) => {
    if (message.type === 3) { // 3: Material's results message
      for (const item of message.data.items.flat()) {
        if (paragraphs.has(item.location)) item.title = sentencesFound(item.title);
        for (const term of Object.keys(item.terms || {})) if (isNoise(term)) delete item.terms[term];
      }
    }
    post(message);
  };
})();
