#include "search/like.hpp"

#include "catalogue/catalogue.hpp"
#include "library/edge.hpp"
#include "library/library_impl.hpp"
#include "search/dutch_tokenizer.hpp"
#include "search/hits.hpp"
#include "search/search_index.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>

namespace kennis {
namespace {

using Id = std::int64_t;

// The words a likeness search looks for, and how much of a document it reads to choose them:
// the first megabyte of a handbook says what it is about.
constexpr std::size_t distinctive_words = 25;
constexpr std::size_t max_text = 1u << 20;

std::string text_of(Database& db, Id doc) {
    SQLite::Statement q(db.sql(), fmt::format("SELECT d.title, (SELECT group_concat(p.text, char(10)) FROM pages p WHERE p.sha256 = {}) "
                                              "FROM documents d WHERE d.id = ?",
                                              current_sha256("d")));
    q.bind(1, doc);
    if (!q.executeStep())
        return {};
    std::string text = q.getColumn(0).getString() + "\n" + q.getColumn(1).getString();
    if (text.size() > max_text) {
        text.resize(max_text);
        text = unicode::sanitize(text); // a character cut in two
    }
    return text;
}

struct Term {
    std::string source; // as the document wrote it, the first time
    double count = 0;
};

// The words that set DOC apart, as an FTS5 expression: those frequent in it and rare in the
// catalogue (term frequency times inverse frequency over the index's rows), ORed.
std::string likeness_match(Database& db, Id doc) {
    std::unordered_map<std::string, Term> terms;
    tokenize_dutch(db.sql().getHandle(), text_of(db, doc), [&](std::string_view stem, std::string_view source) {
        if (stem.size() < 3 || std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return;
        auto& t = terms[std::string(stem)];
        if (t.source.empty())
            t.source = source;
        ++t.count;
    });
    const double rows = static_cast<double>(db.sql().execAndGet("SELECT count(*) FROM search_index_docsize").getInt64());
    db.sql().exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kennis_vocab_rows USING fts5vocab(main, 'search_index', 'row')");
    SQLite::Statement df(db.sql(), "SELECT doc FROM temp.kennis_vocab_rows WHERE term = ?");
    std::vector<std::pair<double, const Term*>> weighted;
    for (const auto& [stem, term] : terms) {
        df.bind(1, stem);
        const double in_rows = df.executeStep() ? df.getColumn(0).getDouble() : 0;
        df.reset();
        if (in_rows > 0)
            weighted.emplace_back(term.count * std::log(1 + rows / in_rows), &term);
    }
    const std::size_t n = std::min(distinctive_words, weighted.size());
    std::partial_sort(weighted.begin(), weighted.begin() + static_cast<std::ptrdiff_t>(n), weighted.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second->source < b.second->source; });
    std::string match;
    for (std::size_t i = 0; i < n; ++i)
        match += (match.empty() ? "" : " OR ") + double_quoted(weighted[i].second->source);
    return match;
}

} // namespace

std::vector<SearchHit> documents_like(Database& db, const std::filesystem::path& home, Id doc, const Filter& filter) {
    const std::string match = likeness_match(db, doc);
    if (match.empty())
        return {};
    // DOC against itself is the most alike a document can be; the others are scored against that.
    SQLite::Statement own(db.sql(), "SELECT min(rank) FROM search_index WHERE search_index MATCH ? AND rowid >= ? AND rowid < ?");
    own.bind(1, match);
    own.bind(2, search_rowid(doc, 0));
    own.bind(3, search_rowid(doc + 1, 0));
    const double best = own.executeStep() && !own.getColumn(0).isNull() ? own.getColumn(0).getDouble() : 0;
    Filter wider = filter;
    wider.limit = filter.limit.value_or(default_search_limit) + 1;
    std::vector<SearchHit> hits = ranked_hits(db, home, match, wider, match);
    std::erase_if(hits, [&](const SearchHit& h) { return h.document.id == doc; });
    if (hits.size() > wider.limit.value() - 1)
        hits.resize(wider.limit.value() - 1);
    for (auto& h : hits)
        h.likeness = best < 0 ? std::clamp(h.score / best, 0.0, 1.0) : 0.0;
    return hits;
}

std::vector<SearchHit> search_like(Library& library, std::string_view doc, const Filter& filter) try {
    auto& impl = library.impl();
    ReadSnapshot snapshot(impl.db);
    return documents_like(impl.db, impl.ctx.home, require_document(impl.db, doc), filter);
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
