#!/usr/bin/env python3
"""The search on the share, as a colleague opens it: a stand-in Kennisbank on 127.0.0.1 with
Dutch text in its PDFs is synced, fetched and exported as copies, and index.html is opened from
file:// in headless Chromium. For every query below the page's hits (data-hit, in rank order, all
of them) must be the documents `kennis search QUERY --format json` finds among the exported ones,
and for at least 90 % of the queries the first hit must be the same. Markup in a document's text
is shown as text and runs nothing.

    share_search.py KENNIS_BIN TEST_SERVER
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time

QUERIES = [
    "verzuim", "leerplichtambtenaren", "handreikingen", "thuiszitter", "vrijstellingen",  # stems
    "coördinatiefunctie", "Coordinatiefunctie", "OUDERS",  # case and accents
    '"voortijdig schoolverlaten"', '"snel terug"', '"proces-verbaal"', '"zonder werk"',  # phrases
    "handr*", "startkwal*", "verzuim*",  # prefixes
    "leerplicht -handboek", "verzuim NOT ziekte", "school -thuiszitters -mbo",  # exclusion
    "thuiszitters OR vrijstelling", "boete OR taakstraf OR waarschuwing",  # OR
    "theme:thuiszitters", "type:rapport", "title:handboek", 'title:"handboek leerplicht"',  # fields
    "tag:regio", "zaanstad regio",
    "vsv", "voortijdig schoolverlaten", "rmc", "mas", "lpa", "avg", "po", "vo verzuim",  # synonyms
    "jongeren 2020", "gemeente aanpak", "onderwijs zorg leerling", "ziekteverzuim jeugdarts",
    "xyzzy", "opmaak", "-verzuim", "OR verzuim",  # no hits, markup, bad queries
]

HARNESS = r"""
// Runs every query as a colleague would (index.html#q=…), reads all its hits (pressing "more"
// until there are no more), and leaves the outcome in <pre id="harness">.
var queries = %s, out = {}, i = 0;
window.alert = function () { window.alerted = true; };
function whenDone(then) {
  var results = document.getElementById('results');
  (function poll() { if (results.dataset.state === 'done') then(); else setTimeout(poll, 5); })();
}
function next() {
  if (i >= queries.length) {
    var pre = document.createElement('pre');
    pre.id = 'harness';
    pre.textContent = JSON.stringify({ queries: out, alerted: !!window.alerted });
    document.body.appendChild(pre);
    return;
  }
  var q = queries[i++];
  document.getElementById('results').dataset.state = 'pending';
  location.hash = '#q=' + encodeURIComponent(q);
  whenDone(function more() {
    var button = document.getElementById('more');
    if (!button.hidden) {
      document.getElementById('results').dataset.state = 'pending';
      button.click();
      whenDone(more);
      return;
    }
    var status = document.getElementById('status');
    out[q] = {
      hits: Array.prototype.map.call(document.querySelectorAll('[data-hit]'), function (e) { return Number(e.dataset.hit); }),
      pages: Array.prototype.map.call(document.querySelectorAll('#hits [data-page]'), function (e) { return Number(e.dataset.page); }),
      empty: !!document.querySelector('[data-empty]'),
      error: status.className === 'error' ? status.textContent : null,
      markup: document.querySelectorAll('#hits img, #hits b, #hits script').length,
      text: document.getElementById('hits').textContent
    };
    next();
  });
}
kennisZoek.whenReady(function () { setTimeout(next, 0); });
"""


def chromium_dom(url):
    return subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=60000", "--dump-dom", url],
        capture_output=True, text=True, timeout=240).stdout


def main():
    kennis, server = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        proc = subprocess.Popen([server, "--port-file", "port", "--lifetime", "240", "--text", "yes"])
        try:
            for _ in range(200):
                if os.path.exists("port") and open("port").read().strip():
                    break
                time.sleep(0.05)
            port = open("port").read().strip()
            run = lambda *args: subprocess.run([kennis, "--home", "lib", *args], capture_output=True, text=True)
            run("sync", "--source", f"http://127.0.0.1:{port}/kennisbank", "--fetch", "-q").check_returncode()
            run("tag", "add", "regio/zaanstad", "12", "14").check_returncode()
            run("export", "share", "--link", "copy", "-q").check_returncode()
        finally:
            proc.kill()
        with open("share/catalogue.csv", encoding="utf-8-sig") as f:
            exported = {int(row["id"]) for row in csv.DictReader(f)}

        # #q= on load: the query runs when the page opens.
        dom = chromium_dom("file://" + os.path.abspath("share/index.html") + "#q=verzuim")
        on_load = [int(x) for x in re.findall(r'data-hit="(\d+)"', dom)]
        if not on_load:
            failures.append("index.html#q=verzuim shows no hits when opened")
        if len(re.findall(r"data-hit=", dom)) != len(on_load):
            failures.append("an element besides the hits carries data-hit")

        page = open("share/index.html", encoding="utf-8").read()
        open("share/harness.js", "w").write(HARNESS % json.dumps(QUERIES))
        open("share/harness.html", "w", encoding="utf-8").write(page.replace("</body>", '<script src="harness.js"></script>\n</body>'))
        dom = chromium_dom("file://" + os.path.abspath("share/harness.html"))
        found = re.search(r'<pre id="harness">(.*?)</pre>', dom, re.S)
        if not found:
            print(dom[-2000:])
            print("FAIL: the page did not finish the queries")
            return 1
        import html
        outcome = json.loads(html.unescape(found.group(1)))
        same_first = 0
        compared = 0
        print(f"{'query':<34} {'page':>5} {'kennis':>7}  first hit")
        for q in QUERIES:
            got = outcome["queries"].get(q)
            r = run("search", q, "--format", "json", "--limit", "100000")
            if r.returncode == 2:
                ok = got is not None and got["error"] is not None
                print(f"{q:<34} {'error':>5} {'error':>7}  {'both refuse it' if ok else 'page does not refuse it'}")
                if not ok:
                    failures.append(f"{q}: kennis refuses it, the page does not")
                continue
            want = [h["id"] for h in json.loads(r.stdout) if h["id"] in exported]
            compared += 1
            first = "same" if got["hits"][:1] == want[:1] else f"page {got['hits'][:1]} kennis {want[:1]}"
            same_first += got["hits"][:1] == want[:1]
            print(f"{q:<34} {len(got['hits']):>5} {len(want):>7}  {first}")
            if sorted(got["hits"]) != sorted(want):
                failures.append(f"{q}: page {sorted(got['hits'])} != kennis {sorted(want)}")
            if len(set(got["hits"])) != len(got["hits"]):
                failures.append(f"{q}: a document is listed twice")
            if not want and not got["empty"]:
                failures.append(f"{q}: no hits, but no data-empty element")
            if want and got["empty"]:
                failures.append(f"{q}: hits, and a data-empty element")
        print(f"first hit the same for {same_first} of {compared} queries")
        if compared < 30:
            failures.append(f"only {compared} queries compared")
        if same_first < 0.9 * compared:
            failures.append(f"the first hit differs for more than 10 % of the queries")
        markup = outcome["queries"]["opmaak"]
        if outcome["alerted"] or markup["markup"] != 0 or "<img src=x onerror=alert(1)>" not in markup["text"] or "<b>vet</b>" not in markup["text"]:
            failures.append("the markup in a document's text is not shown as text: " + json.dumps(markup))
        if not outcome["queries"]["verzuim"]["pages"]:
            failures.append("no snippet names its page (data-page)")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
