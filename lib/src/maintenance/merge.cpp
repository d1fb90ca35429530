#include "maintenance/merge.hpp"

#include "compare/text_identity.hpp"
#include "kennis/error.hpp"
#include "catalogue/document_title.hpp"
#include "search/search_index.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <initializer_list>

namespace kennis {
namespace {

// Runs each statement with ?1 ?2 … bound to `params`; a statement binds only what it names.
template <typename... Params>
void run_all(Database& db, std::initializer_list<const char*> steps, const Params&... params) {
    for (const char* sql : steps) {
        SQLite::Statement q(db.sql(), sql);
        int index = 1;
        const auto bind = [&](const auto& value) {
            if (index <= q.getBindParameterCount())
                q.bind(index, value);
            ++index;
        };
        (bind(params), ...);
        q.exec();
    }
}

// What the absorbed document (?2) has, each row marked with whether the survivor (?1) has it too,
// so an unmerge takes back only what the merge brought.
constexpr const char* record_parts =
    "INSERT INTO redirects (old_id, old_slug, document_id, merged_into, reason, at, parts) "
    "SELECT id, slug, ?1, ?1, ?3, ?4, json_object("
    " 'document', json_object('title', title, 'title_key', title_key, 'series_key', series_key, 'type', type,"
    "   'publisher', publisher, 'date', date, 'period', period, 'level', level, 'status', status,"
    "   'first_seen', first_seen, 'last_seen', last_seen),"
    " 'aliases', (SELECT json_group_array(json_array(a.alias, a.alias_key, a.seq,"
    "   EXISTS (SELECT 1 FROM aliases s WHERE s.document_id = ?1 AND s.alias = a.alias)))"
    "   FROM aliases a WHERE a.document_id = ?2),"
    " 'memberships', (SELECT json_group_array(json_array(m.theme_id, m.source_id, m.first_seen,"
    "   EXISTS (SELECT 1 FROM memberships s WHERE s.document_id = ?1 AND s.theme_id = m.theme_id"
    "           AND s.source_id = m.source_id)))"
    "   FROM memberships m WHERE m.document_id = ?2),"
    " 'urls', (SELECT json_group_array(u.id) FROM urls u WHERE u.document_id = ?2),"
    " 'versions', (SELECT json_group_array(json_array(v.sha256, v.url_id, v.first_seen,"
    "   EXISTS (SELECT 1 FROM versions s WHERE s.document_id = ?1 AND s.sha256 = v.sha256)))"
    "   FROM versions v WHERE v.document_id = ?2),"
    " 'tags', (SELECT json_group_array(json_array(t.tag_id, t.added_at,"
    "   EXISTS (SELECT 1 FROM document_tags s WHERE s.document_id = ?1 AND s.tag_id = t.tag_id)))"
    "   FROM document_tags t WHERE t.document_id = ?2),"
    " 'events', (SELECT json_group_array(e.id) FROM events e WHERE e.document_id = ?2),"
    " 'survivor_tags', (SELECT json_group_array(t.tag_id) FROM document_tags t WHERE t.document_id = ?1))"
    "FROM documents WHERE id = ?2";

} // namespace

void merge_documents(Database& db, std::int64_t survivor, std::int64_t absorbed, const std::string& reason,
                     const std::string& now) {
    run_all(db,
            {
                record_parts,
                "DELETE FROM kept_apart WHERE (a, b) = (min(?1, ?2), max(?1, ?2))",
                "INSERT OR IGNORE INTO aliases (document_id, alias, alias_key, seq) "
                "SELECT ?1, alias, alias_key, "
                "seq + (SELECT coalesce(max(seq), 0) FROM aliases WHERE document_id = ?1) "
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
                "UPDATE documents SET "
                " status = CASE WHEN status = 'active' OR (SELECT status FROM documents WHERE id = ?2) = 'active' "
                "          THEN 'active' ELSE 'withdrawn' END, "
                " first_seen = min(first_seen, (SELECT first_seen FROM documents WHERE id = ?2)), "
                " last_seen = max(last_seen, (SELECT last_seen FROM documents WHERE id = ?2)) "
                "WHERE id = ?1",
                "INSERT INTO events (at, document_id, kind, detail) "
                "SELECT ?4, ?1, 'merged', ?3 || ': ' || id || ' ' || title FROM documents WHERE id = ?2",
                "DELETE FROM documents WHERE id = ?2",
            },
            survivor, absorbed, reason, now);
    refresh_document_title(db, survivor);
    reindex_documents(db, {survivor, absorbed});
}

std::int64_t unmerge_document(Database& db, std::int64_t old_id, const std::string& now) {
    SQLite::Statement q(db.sql(), "SELECT document_id, old_slug, parts FROM redirects WHERE old_id = ?");
    q.bind(1, old_id);
    if (!q.executeStep())
        throw InputError(fmt::format("document {} was never merged into another", old_id));
    const std::int64_t survivor = q.getColumn(0).getInt64();
    const std::string slug = q.getColumn(1).getString();
    if (q.getColumn(2).isNull())
        throw InputError(fmt::format("document {} ({}) was merged by an older kennis that did not record what it "
                                     "brought; it cannot be unmerged",
                                     old_id, slug));
    const std::string parts = q.getColumn(2).getString();
    q.reset();
    SQLite::Statement taken(db.sql(), "SELECT 1 FROM documents WHERE id = ?");
    taken.bind(1, old_id);
    if (taken.executeStep())
        throw InputError(fmt::format("document {} cannot come back: another document has its id now", old_id));
    // ?1 the document coming back, ?2 the survivor it leaves, ?3 what it brought, ?4 now, ?5 its
    // slug.
    run_all(db,
            {
                "INSERT INTO documents (id, slug, title, title_key, series_key, type, publisher, date, period, "
                "level, status, first_seen, last_seen) "
                "SELECT ?1, ?5, d->>'title', d->>'title_key', d->>'series_key', d->>'type', d->>'publisher', "
                "d->>'date', d->>'period', d->>'level', d->>'status', d->>'first_seen', d->>'last_seen' "
                "FROM (SELECT ?3 -> '$.document' AS d)",
                "INSERT OR IGNORE INTO aliases (document_id, alias, alias_key, seq) "
                "SELECT ?1, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3, '$.aliases')",
                "DELETE FROM aliases WHERE document_id = ?2 AND alias IN "
                "(SELECT value ->> 0 FROM json_each(?3, '$.aliases') WHERE NOT value ->> 3)",
                "UPDATE urls SET document_id = ?1 WHERE document_id = ?2 "
                "AND id IN (SELECT value FROM json_each(?3, '$.urls'))",
                "UPDATE listing_entries SET document_id = ?1 WHERE document_id = ?2 AND ("
                " url IN (SELECT url FROM urls WHERE document_id = ?1) OR (url IS NULL"
                " AND title IN (SELECT alias FROM aliases WHERE document_id = ?1)"
                " AND title NOT IN (SELECT alias FROM aliases WHERE document_id = ?2)))",
                "INSERT OR IGNORE INTO memberships (document_id, theme_id, source_id, first_seen) "
                "SELECT ?1, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3, '$.memberships') "
                "WHERE value ->> 0 IN (SELECT id FROM themes) AND value ->> 1 IN (SELECT id FROM sources)",
                "INSERT OR IGNORE INTO memberships (document_id, theme_id, source_id, first_seen) "
                "SELECT DISTINCT ?1, theme_id, source_id, ?4 FROM listing_entries WHERE document_id = ?1",
                "DELETE FROM memberships WHERE document_id = ?2 AND (theme_id, source_id) IN "
                "(SELECT value ->> 0, value ->> 1 FROM json_each(?3, '$.memberships') WHERE NOT value ->> 3) "
                "AND NOT EXISTS (SELECT 1 FROM listing_entries e WHERE e.document_id = ?2 "
                "AND e.theme_id = memberships.theme_id AND e.source_id = memberships.source_id)",
                // Versions fetched from its own addresses, before or after the merge, are its own.
                "UPDATE OR IGNORE versions SET document_id = ?1 WHERE document_id = ?2 "
                "AND url_id IN (SELECT id FROM urls WHERE document_id = ?1)",
                "DELETE FROM versions WHERE document_id = ?2 AND url_id IN (SELECT id FROM urls WHERE document_id = ?1)",
                "INSERT OR IGNORE INTO versions (document_id, sha256, url_id, first_seen) "
                "SELECT ?1, value ->> 0, (SELECT id FROM urls WHERE id = value ->> 1), value ->> 2 "
                "FROM json_each(?3, '$.versions') WHERE value ->> 0 IN (SELECT sha256 FROM blobs)",
                "DELETE FROM versions WHERE document_id = ?2 AND sha256 IN "
                "(SELECT value ->> 0 FROM json_each(?3, '$.versions') WHERE NOT value ->> 3) "
                "AND (url_id IS NULL OR url_id NOT IN (SELECT id FROM urls WHERE document_id = ?2))",
                // Tags given to the merged document were given to both.
                "INSERT OR IGNORE INTO document_tags (document_id, tag_id, added_at) "
                "SELECT ?1, value ->> 0, value ->> 1 FROM json_each(?3, '$.tags') "
                "WHERE value ->> 0 IN (SELECT id FROM tags) "
                "UNION ALL SELECT ?1, tag_id, added_at FROM document_tags WHERE document_id = ?2 "
                "AND tag_id NOT IN (SELECT value FROM json_each(?3, '$.survivor_tags'))",
                "DELETE FROM document_tags WHERE document_id = ?2 AND tag_id IN "
                "(SELECT value ->> 0 FROM json_each(?3, '$.tags') WHERE NOT value ->> 2)",
                "UPDATE events SET document_id = ?1 WHERE document_id = ?2 "
                "AND id IN (SELECT value FROM json_each(?3, '$.events'))",
                "WITH RECURSIVE inside(id) AS ("
                " SELECT old_id FROM redirects WHERE merged_into = ?1"
                " UNION SELECT r.old_id FROM redirects r JOIN inside ON r.merged_into = inside.id) "
                "UPDATE redirects SET document_id = ?1 WHERE old_id IN inside",
                "DELETE FROM redirects WHERE old_id = ?1",
                "UPDATE documents SET status = 'active' WHERE id = ?1 "
                "AND EXISTS (SELECT 1 FROM listing_entries WHERE document_id = ?1)",
                "INSERT INTO events (at, document_id, kind, detail) "
                "SELECT ?4, ?1, 'unmerged', 'from ' || id || ' ' || title FROM documents WHERE id = ?2 "
                "UNION ALL SELECT ?4, ?2, 'unmerged', ?1 || ' ' || ?5",
                "INSERT OR IGNORE INTO kept_apart (a, b, at) VALUES (min(?1, ?2), max(?1, ?2), ?4)",
            },
            old_id, survivor, parts, now, slug);
    refresh_document_title(db, old_id);
    refresh_document_title(db, survivor);
    reindex_documents(db, {old_id, survivor});
    return survivor;
}

std::set<std::pair<std::int64_t, std::int64_t>> kept_apart_pairs(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT coalesce((SELECT document_id FROM redirects WHERE old_id = a), a), "
                                  "coalesce((SELECT document_id FROM redirects WHERE old_id = b), b) FROM kept_apart");
    std::set<std::pair<std::int64_t, std::int64_t>> pairs;
    while (q.executeStep())
        pairs.insert(std::minmax(q.getColumn(0).getInt64(), q.getColumn(1).getInt64()));
    return pairs;
}

