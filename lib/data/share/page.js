// The page on the share: a query typed (or given as index.html#q=…) is searched and its
// documents listed best first, twenty at a time, each with a snippet of the page it was found on;
// with no query the page lists every document by theme. Everything from a document reaches the
// page as text, never as markup.
var kennisZoek = window.kennisZoek || (window.kennisZoek = {});
(function (K) {
  'use strict';
  var perPage = 20;
  var $ = function (id) { return document.getElementById(id); };
  var input = $('q'), results = $('results'), list = $('hits'), more = $('more'), none = $('none'), status = $('status'), listing = $('listing');
  var found = [], shown = 0, query = null, run = 0, timer = 0;

  // What the listing shows of a document: its first entry's link, title, type, date and themes.
  function documentOnPage(id) {
    var li = document.getElementById('doc-' + id);
    if (!li) return null;
    var a = li.querySelector('a'), type = li.querySelector('.type'), time = li.querySelector('time');
    return { href: a.getAttribute('href'), title: a.textContent, type: type ? type.textContent : '', date: time ? time.textContent : '',
             themes: li.dataset.themes };
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Twenty words around the best place on the page, the words looked for marked.
  function snippet(text, isWanted) {
    var words = [], re = /[\p{L}\p{N}\p{M}\p{Co}]+/gu, m;
    while ((m = re.exec(text))) words.push({ at: m.index, end: m.index + m[0].length, wanted: isWanted(m[0]) });
    var width = 20, best = 0, bestCount = -1, count = 0;
    for (var i = 0; i < words.length; i++) {
      if (words[i].wanted) count++;
      if (i >= width && words[i - width].wanted) count--;
      if (count > bestCount) { bestCount = count; best = Math.max(0, i - width + 1); }
    }
    var p = element('p', 'snippet');
    if (!words.length) return p;
    var last = Math.min(words.length, best + width) - 1, from = words[best].at;
    if (best > 0) p.appendChild(document.createTextNode('…'));
    for (var k = best; k <= last; k++) {
      var w = words[k];
      if (w.at > from) p.appendChild(document.createTextNode(text.slice(from, w.at).replace(/\s+/g, ' ')));
      p.appendChild(w.wanted ? element('mark', '', text.slice(w.at, w.end)) : document.createTextNode(text.slice(w.at, w.end)));
      from = w.end;
    }
    if (last < words.length - 1) p.appendChild(document.createTextNode('…'));
    return p;
  }

  // Adds a hit to the list at once; its snippet follows when its page's text has loaded.
  function addHit(hit, isWanted, thisRun) {
    var d = documentOnPage(hit.doc);
    var li = element('li');
    li.dataset.hit = hit.doc;
    var a = element('a');
    // A sheet or a slide is no page a viewer can open at.
    a.href = d.href + (hit.page > 0 && !hit.part ? '#page=' + hit.page : '');
    a.appendChild(element('bdi', '', d.title));
    li.appendChild(a);
    var info = element('div', 'info');
    if (d.type) info.appendChild(element('span', 'type', d.type));
    if (d.date) info.appendChild(element('time', '', d.date));
    if (d.themes) info.appendChild(element('span', 'themes', d.themes));
    if (hit.page > 0) info.appendChild(element('span', 'page', hit.part || 'p. ' + hit.page));
    li.appendChild(info);
    list.appendChild(li);
    if (!(hit.page > 0)) return Promise.resolve();
    return K.pageText(hit.doc, hit.page).then(function (text) {
      if (thisRun !== run) return;
      var p = snippet(text, isWanted);
      p.dataset.page = hit.page;
      li.appendChild(p);
    }, function () {});
  }

  // Shows the next twenty hits; their snippets follow as their pages' text arrives.
  function showMore(thisRun, started) {
    var next = found.slice(shown, shown + perPage), isWanted = K.matcher(query);
    shown += next.length;
    more.hidden = shown >= found.length;
    var pending = next.map(function (hit) { return addHit(hit, isWanted, thisRun); });
    if (started !== undefined) document.documentElement.dataset.hitsMs = (performance.now() - started).toFixed(1);
    return Promise.all(pending).then(function () {
      if (thisRun !== run) return;
      results.dataset.state = 'done';
      if (started !== undefined) document.documentElement.dataset.doneMs = (performance.now() - started).toFixed(1);
    });
  }

  function search(text) {
    var thisRun = ++run, started = performance.now();
    found = [];
    shown = 0;
    list.textContent = '';
    none.hidden = true;
    none.removeAttribute('data-empty');
    more.hidden = true;
    status.textContent = '';
    status.className = '';
    results.dataset.state = 'searching';
    if (!text.trim()) {
      results.hidden = true;
      listing.hidden = false;
      results.dataset.state = 'done';
      return;
    }
    results.hidden = false;
    listing.hidden = true;
    try {
      query = K.parse(text, K.synonyms());
    } catch (e) {
      if (!(e instanceof K.QueryError)) throw e;
      status.textContent = 'Deze zoekvraag klopt niet: ' + e.message;
      status.className = 'error';
      results.dataset.state = 'done';
      return;
    }
    K.run(query).then(function (hits) {
      if (thisRun !== run) return;
      // Hits whose document the listing does not have (a file that could not be written) are left out.
      found = hits.filter(function (h) { return document.getElementById('doc-' + h.doc); });
      status.textContent = found.length === 1 ? '1 document gevonden' : found.length + ' documenten gevonden';
      if (!found.length) {
        none.hidden = false;
        none.dataset.empty = '';
        results.dataset.state = 'done';
        document.documentElement.dataset.hitsMs = (performance.now() - started).toFixed(1);
        return;
      }
      return showMore(thisRun, started);
    }).catch(function (e) {
      if (thisRun !== run) return;
      status.textContent = 'Zoeken lukte niet: ' + e.message;
      status.className = 'error';
      results.dataset.state = 'done';
    });
  }

  function fromHash() {
    return location.hash.indexOf('#q=') === 0 ? decodeURIComponent(location.hash.slice(3).replace(/\+/g, ' ')) : '';
  }

  more.addEventListener('click', function () { showMore(run); });
  // A theme in the bar shows the listing again, at that theme.
  document.querySelectorAll('nav a').forEach(function (a) {
    a.addEventListener('click', function () { if (input.value) { input.value = ''; search(''); } });
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      history.replaceState(null, '', input.value ? '#q=' + encodeURIComponent(input.value) : location.pathname);
      search(input.value);
    }, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { clearTimeout(timer); search(input.value); }
  });
  window.addEventListener('hashchange', function () {
    var text = fromHash();
    if (text !== input.value) { input.value = text; search(text); }
  });
  // The listing is drawn only once the search is ready (a page of ten thousand documents takes a
  // second to lay out), and not at all when the page opens with a query.
  K.whenReady(function () {
    document.documentElement.dataset.readyMs = performance.now().toFixed(1);
    input.disabled = false;
    input.value = fromHash();
    search(input.value);
  });
})(kennisZoek);
