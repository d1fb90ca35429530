#include "merge.hpp"

#include "listing_apply.hpp"
#include "search_index.hpp"

namespace kennis {

void merge_documents(Database& db, std::int64_t survivor, std::int64_t absorbed, const std::string& reason,
                     const std::string& now) {
    static constexpr const char* steps[] = {
        "INSERT OR IGNORE INTO aliases (document_id, alias, alias_key, seq) "
        "SELECT ?1, alias, alias_key, seq + (SELECT coalesce(max(seq), 0) FROM aliases WHERE document_id = ?1) "
        "FROM aliases WHERE document_id = ?2",
        "INSERT OR IGNORE INTO memberships (document_id, theme_id, source_id, first_seen) "
        "SELECT ?1, theme_id, source_id, first_seen FROM memberships WHERE document_id = ?2",
        "UPDATE urls SET document_id = ?1 WHERE document_id = ?2",
        "UPDATE listing_entries SET document_id = ?1 WHERE document_id = ?2",
        "INSERT OR IGNORE INTO versions (document_id, sha256, url_id, first_seen) "
        "SELECT ?1, sha256, url_id, first_seen FROM versions WHERE document_id = ?2",
        "INSERT OR IGNORE INTO document_tags (document_id, tag_id, added_at) "
        "SELECT ?1, tag_id, added_at FROM document_tags WHERE document_id = ?2",
        "UPDATE events SET document_id = ?1 WHERE document_id = ?2",
        "UPDATE redirects SET document_id = ?1 WHERE document_id = ?2",
        "INSERT INTO redirects (old_id, old_slug, document_id, reason, at) "
        "SELECT id, slug, ?1, ?3, ?4 FROM documents WHERE id = ?2",
        "UPDATE documents SET "
        " status = CASE WHEN status = 'active' OR (SELECT status FROM documents WHERE id = ?2) = 'active' "
        "          THEN 'active' ELSE 'withdrawn' END, "
        " first_seen = min(first_seen, (SELECT first_seen FROM documents WHERE id = ?2)), "
        " last_seen = max(last_seen, (SELECT last_seen FROM documents WHERE id = ?2)) "
        "WHERE id = ?1",
        "INSERT INTO events (at, document_id, kind, detail) "
        "SELECT ?4, ?1, 'merged', ?3 || ': ' || id || ' ' || title FROM documents WHERE id = ?2",
        "DELETE FROM documents WHERE id = ?2",
    };
    for (const char* sql : steps) {
        SQLite::Statement q(db.sql(), sql);
        q.bind(1, survivor);
        q.bind(2, absorbed);
        // Not every step names every parameter; SQLite only binds the ones a statement has.
        if (q.getBindParameterCount() >= 3)
            q.bind(3, reason);
        if (q.getBindParameterCount() >= 4)
            q.bind(4, now);
        q.exec();
    }
    refresh_document_title(db, survivor);
    reindex_documents(db, {survivor, absorbed});
}

} // namespace kennis
