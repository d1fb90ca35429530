#include "harnesses.hpp"
#include "listing_pages.hpp"

#include <set>

namespace kennis::fuzz {
namespace {

std::string snapshot_text(const Listing& l) {
    std::string text = "#kennis-snapshot 1\n# source: " + l.source + "\n# captured: 2026-11-22\n";
    for (const auto& e : l.entries)
        text += e.theme + "\t" + e.title + (e.url ? "\t" + *e.url : "") + "\n";
    return text;
}

std::vector<std::string> seed_titles() {
    std::vector<std::string> titles;
    std::set<std::string> seen;
    for (const auto& e : builtin_snapshot().entries)
        if (seen.insert(e.title).second)
            titles.push_back(e.title);
    for (const char* hostile : {"../../etc/passwd", "CON", "aux.pdf", "Rapport. ", "e\xcc\x81\xcc\x81n", "\xf0\x9f\x93\x9a boek",
                                "a\tb\nc", "\xff\xfe", "COM1.tar.gz", "  ...  "})
        titles.emplace_back(hostile);
    return titles;
}

} // namespace

std::vector<std::string> seed_corpus(std::string_view target) {
    const std::string base = "https://ingrado.nl";
    if (target == "listing_parser") {
        const Listing l = test::seed_listing_with_urls(base);
        return {test::list_markup(l, base), test::table_markup(l, base), test::accordion_markup(l)};
    }
    if (target == "snapshot_reader") {
        const Listing urls = test::seed_listing_with_urls(base);
        return {snapshot_text(builtin_snapshot()), snapshot_text(urls), "#kennis-snapshot 1\n"};
    }
    if (target == "query_translator")
        return {"verzuim leerplicht", "\"snel terug\"", "handr*", "vavo OR mbo", "leerplicht -handboek",
                "leerplicht NOT handboek", "title:gamen", "theme:\"verzuim 18\"", "tag:regio/zaanstad",
                "type:handreiking OR type:rapport", "(V)SO", "M@ZL", "\"unclosed", "OR", "-alleen", "NEAR(a b)",
                "a AND (b OR c)", "*", "title:", "\xc3\xa9\xc3\xa9n"};
    if (target == "rtf_reader")
        return {"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\pard Geachte ouders,\\par Caf\\'e9 \\u8364? 5\\page Twee\\par}",
                "{\\rtf1{\\*\\generator x;}{\\header kop}{\\field{\\*\\fldinst HYPERLINK}{\\fldrslt link}}\\uc2\\u25991\\'3f\\'3f}",
                "{\\rtf1\\ansicpg1250 \\'9a\\bin4 abcd\\line\\tab\\cell\\row\\~\\_\\-\\{\\}\\\\}", "{\\rtf1 \\u-10179?\\u-8704?}"};
    return seed_titles(); // file_name and title_metadata
}

} // namespace kennis::fuzz