bool kept_apart(Database& db, std::int64_t a, std::int64_t b) { return kept_apart_pairs(db).contains(std::minmax(a, b)); }

std::vector<MergeNote> merge_into_one(Database& db, std::int64_t doc, const std::vector<std::int64_t>& others,
                                      const std::string& reason, const std::string& now) {
    std::vector<MergeNote> out;
    for (const std::int64_t other : others) {
        if (other == doc || kept_apart(db, doc, other))
            continue;
        const std::int64_t survivor = std::min(doc, other);
        const std::int64_t absorbed = std::max(doc, other);
        SQLite::Statement t(db.sql(), "SELECT title FROM documents WHERE id = ?");
        t.bind(1, absorbed);
        if (!t.executeStep())
            continue; // merged already, with a document before it
        out.push_back({absorbed, survivor, t.getColumn(0).getString(), reason});
        merge_documents(db, survivor, absorbed, reason, now);
        doc = survivor;
    }
    return out;
}

namespace {

std::vector<std::int64_t> ids_of(SQLite::Statement& q) {
    std::vector<std::int64_t> out;
    while (q.executeStep())
        out.push_back(q.getColumn(0).getInt64());
    return out;
}

} // namespace

std::vector<std::int64_t> documents_with_file(Database& db, const std::string& sha256, std::int64_t doc) {
    SQLite::Statement q(db.sql(), "SELECT DISTINCT document_id FROM versions WHERE sha256 = ? AND document_id <> ? ORDER BY 1");
    q.bind(1, sha256);
    q.bind(2, doc);
    return ids_of(q);
}

std::vector<std::int64_t> documents_with_same_text(Database& db, std::int64_t doc) {
    SQLite::Statement q(db.sql(), "SELECT DISTINCT v.document_id FROM versions mine "
                                  "JOIN blobs a ON a.sha256 = mine.sha256 AND a.text_words >= ?2 "
                                  "JOIN blobs b ON b.text_fingerprint = a.text_fingerprint "
                                  "JOIN versions v ON v.sha256 = b.sha256 AND v.document_id <> ?1 "
                                  "WHERE mine.document_id = ?1 ORDER BY 1");
    q.bind(1, doc);
    q.bind(2, min_words_to_merge);
    return ids_of(q);
}

std::vector<MergeNote> merge_same_text_of(Database& db, const std::string& sha256, const std::string& now) {
    std::vector<MergeNote> out;
    for (const std::int64_t doc : documents_with_file(db, sha256, 0))
        for (auto& note : merge_into_one(db, doc, documents_with_same_text(db, doc), "same text", now))
            out.push_back(std::move(note));
    return out;
}

} // namespace kennis
