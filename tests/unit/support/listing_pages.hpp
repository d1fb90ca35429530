#pragma once

#include "util/html.hpp"
#include "kennis/snapshot.hpp"

#include <map>
#include <string>
#include <vector>

// Kennisbank pages made from the seed listing in three different markups, for the listing parser
// and for the test server. The real page's markup is unknown; these differ in everything but the
// words a reader sees.
namespace kennis::test {

using kennis::html_escape;

// The seed listing with a download path for every title. Two pairs of different titles share one
// file, as pages do when a title is edited in one place only.
inline Listing seed_listing_with_urls(const std::string& base) {
    Listing listing = builtin_snapshot();
    std::map<std::string, std::string> paths;
    const std::map<std::string, std::string> shared{
        {"Handreiking aanwezigheidsregistratie", "Handreiking aanwezigheidsregistratie - Ingrado, november 2020"},
        {"De route van school naar werk én verder", "De route van school naar werk én verder - Ingrado, december 2020"},
    };
    for (auto& e : listing.entries) {
        const std::string& owner = shared.count(e.title) ? shared.at(e.title) : e.title;
        auto it = paths.find(owner);
        if (it == paths.end())
            it = paths.emplace(owner, "/media/doc-" + std::to_string(paths.size() + 1) + ".pdf").first;
        e.url = base + it->second;
    }
    listing.source = base + "/kennisbank";
    listing.kind = "html";
    return listing;
}

inline std::vector<std::pair<std::string, std::vector<const ListingEntry*>>> by_theme(const Listing& l) {
    std::vector<std::pair<std::string, std::vector<const ListingEntry*>>> out;
    for (const auto& e : l.entries) {
        if (out.empty() || out.back().first != e.theme)
            out.push_back({e.theme, {}});
        out.back().second.push_back(&e);
    }
    return out;
}

// The path part of a URL under `base`, as pages link to their own files.
inline std::string path_of(const std::string& url, const std::string& base) { return url.substr(base.size()); }

inline std::string page_head(const std::string& title) {
    return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + title +
           "</title><script>var download = '<a href=\"/x.pdf\">download</a>';</script></head>\n<body>\n"
           "<header><nav><a href=\"/\">Home</a> <a href=\"/files/jaarplan.pdf\">Download jaarplan</a></nav></header>\n";
}

inline std::string page_tail() {
    return "<footer><a href=\"/privacy.pdf\">Download de privacyverklaring</a></footer>\n</body></html>\n";
}

// Headings per theme, a list item per entry with the link beside the title.
inline std::string list_markup(const Listing& l, const std::string& base) {
    std::string html = page_head("Kennisbank") +
                       "<main><h1>Kennisbank</h1><p>In onze kennisbank verzamelen we kennis. "
                       "<a href=\"/handleiding.pdf\">download</a> de handleiding.</p>\n<h2>Downloadcentrum</h2>\n";
    for (const auto& [theme, entries] : by_theme(l)) {
        html += "<h3>" + html_escape(theme) + "</h3>\n<ul>\n";
        for (const auto* e : entries)
            html += "  <li>\n    " + html_escape(e->title) + "\n    <a href=\"" + path_of(*e->url, base) +
                    "\">+ download</a>\n  </li>\n";
        html += "</ul>\n";
    }
    html += "<h2>Vraag en antwoord</h2>\n<p>Lees de <a href=\"/faq.pdf\">download</a>.</p>\n</main>\n";
    return html + page_tail();
}

// A table with a caption-like header row per theme and relative links.
inline std::string table_markup(const Listing& l, const std::string& base) {
    std::string html = page_head("Kennisbank") + "<div id=\"content\"><section><h2>  Downloadcentrum </h2>\n<table>\n"
                                                 "<thead><tr><th>Titel</th><th>Bestand</th></tr></thead>\n<tbody>\n";
    for (const auto& [theme, entries] : by_theme(l)) {
        html += "<tr><th colspan=\"2\">" + html_escape(theme) + "</th></tr>\n";
        for (const auto* e : entries)
            html += "<tr><td>" + html_escape(e->title) + "</td><td><a href=\"../" + path_of(*e->url, base).substr(1) +
                    "\" title=\"Downloaden\">download</a></td></tr>\n";
    }
    html += "</tbody></table></section>\n<section><h2>Vraag en antwoord</h2><a href=\"/faq.pdf\">download</a>"
            "</section></div>\n";
    return html + page_tail();
}

// An accordion of buttons and panels, the title in a div, absolute links with a download attribute.
inline std::string accordion_markup(const Listing& l) {
    std::string html = page_head("Kennisbank") +
                       "<div class=\"block\"><div class=\"block__title\">DOWNLOADCENTRUM</div>\n<div class=\"acc\">\n";
    for (const auto& [theme, entries] : by_theme(l)) {
        html += "<button type=\"button\" aria-expanded=\"false\"><span>" + html_escape(theme) +
                "</span><svg width=\"8\" height=\"8\"></svg></button>\n<div class=\"acc__panel\" hidden>\n";
        for (const auto* e : entries)
            html += "<div class=\"row\"><span class=\"row__title\">" + html_escape(e->title) +
                    "</span>&nbsp;<a class=\"btn\" download href=\"" + *e->url +
                    "\"><i class=\"icon-plus\"></i>+&nbsp;download</a></div>\n";
        html += "</div>\n";
    }
    html += "</div></div>\n<div class=\"block\"><div class=\"block__title\">Vraag en antwoord</div>"
            "<a href=\"/faq.pdf\">download</a></div>\n";
    return html + page_tail();
}

} // namespace kennis::test
