#include "kennis/browse.hpp"

#include "extract/text_extract.hpp"
#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "browse/editions.hpp"
#include "compare/document_diff.hpp"
#include "search/like.hpp"
#include "browse/filter_sql.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace kennis {
namespace {

TextStats text_stats(Database& db) {
    const std::string current = fmt::format("WITH current AS (SELECT {} AS sha256 FROM documents d WHERE d.status = 'active') ",
                                            current_sha256("d"));
    TextStats t;
    SQLite::Statement docs(db.sql(), current +
                                         "SELECT b.text_status = 'ok', coalesce(b.text_reason, ''), "
                                         "EXISTS (SELECT 1 FROM pages p WHERE p.sha256 = b.sha256 AND p.source = 'ocr') "
                                         "FROM current c JOIN blobs b ON b.sha256 = c.sha256");
    std::map<std::string, std::size_t> reasons;
    while (docs.executeStep()) {
        if (docs.getColumn(2).getInt() != 0)
            ++t.ocr;
        else if (docs.getColumn(0).getInt() != 0)
            ++t.text_layer;
        else {
            ++t.unreadable;
            ++reasons[docs.getColumn(1).getString()];
        }
    }
    t.reasons.assign(reasons.begin(), reasons.end());
    std::stable_sort(t.reasons.begin(), t.reasons.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    SQLite::Statement pages(db.sql(), current +
                                          "SELECT coalesce(sum(p.source = 'text'), 0), coalesce(sum(p.source = 'ocr'), 0) "
                                          "FROM current c JOIN pages p ON p.sha256 = c.sha256");
    if (pages.executeStep()) {
        t.pages_text_layer = static_cast<std::size_t>(pages.getColumn(0).getInt64());
        t.pages_ocr = static_cast<std::size_t>(pages.getColumn(1).getInt64());
    }
    SQLite::Statement older(db.sql(), "SELECT count(*) FROM blobs WHERE text_reader < ?");
    older.bind(1, text_reader_version);
    older.executeStep();
    t.older_reader = static_cast<std::size_t>(older.getColumn(0).getInt64());
    return t;
}

std::size_t count(Database& db, const char* sql) {
    return static_cast<std::size_t>(db.sql().execAndGet(sql).getInt64());
}

} // namespace

std::vector<Document> list_documents(Library& library, const Filter& filter) try {
    auto& impl = library.impl();
    return load_documents(impl.db, impl.ctx.home, select_documents(impl.db, filter));
} catch (...) {
    rethrow_at_edge(library);
}

Document find_document(Library& library, std::string_view doc) try {
    auto& impl = library.impl();
    Document found = load_documents(impl.db, impl.ctx.home, {require_document(impl.db, doc)}).front();
    found.editions = editions_of(impl.db, found.id);
    if (const auto diff = latest_text_change(impl.db, found.id))
        found.text_change = TextChange{diff->against, diff->old_side.id, diff->old_side.version, diff->changed, diff->blocks.size()};
    Filter five;
    five.limit = 5;
    for (const auto& hit : documents_like(impl.db, impl.ctx.home, found.id, five))
        found.related.push_back({hit.document.id, hit.document.slug, hit.document.title, hit.likeness.value_or(0)});
    return found;
} catch (...) {
    rethrow_at_edge(library);
}

std::vector<ThemeSummary> list_themes(Library& library) try {
    SQLite::Statement q(library.impl().db.sql(),
                        "SELECT t.name, "
                        " (SELECT count(DISTINCT m.document_id) FROM memberships m JOIN documents d "
                        "  ON d.id = m.document_id WHERE m.theme_id = t.id AND d.status = 'active'), "
                        " (SELECT count(*) FROM listing_entries e WHERE e.theme_id = t.id) "
                        "FROM themes t ORDER BY t.id");
    std::vector<ThemeSummary> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), static_cast<std::size_t>(q.getColumn(1).getInt64()),
                       static_cast<std::size_t>(q.getColumn(2).getInt64())});
    return out;
} catch (...) {
    rethrow_at_edge(library);
}

Stats library_stats(Library& library) try {
    auto& db = library.impl().db;
    Stats s;
    s.home = library.context().home.string();
    s.schema_version = db.schema_version();
    s.documents = count(db, "SELECT count(*) FROM documents WHERE status = 'active'");
    s.withdrawn = count(db, "SELECT count(*) FROM documents WHERE status = 'withdrawn'");
    s.entries = count(db, "SELECT count(*) FROM listing_entries");
    s.themes = count(db, "SELECT count(*) FROM themes");
    s.aliases = count(db, "SELECT count(*) FROM aliases");
    s.urls = count(db, "SELECT count(*) FROM urls");
    s.tags = count(db, "SELECT count(*) FROM tags");
    s.fetched = count(db, "SELECT count(DISTINCT document_id) FROM versions");
    s.store_files = count(db, "SELECT count(*) FROM blobs");
    s.store_bytes = db.sql().execAndGet("SELECT coalesce(sum(size), 0) FROM blobs").getInt64();
    s.text = text_stats(db);
    SQLite::Statement q(db.sql(), "SELECT location, kind, last_synced, last_entries FROM sources ORDER BY id");
    while (q.executeStep())
        s.sources.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                             static_cast<std::size_t>(q.getColumn(3).getInt64())});
    return s;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
