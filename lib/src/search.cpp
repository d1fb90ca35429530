#include "kennis/search.hpp"

#include "catalogue.hpp"
#include "filter_sql.hpp"
#include "kennis/error.hpp"
#include "library_impl.hpp"
#include "search_index.hpp"
#include "words.hpp"

#include <fmt/format.h>

namespace kennis {

std::vector<SearchHit> search(Library& library, std::string_view query, const Filter& filter) {
    auto& impl = library.impl();
    Database& db = impl.db;
    const std::string match = translate_query(query);
    const SqlFilter where = build_filter(db, filter);
    // The best row (page) per document decides its rank; snippets are made only for the hits
    // that are shown, in one more pass over the matches.
    const std::string sql = fmt::format(
        "WITH best AS (SELECT rowid >> 20 AS doc, min(rank) AS score, rowid AS rid FROM search_index "
        "              WHERE search_index MATCH ?1 GROUP BY doc), "
        "top AS (SELECT b.doc, b.score, b.rid FROM best b JOIN documents d ON d.id = b.doc "
        "        WHERE {} ORDER BY b.score, b.doc LIMIT {}) "
        "SELECT top.doc, top.score, top.rid, snippet(search_index, -1, char(2), char(3), '…', 12), "
        "       kennis_columns(search_index) & 16 "
        "FROM top CROSS JOIN search_index ON search_index.rowid = top.rid "
        "WHERE search_index MATCH ?1 ORDER BY top.score, top.doc",
        where.where, filter.limit.value_or(default_search_limit));
    std::vector<SearchHit> hits;
    std::vector<std::int64_t> ids;
    try {
        SQLite::Statement q(db.sql(), sql);
        q.bind(1, match);
        where.bind(q, 2);
        while (q.executeStep()) {
            ids.push_back(q.getColumn(0).getInt64());
            SearchHit hit;
            hit.score = q.getColumn(1).getDouble();
            const auto rowid = q.getColumn(2).getInt64();
            hit.snippet = collapse_spaces(q.getColumn(3).getString());
            if (q.getColumn(4).getInt() != 0 && search_page(rowid) > 0)
                hit.page = static_cast<int>(search_page(rowid));
            hits.push_back(std::move(hit));
        }
    } catch (const SQLite::Exception&) {
        // The translation quotes every word, so this is not the user's doing; still, no SQLite
        // message reaches the user.
        throw UsageError(fmt::format("bad query: '{}' cannot be searched for", query));
    }
    auto docs = load_documents(db, impl.ctx.home, ids);
    for (std::size_t i = 0; i < hits.size() && i < docs.size(); ++i)
        hits[i].document = std::move(docs[i]);
    return hits;
}

} // namespace kennis
