#include "harnesses.hpp"

#include "extract/text_extract.hpp"
#include "search/dutch_tokenizer.hpp"
#include "kennis/error.hpp"
#include "kennis/filename.hpp"
#include "kennis/listing_parser.hpp"
#include "kennis/metadata.hpp"
#include "kennis/search.hpp"
#include "kennis/snapshot.hpp"
#include "kennis/title.hpp"
#include "util/unicode.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdio>
#include <cstdlib>
#include <regex>

namespace kennis::fuzz {
namespace {

// A promise the code under test broke: say which, and abort so the fuzzer keeps the input.
void expect(bool holds, const char* promise) {
    if (!holds) {
        std::fprintf(stderr, "broken promise: %s\n", promise);
        std::abort();
    }
}

bool valid_utf8(std::string_view s) { return unicode::is_valid_utf8(s); }

void listing_parser(std::string_view input) {
    try {
        const Listing l = parse_listing_html(input, "https://ingrado.nl/kennisbank", "fuzz");
        expect(!l.entries.empty(), "a parsed listing has entries");
        for (const auto& e : l.entries) {
            expect(!e.theme.empty() && !e.title.empty(), "every entry has a theme and a title");
            expect(valid_utf8(e.title) && valid_utf8(e.theme), "titles and themes are valid UTF-8");
            expect(e.url && (e.url->starts_with("http://") || e.url->starts_with("https://")),
                   "every entry has an http(s) link");
        }
    } catch (const InputError&) {
    }
}

void snapshot_reader(std::string_view input) {
    try {
        const Listing l = parse_snapshot(input, "fuzz", "fuzz-source");
        for (const auto& e : l.entries)
            expect(!e.theme.empty() && !e.title.empty(), "every snapshot entry has a theme and a title");
    } catch (const InputError&) {
    }
}

// The translated query must be something FTS5 accepts: run it against an empty index with the
// same tokenizer and columns as the catalogue's.
void query_translator(std::string_view input) {
    static SQLite::Database db = [] {
        SQLite::Database d(":memory:", SQLite::OPEN_READWRITE);
        register_dutch_tokenizer(d.getHandle());
        d.exec("CREATE VIRTUAL TABLE search_index USING fts5(title, themes, tags, type, body, "
               "tokenize = 'kennis_dutch')");
        d.exec("INSERT INTO search_index VALUES ('Handreiking verzuim', 'Thuiszitters', 'regio/zaanstad', "
               "'Handreiking', 'leerplicht en verzuim')");
        return d;
    }();
    std::string match;
    try {
        match = translate_query(input, Synonyms::shipped());
    } catch (const UsageError&) {
        return;
    }
    SQLite::Statement q(db, "SELECT count(*) FROM search_index WHERE search_index MATCH ?");
    q.bind(1, match);
    try {
        q.executeStep();
    } catch (const SQLite::Exception& e) {
        std::fprintf(stderr, "FTS5 refused %s: %s\n", match.c_str(), e.what());
        expect(false, "a translated query is valid FTS5");
    }
}

void file_name(std::string_view input) {
    const std::string name = safe_file_name(input, ".pdf");
    expect(!name.empty(), "a file name is never empty");
    expect(name.size() <= max_name_bytes, "a file name fits in 255 bytes");
    expect(valid_utf8(name), "a file name is valid UTF-8");
    expect(windows_name_problem(name).empty(), "Windows clients can open every file name");
    expect(name.ends_with(".pdf"), "the extension is kept");
    NameAllocator names;
    const std::string first = names.claim(name);
    const std::string second = names.claim(name);
    expect(first != second, "two claims of one name give two names");
    expect(windows_name_problem(second).empty(), "a disambiguated name is fine for Windows too");
}

void title_metadata(std::string_view input) {
    static const std::regex iso_date(R"(\d{4}(-\d{2}(-\d{2})?)?)");
    static const std::regex period(R"(\d{4}-\d{4})");
    const TitleMetadata meta = parse_title_metadata(input);
    if (meta.date)
        expect(std::regex_match(*meta.date, iso_date), "a date is ISO 8601");
    if (meta.period)
        expect(std::regex_match(*meta.period, period), "a period is YEAR-YEAR");
    const std::string slug = slugify(input);
    expect(!slug.empty() && slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos,
           "a slug is lower-case ASCII letters, digits and dashes");
    const std::string key = title_key(input);
    expect(title_key(key) == key, "a title key is its own key");
    expect(series_key(input).size() <= key.size(), "a series key is part of the title key");
    display_title(input);
}

} // namespace

// RTF from a hostile server: read in time proportional to it, into valid UTF-8 no larger than a
// small multiple of it (a stray byte becomes a three-byte U+FFFD), in a bounded number of pages.
void rtf_reader(std::string_view input) {
    const ExtractedText t = rtf_text_of(input);
    std::size_t total = 0;
    for (const auto& page : t.pages) {
        expect(valid_utf8(page), "the text is valid UTF-8");
        total += page.size();
    }
    expect(total <= 3 * input.size() + 16, "the text is no more than three times the file");
    expect(t.pages.size() <= 100'001, "pages are capped");
    expect(t.has_text() == input.starts_with("{\\rtf"), "RTF is read, and only RTF");
}

const std::vector<Target>& targets() {
    static const std::vector<Target> all{
        {"listing_parser", listing_parser}, {"snapshot_reader", snapshot_reader},
        {"query_translator", query_translator}, {"file_name", file_name},
        {"title_metadata", title_metadata}, {"rtf_reader", rtf_reader}};
    return all;
}

} // namespace kennis::fuzz
