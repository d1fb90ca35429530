// The search itself: loads the parts of the index a query needs (each a script, which a page
// opened from disk may load) and ranks the rows (a document's pages) as the catalogue's FTS5
// index ranks them with bm25, so that the share lists the documents `kennis search` lists, in
// its order. A document is found at its best page.
var kennisZoek = window.kennisZoek || (window.kennisZoek = {});
(function (K) {
  'use strict';
  var folder = 'zoekindex/';
  var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var digit = new Int8Array(128).fill(-1);
  for (var a = 0; a < alphabet.length; a++) digit[alphabet.charCodeAt(a)] = a;

  // The numbers of an encoded string: five bits to a character, lowest first, the sixth bit
  // saying that more follow (lib/src/export/share_search.cpp writes them).
  function decode(text) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var d = digit[text.charCodeAt(i)];
      value += (d & 31) * Math.pow(2, shift);
      if (d & 32) { shift += 5; continue; }
      out.push(value);
      value = 0;
      shift = 0;
    }
    return out;
  }

  var index = null, terms = {}, postingsOf = new Map(), vocabulary = null, texts = {}, loading = {};
  var readyCallbacks = [];

  // Called by index.txt: the rows (document, page, length in words), the number of postings files,
  // the column weights and the synonyms.
  K.index = function (data) {
    var n = decode(data.rows), doc = 0;
    index = { docs: [], pages: [], lengths: [], shards: data.shards, weights: data.weights, synonyms: data.synonyms, parts: data.parts || {},
              tokens: 0 };
    for (var i = 0; i < n.length; i += 3) {
      doc += n[i];
      index.docs.push(doc);
      index.pages.push(n[i + 1]);
      index.lengths.push(n[i + 2]);
      index.tokens += n[i + 2];
    }
    readyCallbacks.splice(0).forEach(function (f) { f(); });
  };
  K.terms = function (shard, words) { for (var w in words) terms[w] = words[w]; };
  K.vocabulary = function (words) { vocabulary = words.split('\n').filter(Boolean); };
  K.texts = function (bucket, pages) { for (var p in pages) texts[p] = pages[p]; };
  K.whenReady = function (f) { if (index) f(); else readyCallbacks.push(f); };
  K.synonyms = function () { return index.synonyms; };

  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = folder + path;
        s.onload = resolve;
        s.onerror = function () { reject(new Error('kan ' + folder + path + ' niet laden')); };
        document.head.appendChild(s);
      });
    }
    return loading[path];
  }

  var encoder = new TextEncoder();
  function shardOf(word) {
    var bytes = encoder.encode(word), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
    return h % index.shards;
  }

  // A word's rows: row → list of [column, positions].
  function postings(word) {
    var known = postingsOf.get(word);
    if (known) return known;
    var rows = new Map(), text = terms[word];
    if (text) {
      var n = decode(text), i = 0, row = 0, first = true;
      while (i < n.length) {
        row = first ? n[i++] : row + n[i++];
        first = false;
        var columns = [], last = 0;
        do {
          var head = n[i++], count = Math.floor(head / 16), column = (head >> 1) & 7, position = 0, positions = [];
          last = head & 1;
          for (var k = 0; k < count; k++) { position += n[i++]; positions.push(position); }
          columns.push([column, positions]);
        } while (!last);
        rows.set(row, columns);
      }
    }
    postingsOf.set(word, rows);
    return rows;
  }

  // The postings of every word that starts with `prefix`, as one word's.
  function prefixPostings(prefix) {
    var key = '\u0000' + prefix;
    if (postingsOf.has(key)) return postingsOf.get(key);
    var merged = new Map();
    vocabulary.forEach(function (word) {
      if (!word.startsWith(prefix)) return;
      postings(word).forEach(function (columns, row) {
        var into = merged.get(row) || [];
        columns.forEach(function (c) {
          var same = into.find(function (x) { return x[0] === c[0]; });
          if (same) same[1] = same[1].concat(c[1]).sort(function (x, y) { return x - y; });
          else into.push([c[0], c[1].slice()]);
        });
        merged.set(row, into);
      });
    });
    postingsOf.set(key, merged);
    return merged;
  }

  function phrasesOf(query) {
    var list = [];
    query.groups.forEach(function (g) {
      g.forEach(function (alt) { if (alt.kind === 'and') list.push.apply(list, alt.parts); else list.push(alt); });
    });
    return list.concat(query.excluded);
  }

  // Loads what the phrases need: the vocabulary for prefixes, then the postings files.
  function loadFor(query) {
    var phrases = phrasesOf(query);
    var needVocabulary = phrases.some(function (p) { return p.prefix; });
    return (needVocabulary ? load('woorden.txt') : Promise.resolve()).then(function () {
      var shards = {};
      phrases.forEach(function (p) {
        p.words.forEach(function (w, i) {
          if (p.prefix && i === p.words.length - 1)
            vocabulary.forEach(function (v) { if (v.startsWith(w)) shards[shardOf(v)] = true; });
          else shards[shardOf(w)] = true;
        });
      });
      return Promise.all(Object.keys(shards).map(function (s) { return load('t/' + s + '.txt'); }));
    });
  }

  // Row → instances of the phrase in each column (only rows that hold it).
  function match(phrase) {
    var lists = phrase.words.map(function (w, i) {
      return phrase.prefix && i === phrase.words.length - 1 ? prefixPostings(w) : postings(w);
    });
    var out = new Map();
    if (!lists.length) return out;
    lists[0].forEach(function (columns, row) {
      var counts = [0, 0, 0, 0, 0], any = false;
      columns.forEach(function (c) {
        if (phrase.column >= 0 && c[0] !== phrase.column) return;
        var n = 0;
        if (lists.length === 1) n = c[1].length;
        else {
          var later = [];
          for (var k = 1; k < lists.length; k++) {
            var cols = lists[k].get(row), at = cols && cols.find(function (x) { return x[0] === c[0]; });
            if (!at) return;
            later.push(new Set(at[1]));
          }
          c[1].forEach(function (p) {
            if (later.every(function (set, k) { return set.has(p + k + 1); })) n++;
          });
        }
        if (n > 0) { counts[c[0]] += n; any = true; }
      });
      if (any) out.set(row, counts);
    });
    return out;
  }

  // Runs a parsed query: the documents found, best first, each at its best row, with that row's page.
  K.run = function (query) {
    return loadFor(query).then(function () {
      var matched = new Map();
      phrasesOf(query).forEach(function (p) { if (!matched.has(p)) matched.set(p, match(p)); });
      var altRows = function (alt, row) {
        return alt.kind === 'and' ? alt.parts.every(function (p) { return matched.get(p).has(row); }) : matched.get(alt).has(row);
      };
      // Candidates: the rows of the first group's alternatives, kept when every group matches.
      var candidates = new Set();
      query.groups[0].forEach(function (alt) {
        matched.get(alt.kind === 'and' ? alt.parts[0] : alt).forEach(function (_, row) { candidates.add(row); });
      });
      var rows = [];
      candidates.forEach(function (row) {
        if (!query.groups.every(function (g) { return g.some(function (alt) { return altRows(alt, row); }); })) return;
        if (query.excluded.some(function (p) { return matched.get(p).has(row); })) return;
        rows.push(row);
      });
      // bm25 as FTS5 computes it: each phrase's idf over all rows, its frequency weighted by
      // column, the row's length against the average.
      var total = index.docs.length, average = index.tokens / total, k1 = 1.2, b = 0.75;
      var scored = [];
      var positive = [];
      query.groups.forEach(function (g) {
        g.forEach(function (alt) { (alt.kind === 'and' ? alt.parts : [alt]).forEach(function (p) { positive.push({ phrase: p, alt: alt }); }); });
      });
      var idf = positive.map(function (x) {
        var hits = matched.get(x.phrase).size, v = Math.log((total - hits + 0.5) / (hits + 0.5));
        return v <= 0 ? 1e-6 : v;
      });
      rows.forEach(function (row) {
        var score = 0, length = index.lengths[row];
        positive.forEach(function (x, i) {
          var f = 0;
          if (altRows(x.alt, row)) {
            var counts = matched.get(x.phrase).get(row);
            for (var c = 0; c < counts.length; c++) f += counts[c] * index.weights[c];
          }
          score += idf[i] * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * length) / average)));
        });
        scored.push({ row: row, score: -score });
      });
      scored.sort(function (x, y) { return x.score - y.score || x.row - y.row; });
      var seen = new Set(), hits = [];
      scored.forEach(function (s) {
        var doc = index.docs[s.row];
        if (seen.has(doc)) return;
        seen.add(doc);
        var bodyHit = positive.some(function (x) { var c = matched.get(x.phrase).get(s.row); return c && c[4] > 0; });
        hits.push({ doc: doc, page: bodyHit ? index.pages[s.row] : 0, part: bodyHit ? index.parts[s.row] : undefined, score: s.score });
      });
      return hits;
    });
  };

  // The text of a document's page, loaded with the pages beside it.
  K.pageText = function (doc, page) {
    var key = doc + '-' + page;
    if (texts[key] !== undefined) return Promise.resolve(texts[key]);
    return load('x/' + Math.floor(doc / 8) + '-' + Math.floor(page / 16) + '.txt').then(function () { return texts[key] || ''; });
  };

  // Whether a word of a text is one the query looks for: its stem is, or it starts with a prefix.
  K.matcher = function (query) {
    var stems = new Set(), prefixes = [];
    phrasesOf(query).forEach(function (p) {
      if (query.excluded.indexOf(p) >= 0) return;
      p.words.forEach(function (w, i) { if (p.prefix && i === p.words.length - 1) prefixes.push(w); else if (!p.prefix) stems.add(w); else stems.add(K.stem(w)); });
    });
    return function (word) {
      var folded = K.fold(word);
      return stems.has(K.stem(folded)) || prefixes.some(function (p) { return folded.startsWith(p); });
    };
  };
})(kennisZoek);
