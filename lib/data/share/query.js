// kennis's query language, read as `kennis search` reads it (lib/src/search/query.cpp): words
// are ANDed; "a phrase"; prefix*; a OR b; -word or NOT word excludes; title:, theme:, tag: and
// type: limit a word or phrase to a field; a plain word, or run of plain words, that is a form of
// a synonym group also finds the group's other forms. The result is the query as the catalogue's
// index evaluates it: ANDed groups of ORed alternatives, and phrases to exclude.
var kennisZoek = window.kennisZoek || (window.kennisZoek = {});
(function (K) {
  'use strict';
  var fields = { title: 0, theme: 1, tag: 2, type: 3 };

  // Lower case without accents, as the index folds text.
  K.fold = function (text) { return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase(); };
  K.words = function (text) { return K.fold(text).split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean); };
  var hasWord = function (text) { return /[\p{L}\p{N}]/u.test(text); };
  var isSpace = function (c) { return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '(' || c === ')'; };

  function QueryError(message) { this.message = message; }
  K.QueryError = QueryError;

  function lex(q) {
    var tokens = [], i = 0, negateNext = false;
    var fail = function (what, column) { throw new QueryError(what + ' (bij teken ' + column + ')'); };
    var scanWord = function (from) { while (from < q.length && !isSpace(q[from]) && q[from] !== '"') from++; return from; };
    while (i < q.length) {
      if (isSpace(q[i])) { i++; continue; }
      var start = i, negated = negateNext, field = -1;
      negateNext = false;
      if (q[i] === '-') {
        if (i + 1 >= q.length || isSpace(q[i + 1])) fail("een '-' hoort direct voor het woord dat het uitsluit", i + 1);
        negated = true;
        i++;
      }
      var end = scanWord(i), word = q.slice(i, end), colon = word.indexOf(':'), name = colon > 0 ? word.slice(0, colon) : '';
      if (colon > 0 && /^[a-z]+$/.test(name)) {
        var bare = colon + 1 === word.length && (end >= q.length || q[end] !== '"');
        if (Object.prototype.hasOwnProperty.call(fields, name)) {
          if (bare) fail("'" + name + ":' heeft direct een woord of \"woordgroep\" nodig", i + 1);
          field = fields[name];
          i += colon + 1;
        } else if (!bare) {
          fail("er is geen veld '" + name + ":'; de velden zijn title:, theme:, tag: en type:", i + 1);
        }
      }
      if (i < q.length && q[i] === '"') {
        var close = q.indexOf('"', i + 1);
        if (close < 0) fail('een aanhalingsteken is niet gesloten', i + 1);
        var phrase = { kind: 'phrase', text: q.slice(i + 1, close), negated: negated, prefix: false, field: field, column: start + 1 };
        i = close + 1;
        if (i < q.length && q[i] === '*') { phrase.prefix = true; i++; }
        tokens.push(phrase);
        continue;
      }
      end = scanWord(i);
      var text = q.slice(i, end);
      i = end;
      if (!negated && field < 0 && (text === 'OR' || text === 'AND' || text === 'NOT')) {
        if (text === 'NOT') negateNext = true;
        else tokens.push({ kind: text === 'OR' ? 'or' : 'and', column: start + 1 });
        continue;
      }
      var prefix = false;
      if (text.endsWith('*')) { text = text.slice(0, -1); prefix = true; }
      if (text.indexOf('*') >= 0) fail("een '*' kan alleen een woord afsluiten", start + 1 + text.indexOf('*'));
      if (prefix && !hasWord(text)) fail("een '*' hoort na het begin van een woord", start + 1);
      if (text.endsWith(':')) text = text.slice(0, -1);
      tokens.push({ kind: 'term', text: text, negated: negated, prefix: prefix, field: field, column: start + 1 });
    }
    if (negateNext) fail('NOT heeft een woord nodig', q.length);
    return tokens;
  }

  // A phrase as the index looks it up: its words, stemmed unless it is a prefix (then only its
  // last word is matched as the start of words), and the column it is limited to.
  var phraseOf = function (text, prefix, column) {
    var words = K.words(text);
    return { kind: 'phrase', words: prefix ? words : words.map(K.stem), prefix: prefix, column: column };
  };
  var atom = function (t) { return hasWord(t.text) ? phraseOf(t.text, t.prefix, t.field) : null; };

  // Parses `query`; throws QueryError saying what is wrong. `synonyms` are the groups of the
  // index: lists of forms, each a list of folded words.
  K.parse = function (query, synonyms) {
    var q = query.replace(/[\u0000-\u001f\u007f]/g, ' ');
    var tokens = lex(q);
    var formKey = function (words) { return words.join(' '); };
    var groupOf = {}, longest = 0;
    synonyms.forEach(function (group) {
      group.forEach(function (form) { groupOf[formKey(form)] = group; longest = Math.max(longest, form.length); });
    });
    var plain = function (k) {
      var t = tokens[k];
      return t.kind === 'term' && !t.negated && !t.prefix && t.field < 0 && hasWord(t.text);
    };
    var isOr = function (k) { return k < tokens.length && k >= 0 && tokens[k].kind === 'or'; };
    var besideOr = function (k) { return isOr(k + 1) || isOr(k - 1); };
    var synonymAt = function (k) {
      var words = [], found = null;
      for (var j = k; j < tokens.length && plain(j) && (j === k || !besideOr(j)); j++) {
        if (j > k && besideOr(k)) break;
        words = words.concat(K.words(tokens[j].text));
        if (words.length > longest) break;
        var group = groupOf[formKey(words)];
        if (group) found = { n: j - k + 1, group: group, words: words.slice() };
      }
      return found;
    };

    var groups = [], excluded = [], joining = false, lastColumn = 1;
    var fail = function (what, column) { throw new QueryError(what + ' (bij teken ' + column + ')'); };
    for (var k = 0; k < tokens.length; k++) {
      var t = tokens[k];
      if (t.kind === 'and') continue;
      if (t.kind === 'or') {
        if (!groups.length || joining) fail('OR heeft een woord ervoor nodig', t.column);
        if (k + 1 === tokens.length) fail('OR heeft een woord erna nodig', t.column);
        if (tokens[k + 1].negated) fail('een uitgesloten woord kan geen kant van een OR zijn', tokens[k + 1].column);
        joining = true;
        continue;
      }
      lastColumn = t.column;
      if (t.negated) {
        if (joining) fail('een uitgesloten woord kan geen kant van een OR zijn', t.column);
        var a = atom(t);
        if (a) excluded.push(a);
        continue;
      }
      var alternatives = [], found = plain(k) ? synonymAt(k) : null;
      if (found) {
        var typed = [];
        for (var j = k; j < k + found.n; j++) typed.push(atom(tokens[j]));
        alternatives.push(typed.length === 1 ? typed[0] : { kind: 'and', parts: typed });
        found.group.forEach(function (form) {
          if (formKey(form) !== formKey(found.words)) alternatives.push(phraseOf(form.join(' '), false, -1));
        });
        k += found.n - 1;
      } else {
        var single = atom(t);
        if (!single) { joining = false; continue; }
        alternatives.push(single);
      }
      if (joining && groups.length) groups[groups.length - 1] = groups[groups.length - 1].concat(alternatives);
      else groups.push(alternatives);
      joining = false;
    }
    if (!groups.length)
      fail(excluded.length ? 'er is geen woord om naar te zoeken naast de uitgesloten woorden' : 'er is geen woord om naar te zoeken', lastColumn);
    return { groups: groups, excluded: excluded };
  };
})(kennisZoek);
