#include "kennis/search.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "browse/filter_sql.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"
#include "search/hits.hpp"
#include "search/search_index.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kennis {

std::vector<SearchHit> ranked_hits(Database& db, const std::filesystem::path& home, const std::string& match, const Filter& filter,
                                   std::string_view query) {
    const SqlFilter where = build_filter(db, filter);
    // Rows come best first, so FTS5 makes snippets only for the rows read; a document with
    // several matching pages appears once, at its best page. Reading twice the rows wanted is
    // nearly always enough; when pages crowd out documents, read more.
    const std::size_t wanted = filter.limit.value_or(default_search_limit);
    const std::string sql = fmt::format(
        "SELECT rowid, rank, snippet(search_index, -1, char(2), char(3), '…', 12), "
        "       kennis_columns(search_index) & 16 "
        "FROM search_index WHERE search_index MATCH ?1 "
        "AND EXISTS (SELECT 1 FROM documents d WHERE d.id = search_index.rowid >> 20 AND {}) "
        "ORDER BY rank LIMIT ?",
        where.where);
    std::vector<SearchHit> hits;
    std::vector<std::int64_t> ids;
    try {
        auto prepared = db.prepare(sql);
        SQLite::Statement& q = *prepared;
        for (std::size_t rows = std::max<std::size_t>(2 * wanted, 20);; rows *= 4) {
            hits.clear();
            ids.clear();
            q.reset();
            q.bind(1, match);
            where.bind(q, 2);
            q.bind(static_cast<int>(where.params.size()) + 2, static_cast<std::int64_t>(rows));
            std::size_t read = 0;
            while (q.executeStep() && ids.size() < wanted) {
                ++read;
                const auto rowid = q.getColumn(0).getInt64();
                const auto doc = search_document(rowid);
                if (std::find(ids.begin(), ids.end(), doc) != ids.end())
                    continue;
                ids.push_back(doc);
                SearchHit hit;
                hit.score = q.getColumn(1).getDouble();
                hit.snippet = collapse_spaces(q.getColumn(2).getString());
                if (q.getColumn(3).getInt() != 0 && search_page(rowid) > 0)
                    hit.page = static_cast<int>(search_page(rowid));
                hits.push_back(std::move(hit));
            }
            if (ids.size() >= wanted || read < rows)
                break;
        }
    } catch (const SQLite::Exception& e) {
        // The translation quotes every word, so a syntax error is not the user's doing; still, it
        // is the query that failed, and no SQLite message reaches the user. Any other failure is
        // the catalogue's.
        if (std::string_view(e.what()).starts_with("fts5: syntax error"))
            throw UsageError(fmt::format("bad query: '{}' cannot be searched for", query));
        throw;
    }
    auto docs = load_documents(db, home, ids);
    auto prepared_part = db.prepare("SELECT part, source = 'ocr' FROM pages WHERE sha256 = ? AND page = ?");
    SQLite::Statement& part = *prepared_part;
    for (std::size_t i = 0; i < hits.size() && i < docs.size(); ++i) {
        hits[i].document = std::move(docs[i]);
        if (const auto* v = hits[i].document.current(); v && hits[i].page) {
            part.bind(1, v->sha256);
            part.bind(2, *hits[i].page);
            if (part.executeStep()) {
                if (!part.getColumn(0).isNull())
                    hits[i].part = part.getColumn(0).getString();
                hits[i].ocr = part.getColumn(1).getInt() != 0;
            }
            part.reset();
        }
    }
    return hits;
}

std::vector<SearchHit> search(Library& library, std::string_view query, const Filter& filter, const Synonyms& synonyms) try {
    auto& impl = library.impl();
    ReadSnapshot snapshot(impl.db);
    return ranked_hits(impl.db, impl.ctx.home, translate_query(query, synonyms), filter, query);
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
