#include "kennis/tags.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"
#include "search/search_index.hpp"
#include "browse/selection.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <fmt/format.h>
#include <set>

namespace kennis {
namespace {

using Id = std::int64_t;

std::vector<Id> target_ids(Library& library, const TagTarget& target) {
    Database& db = library.impl().db;
    std::set<Id> ids;
    if (!target.documents.empty()) {
        for (const auto& doc : target.documents)
            ids.insert(require_document(db, doc));
    } else if (target.query || target.filtered) {
        const auto selected = select_ids(library, target.query, target.filter, target.synonyms);
        ids.insert(selected.begin(), selected.end());
    } else {
        throw UsageError("name the documents to tag: DOC…, --query QUERY, or a filter such as --theme");
    }
    return {ids.begin(), ids.end()};
}

Id tag_id(Database& db, const std::string& name) {
    SQLite::Statement ins(db.sql(), "INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
    ins.bind(1, name);
    ins.exec();
    SQLite::Statement q(db.sql(), "SELECT id FROM tags WHERE name = ?");
    q.bind(1, name);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

TagResult change_tag(Library& library, std::string_view tag, const TagTarget& target, bool add) {
    TagResult result;
    result.tag = normalize_tag(tag);
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    const auto ids = target_ids(library, target);
    result.selected = ids.size();
    WriteTransaction tx(impl.db);
    const Id tag_row = tag_id(impl.db, result.tag);
    SQLite::Statement change(impl.db.sql(),
                             add ? "INSERT OR IGNORE INTO document_tags (document_id, tag_id, added_at) VALUES (?, ?, ?)"
                                 : "DELETE FROM document_tags WHERE document_id = ? AND tag_id = ?");
    std::vector<Id> changed;
    const std::string now = utc_now();
    for (Id id : ids) {
        change.bind(1, id);
        change.bind(2, tag_row);
        if (add)
            change.bind(3, now);
        if (change.exec() > 0)
            changed.push_back(id);
        change.reset();
    }
    impl.db.sql().exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM document_tags)");
    reindex_documents(impl.db, changed);
    tx.commit();
    result.changed = changed.size();
    return result;
}

} // namespace

std::string normalize_tag(std::string_view tag) {
    const std::string folded = unicode::casefold(tag);
    std::string out;
    std::size_t start = 0;
    while (start <= folded.size()) {
        auto slash = folded.find('/', start);
        if (slash == std::string::npos)
            slash = folded.size();
        const std::string level = collapse_spaces(std::string_view(folded).substr(start, slash - start));
        if (!level.empty())
            out += (out.empty() ? "" : "/") + level;
        start = slash + 1;
    }
    if (out.empty())
        throw UsageError(fmt::format("'{}' is not a tag: a tag needs at least one letter or digit", tag));
    return out;
}

TagResult add_tag(Library& library, std::string_view tag, const TagTarget& target) try {
    return change_tag(library, tag, target, true);
} catch (...) {
    rethrow_at_edge(library);
}

TagResult remove_tag(Library& library, std::string_view tag, const TagTarget& target) try {
    return change_tag(library, tag, target, false);
} catch (...) {
    rethrow_at_edge(library);
}

std::vector<TagCount> list_tags(Library& library, const std::optional<std::string>& document) try {
    Database& db = library.impl().db;
    std::string sql = "SELECT t.name, count(dt.document_id) FROM tags t JOIN document_tags dt ON dt.tag_id = t.id ";
    std::optional<Id> id;
    if (document) {
        id = require_document(db, *document);
        sql += "WHERE t.id IN (SELECT tag_id FROM document_tags WHERE document_id = ?) ";
    }
    sql += "GROUP BY t.id ORDER BY t.name";
    SQLite::Statement q(db.sql(), sql);
    if (id)
        q.bind(1, *id);
    std::vector<TagCount> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), static_cast<std::size_t>(q.getColumn(1).getInt64())});
    return out;
} catch (...) {
    rethrow_at_edge(library);
}

std::size_t rename_tag(Library& library, std::string_view from, std::string_view to) try {
    const std::string old_name = normalize_tag(from);
    const std::string new_name = normalize_tag(to);
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    WriteTransaction tx(impl.db);
    SQLite::Statement q(impl.db.sql(), "SELECT id, name FROM tags WHERE name = ?1 OR substr(name, 1, length(?1) + 1) = ?1 || '/'");
    q.bind(1, old_name);
    std::vector<std::pair<Id, std::string>> renamed;
    while (q.executeStep())
        renamed.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    if (renamed.empty())
        throw NotFoundError(fmt::format("no tag '{}'", old_name), {});
    std::set<Id> docs;
    for (const auto& [id, name] : renamed) {
        const Id target = tag_id(impl.db, new_name + name.substr(old_name.size()));
        if (target == id)
            continue;
        SQLite::Statement affected(impl.db.sql(), "SELECT document_id FROM document_tags WHERE tag_id = ?");
        affected.bind(1, id);
        while (affected.executeStep())
            docs.insert(affected.getColumn(0).getInt64());
        SQLite::Statement move(impl.db.sql(), "INSERT OR IGNORE INTO document_tags (document_id, tag_id, added_at) "
                                              "SELECT document_id, ?, added_at FROM document_tags WHERE tag_id = ?");
        move.bind(1, target);
        move.bind(2, id);
        move.exec();
        SQLite::Statement drop(impl.db.sql(), "DELETE FROM tags WHERE id = ?");
        drop.bind(1, id);
        drop.exec();
    }
    reindex_documents(impl.db, {docs.begin(), docs.end()});
    tx.commit();
    return docs.size();
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
