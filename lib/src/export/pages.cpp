#include "export/pages.hpp"

#include "export/share_search.hpp"

#include "util/html.hpp"
#include "kennis/filename.hpp"
#include "kennis/title.hpp"
#include "util/unicode.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <iterator>
#include <set>
#include <unordered_map>

namespace kennis {
namespace {

// The files of a document to show under one of its themes: with a layout by theme, the one in
// that theme's folder; with other layouts, all of them.
// `folders` holds the folder of every theme, "Verzuim 18-/", made once for the whole page.
std::vector<std::string_view> links_under(const ExportEntry& e, const std::string& theme, const std::map<std::string, std::string>& folders) {
    auto in_other_theme = [&](const std::string& path) {
        return std::any_of(e.document.themes.begin(), e.document.themes.end(),
                           [&](const auto& t) { return t != theme && path.starts_with(folders.at(t)); });
    };
    std::vector<std::string_view> links;
    for (const auto& path : e.paths)
        if (!in_other_theme(path))
            links.emplace_back(path);
    if (links.empty())
        links.assign(e.paths.begin(), e.paths.end());
    return links;
}

std::string_view folder_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? "." : path.substr(0, slash);
}

// Appends `text` as the content of an element `<tag attributes>`.
void append_element(std::string& out, std::string_view open, std::string_view text, std::string_view close) {
    out += open;
    append_html_escaped(out, text);
    out += close;
}

// `first`: the document's first entry on the page, which the search shows a hit of (by its id,
// with the document's themes).
void append_item(std::string& out, const ExportEntry& e, const std::string& theme, const std::map<std::string, std::string>& folders,
                 bool first) {
    const auto& d = e.document;
    const auto links = links_under(e, theme, folders);
    out += "<li data-doc=\"";
    out += std::to_string(d.id);
    if (first) {
        out += "\" id=\"doc-";
        out += std::to_string(d.id);
        out += "\" data-themes=\"";
        for (std::size_t i = 0; i < d.themes.size(); ++i) {
            if (i > 0)
                out += " · ";
            append_html_escaped(out, d.themes[i]);
        }
    }
    out += "\"><a href=\"";
    append_href(out, links.front());
    // Isolated, so that a title cannot reorder what follows it (a right-to-left override in it).
    append_element(out, "\"><bdi>", d.title, "</bdi></a><div class=\"info\">");
    if (const auto* v = d.current(); v && v->macros)
        out += "<span class=\"macros\" title=\"Dit bestand bevat macro's: open het alleen als u de bron vertrouwt\">bevat macro's</span>";
    if (d.type)
        append_element(out, "<span class=\"type\">", *d.type, "</span>");
    if (d.date || d.period)
        append_element(out, "<time>", d.date ? *d.date : *d.period, "</time>");
    if (d.publisher)
        append_element(out, "<span>", *d.publisher, "</span>");
    for (const auto& tag : d.tags)
        append_element(out, "<span class=\"tag\">", tag, "</span>");
    for (std::size_t i = 1; i < links.size(); ++i) {
        out += "<a class=\"also\" href=\"";
        append_href(out, links[i]);
        append_element(out, "\">", folder_of(links[i]), "</a>");
    }
    out += "</div></li>\n";
}

constexpr std::string_view style = R"(
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6775; --line: #dde3ea; --accent: #00607a; --soft: #e8f3f6; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f6f8fa; }
header { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid var(--line); }
.bar { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem .75rem; }
h1 { margin: 0; font-size: 1.35rem; }
.sub { margin: .15rem 0 .75rem; color: var(--muted); font-size: .9rem; }
input[type=search] { width: 100%; padding: .6rem .8rem; font: inherit; border: 1px solid #b8c3ce; border-radius: .4rem; }
input[type=search]:focus { outline: 2px solid var(--accent); outline-offset: 1px; border-color: transparent; }
nav { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .6rem; }
nav a { font-size: .85rem; padding: .15rem .6rem; border-radius: 1rem; background: var(--soft); color: var(--accent); text-decoration: none; }
nav a.empty { opacity: .45; }
main { max-width: 60rem; margin: 0 auto; padding: .5rem 1.25rem 3rem; }
section { margin-top: 1.5rem; }
h2 { font-size: 1.1rem; margin: 0 0 .4rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); display: flex; justify-content: space-between; scroll-margin-top: 10rem; }
h2 .n { color: var(--muted); font-weight: normal; font-size: .9rem; }
ul { list-style: none; margin: 0; padding: 0; background: #fff; border: 1px solid var(--line); border-radius: .4rem; }
li { padding: .55rem .8rem; border-top: 1px solid var(--line); }
#listing li { content-visibility: auto; contain-intrinsic-size: auto 3.4rem; }
li:first-child { border-top: 0; }
li > a { color: var(--ink); font-weight: 600; text-decoration: none; }
li > a:hover { color: var(--accent); text-decoration: underline; }
.info { display: flex; flex-wrap: wrap; gap: .3rem .8rem; margin-top: .15rem; color: var(--muted); font-size: .85rem; }
.info .type { color: var(--accent); }
.info .tag { background: #eef0f3; border-radius: .3rem; padding: 0 .4rem; }
.info span, h2 { unicode-bidi: isolate; }
.info .macros { background: #fff4e5; color: #8a4b00; border-radius: .3rem; padding: 0 .4rem; }
.info .also { color: var(--muted); }
#none, #status { color: var(--muted); text-align: center; margin-top: 2rem; }
#status.error { color: #9b1c1c; }
#hits { margin-top: 1rem; }
#hits .themes { color: var(--muted); }
.snippet { margin: .3rem 0 0; font-size: .9rem; color: #33404d; }
mark { background: #fff0a8; color: inherit; padding: 0 .1rem; border-radius: .15rem; }
#more { display: block; margin: 1rem auto; padding: .45rem 1.2rem; font: inherit; color: var(--accent); background: #fff; border: 1px solid var(--accent); border-radius: .4rem; cursor: pointer; }
[hidden] { display: none !important; }
.diff li { white-space: pre-wrap; }
.diff del, .diff ins { display: block; text-decoration: none; padding: 0 .3rem; border-radius: .2rem; }
.diff del { background: #fde8e8; color: #7a1a1a; }
.diff del::before { content: "− "; }
.diff ins { background: #e6f4ea; color: #14532d; }
.diff ins::before { content: "+ "; }
.changed { color: var(--muted); }
)";

// A page's head and style, with room for a body of about `room` bytes, to which the body is
// appended and then end_page: a page of ten thousand documents is megabytes, written once.
std::string begin_page(std::string_view title, std::size_t room) {
    std::string out;
    out.reserve(room + style.size() + 512);
    fmt::format_to(std::back_inserter(out), R"(<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kennis">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file:; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<title>{}</title>
<style>{}</style>
</head>
<body>
)",
                   title, style);
    return out;
}

void end_page(std::string& out) { out += "</body>\n</html>\n"; }

// 0.123 as "12 %", and anything above nothing as at least "1 %".
std::string percent(double share) {
    const double p = share * 100;
    return fmt::format("{:.0f} %", p > 0 && p < 1 ? 1.0 : p);
}

} // namespace

std::string index_html(const std::vector<ExportEntry>& entries, bool searching) {
    std::map<std::string, std::vector<const ExportEntry*>> by_theme;
    std::string newest;
    static const std::vector<std::string> no_theme{"Zonder thema"};
    for (const auto& e : entries) {
        for (const auto& theme : e.document.themes.empty() ? no_theme : e.document.themes)
            by_theme[theme].push_back(&e);
        if (const auto* v = e.document.current())
            newest = std::max(newest, v->first_seen.substr(0, 10));
    }
    std::map<std::string, std::string> folders;
    for (const auto& [theme, docs] : by_theme)
        folders.emplace(theme, safe_file_name(theme, "") + "/");
    std::vector<std::string> anchors;
    std::set<std::string> taken;
    std::string nav;
    for (const auto& [theme, docs] : by_theme) {
        // "Verzuim 18-" and "Verzuim 18+" have the same slug; their anchors must differ.
        std::string id = "thema-" + slugify(theme);
        for (int n = 2; !taken.insert(id).second; ++n)
            id = fmt::format("thema-{}-{}", slugify(theme), n);
        fmt::format_to(std::back_inserter(nav), "<a href=\"#{}\">{}</a>", id, html_escape(theme));
        anchors.push_back(std::move(id));
    }
    const std::string sub = fmt::format("<span id=\"count\">{}</span> documenten{}", entries.size(),
                                        newest.empty() ? "" : fmt::format(" · nieuwste bestand van {}", newest));
    // More room than the entries take: pages that are never written are never touched.
    std::string out = begin_page("Kennisbank – documenten", entries.size() * 512);
    fmt::format_to(std::back_inserter(out), R"(<header><div class="bar">
<h1>Kennisbank – documenten</h1>
<p class="sub">{}</p>
)",
                   sub);
    if (searching)
        out += R"(<input id="q" type="search" placeholder="Zoek in titels en tekst: verzuim, &quot;snel terug&quot;, handr*, vsv -folder, theme:thuiszitters" aria-label="Zoeken" autofocus>
)";
    fmt::format_to(std::back_inserter(out), "<nav>{}</nav>\n</div></header>\n<main>\n", nav);
    if (searching)
        out += R"(<section id="results" hidden><p id="status" role="status"></p><ol id="hits"></ol>
<button id="more" type="button" hidden>Meer resultaten</button>
<p id="none" hidden>Geen documenten gevonden. Tip: <b>handr*</b> vindt ook woorden die met handr beginnen.</p></section>
<noscript><style>#listing[hidden] { display: block !important; }</style></noscript>
<div id="listing" hidden>
)";
    else
        out += "<div id=\"listing\">\n";
    auto anchor = anchors.begin();
    std::set<std::int64_t> listed;
    for (const auto& [theme, docs] : by_theme) {
        fmt::format_to(std::back_inserter(out), "<section id=\"{}\" data-theme=\"{}\"><h2>{} <span class=\"n\">{}</span></h2>\n<ul>\n",
                       *anchor++, html_escape(theme), html_escape(theme), docs.size());
        for (const auto* e : docs)
            append_item(out, *e, theme, folders, listed.insert(e->document.id).second);
        out += "</ul></section>\n";
    }
    out += "</div>\n</main>\n";
    if (searching)
        for (const auto& script : share_search_scripts())
            fmt::format_to(std::back_inserter(out), "<script src=\"{}\"></script>\n", script);
    end_page(out);
    return out;
}

std::string news_html(const ChangesReport& changes, const std::vector<ExportEntry>& entries, int days,
                      const std::map<std::int64_t, NewsDiff>& diffs) {
    std::unordered_map<std::int64_t, const ExportEntry*> exported;
    std::map<std::string, std::string> folders;
    for (const auto& e : entries) {
        exported.emplace(e.document.id, &e);
        for (const auto& theme : e.document.themes)
            if (!folders.contains(theme))
                folders.emplace(theme, safe_file_name(theme, "") + "/");
    }
    std::string out = begin_page("Kennisbank – wat is nieuw", changes.events * 384);
    fmt::format_to(std::back_inserter(out), R"(<header><div class="bar">
<h1>Kennisbank – wat is nieuw</h1>
<p class="sub">{} wijzigingen sinds {} · <a href="index.html">alle documenten</a></p>
</div></header>
<main>
)",
                   changes.events, changes.since.substr(0, 10));
    for (const auto& t : changes.themes) {
        const std::string theme = t.theme.empty() ? "Zonder thema" : t.theme;
        fmt::format_to(std::back_inserter(out), "<section><h2>{} <span class=\"n\">{}</span></h2>\n<ul>\n", html_escape(theme),
                       t.changes.size());
        for (const auto& c : t.changes) {
            if (const auto it = exported.find(c.id); it == exported.end()) {
                append_element(out, "<li><span><bdi>", c.title, "</bdi></span>");
            } else {
                out += "<li><a href=\"";
                append_href(out, links_under(*it->second, t.theme, folders).front());
                append_element(out, "\"><bdi>", c.title, "</bdi></a>");
            }
            fmt::format_to(std::back_inserter(out), "<div class=\"info\"><span class=\"type\">{}</span><time>{}</time>",
                           change_label(c.kind), std::string_view(c.at).substr(0, 10));
            if (const auto d = diffs.find(c.event); d != diffs.end()) {
                fmt::format_to(std::back_inserter(out), "<span class=\"changed\">{} van de tekst gewijzigd</span><a href=\"", percent(d->second.changed));
                append_href(out, d->second.page);
                out += "\">wat is er veranderd</a>";
            }
            out += "</div></li>\n";
        }
        out += "</ul></section>\n";
    }
    if (changes.themes.empty())
        fmt::format_to(std::back_inserter(out), "<p id=\"none\">Geen wijzigingen in de afgelopen {} dagen.</p>\n", days);
    out += "</main>\n";
    end_page(out);
    return out;
}

namespace {

std::string side_label(const DiffSide& s) { return fmt::format("versie {} van {}", s.version, std::string_view(s.first_seen).substr(0, 10)); }

std::string page_label(int page, const std::optional<std::string>& part) {
    return part ? *part : fmt::format("pagina {}", page);
}

} // namespace

std::string diff_html(const TextDiff& d) {
    std::string out = begin_page("Kennisbank – wat is er veranderd", 4096);
    out += "<header><div class=\"bar\">\n";
    append_element(out, "<h1>Wat is er veranderd: <bdi>", d.new_side.title, "</bdi></h1>\n");
    std::string against = d.old_side.id == d.new_side.id ? side_label(d.old_side)
                                                         : fmt::format("{} van “{}”", side_label(d.old_side), d.old_side.title);
    append_element(out, "<p class=\"sub\">", fmt::format("{} tegenover {} · {} van de tekst gewijzigd", side_label(d.new_side), against, percent(d.changed)), "");
    out += " · <a href=\"../WAT-IS-NIEUW.html\">wat is nieuw</a></p>\n</div></header>\n<main class=\"diff\">\n";
    for (const auto& b : d.blocks) {
        std::string heading;
        switch (b.kind) {
        case DiffBlock::Kind::added:
            heading = "Toegevoegd op " + page_label(b.new_page, b.new_part);
            break;
        case DiffBlock::Kind::removed:
            heading = "Weggelaten van " + page_label(b.old_page, b.old_part);
            break;
        case DiffBlock::Kind::changed:
            heading = fmt::format("Gewijzigd op {} (was {})", page_label(b.new_page, b.new_part), page_label(b.old_page, b.old_part));
            break;
        }
        append_element(out, "<section><h2>", heading, "</h2>\n<ul><li>");
        for (const auto& line : b.removed)
            append_element(out, "<del>", line, "</del>");
        for (const auto& line : b.added)
            append_element(out, "<ins>", line, "</ins>");
        out += "</li></ul></section>\n";
    }
    if (d.blocks.empty())
        out += "<p id=\"none\">De tekst is niet veranderd.</p>\n";
    out += "</main>\n";
    end_page(out);
    return out;
}

} // namespace kennis
