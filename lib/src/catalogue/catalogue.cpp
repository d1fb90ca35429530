#include "catalogue/catalogue.hpp"

#include "kennis/error.hpp"
#include "kennis/title.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace kennis {
namespace {

using Id = std::int64_t;

std::optional<std::string> optional_text(const SQLite::Column& c) {
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

// The rows of a query (that selects document_id first and names its id column `{in}`) for
// some documents, each handed to `take`. Ids that fill most of their range, as for an export of
// everything, are read as that range in one pass rather than looked up one by one, and the rows
// of documents between them are passed over.
class RowsOf {
public:
    explicit RowsOf(const std::vector<Id>& ids) {
        m_slot.reserve(ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            m_slot.emplace(ids[i], i);
        if (ids.empty())
            return;
        const auto [low, high] = std::minmax_element(ids.begin(), ids.end());
        m_dense = static_cast<std::uint64_t>(*high - *low) < 2 * ids.size();
        m_range = {*low, *high};
        if (!m_dense)
            m_json = nlohmann::json(ids).dump();
    }

    // Where a document is in the ids asked for; nullopt for one between them.
    std::optional<std::size_t> slot(Id id) const {
        const auto it = m_slot.find(id);
        return it == m_slot.end() ? std::nullopt : std::optional(it->second);
    }

    template <typename Take>
    void each(Database& db, std::string_view sql, Take take) const {
        if (m_slot.empty())
            return;
        auto prepared = db.prepare(fmt::format(fmt::runtime(sql), fmt::arg("in", m_dense ? "BETWEEN ?1 AND ?2" : "IN (SELECT value FROM json_each(?1))")));
        SQLite::Statement& q = *prepared;
        if (m_dense) {
            q.bind(1, m_range.first);
            q.bind(2, m_range.second);
        } else {
            q.bind(1, m_json);
        }
        while (q.executeStep())
            if (const auto at = slot(q.getColumn(0).getInt64()))
                take(*at, q);
    }

private:
    std::unordered_map<Id, std::size_t> m_slot;
    bool m_dense = false;
    std::pair<Id, Id> m_range;
    std::string m_json;
};

// The rows of one kind of list (aliases, themes, versions), gathered with the key that orders
// them within their document and handed over in that order. For ten thousand documents this
// takes a fraction of the time SQLite spends sorting the rows in temporary b-trees.
template <typename Key, typename Value>
class ListRows {
public:
    void add(std::size_t at, Key key, Value value) { m_rows.push_back({at, std::move(key), std::move(value)}); }

    // `take(at, key, value)` for each row, by document and then by key.
    template <typename Take>
    void each(Take take) {
        std::sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) { return std::tie(a.at, a.key) < std::tie(b.at, b.key); });
        for (auto& row : m_rows)
            take(row.at, row.key, std::move(row.value));
    }

private:
    struct Row {
        std::size_t at;
        Key key;
        Value value;
    };
    std::vector<Row> m_rows;
};

} // namespace

std::string theme_key(std::string_view name) {
    // Unlike titles, punctuation matters here: "Verzuim 18-" and "Verzuim 18+" are two themes.
    return collapse_spaces(unicode::fold(name));
}

std::int64_t catalogue_stamp(Database& db) {
    return db.sql().execAndGet("SELECT value FROM catalogue_stamp").getInt64();
}

std::string current_sha256(std::string_view table) {
    return fmt::format("(SELECT v.sha256 FROM versions v WHERE v.document_id = {}.id ORDER BY v.first_seen DESC, v.id DESC LIMIT 1)", table);
}

std::vector<Document> load_documents(Database& db, const std::filesystem::path& home,
                                     const std::vector<Id>& ids) {
    // Built in place, in the order asked for; a document that is not there keeps id 0.
    std::vector<Document> docs(ids.size());
    const RowsOf rows(ids);
    rows.each(db,
              "SELECT id, slug, title, status, type, publisher, date, period, level, first_seen, last_seen "
              "FROM documents WHERE id {in}",
              [&](std::size_t at, SQLite::Statement& q) {
                  Document& d = docs[at];
                  d.id = q.getColumn(0).getInt64();
                  d.slug = q.getColumn(1).getString();
                  d.title = q.getColumn(2).getString();
                  d.status = q.getColumn(3).getString();
                  d.type = optional_text(q.getColumn(4));
                  d.publisher = optional_text(q.getColumn(5));
                  d.date = optional_text(q.getColumn(6));
                  d.period = optional_text(q.getColumn(7));
                  d.level = optional_text(q.getColumn(8));
                  d.first_seen = q.getColumn(9).getString();
                  d.last_seen = q.getColumn(10).getString();
              });
    // Lists in the order of their seq, of their themes' ids (a theme listed by two sources once),
    // of their names, and of when they were first seen.
    ListRows<std::int64_t, std::string> aliases;
    rows.each(db, "SELECT document_id, alias, seq FROM aliases WHERE document_id {in}", [&](std::size_t at, SQLite::Statement& q) {
        aliases.add(at, q.getColumn(2).getInt64(), q.getColumn(1).getString());
    });
    aliases.each([&](std::size_t at, std::int64_t, std::string alias) { docs[at].aliases.push_back(std::move(alias)); });
    ListRows<std::int64_t, std::string> themes;
    rows.each(db, "SELECT m.document_id, t.name, t.id FROM memberships m JOIN themes t ON t.id = m.theme_id WHERE m.document_id {in}",
              [&](std::size_t at, SQLite::Statement& q) { themes.add(at, q.getColumn(2).getInt64(), q.getColumn(1).getString()); });
    std::pair<std::size_t, std::int64_t> last_theme{docs.size(), 0};
    themes.each([&](std::size_t at, std::int64_t theme, std::string name) {
        if (std::exchange(last_theme, {at, theme}) != std::pair(at, theme))
            docs[at].themes.push_back(std::move(name));
    });
    rows.each(db, "SELECT dt.document_id, t.name FROM document_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id {in}",
              [&](std::size_t at, SQLite::Statement& q) { docs[at].tags.push_back(q.getColumn(1).getString()); });
    for (auto& d : docs)
        std::sort(d.tags.begin(), d.tags.end());
    rows.each(db,
              "SELECT document_id, url, etag, last_modified, last_status, last_checked FROM urls "
              "WHERE document_id {in} ORDER BY document_id, id",
              [&](std::size_t at, SQLite::Statement& q) {
                  DocumentUrl u;
                  u.url = q.getColumn(1).getString();
                  u.etag = optional_text(q.getColumn(2));
                  u.last_modified = optional_text(q.getColumn(3));
                  if (!q.getColumn(4).isNull())
                      u.last_status = q.getColumn(4).getInt();
                  u.last_checked = optional_text(q.getColumn(5));
                  docs[at].urls.push_back(std::move(u));
              });
    ListRows<std::pair<std::string, std::int64_t>, DocumentVersion> versions;
    rows.each(db,
              "SELECT v.document_id, v.sha256, b.size, b.mime, v.first_seen, v.id, b.macros FROM versions v "
              "JOIN blobs b ON b.sha256 = v.sha256 WHERE v.document_id {in}",
              [&](std::size_t at, SQLite::Statement& q) {
                  DocumentVersion v{q.getColumn(1).getString(), q.getColumn(2).getInt64(), optional_text(q.getColumn(3)),
                                    q.getColumn(4).getString(), q.getColumn(6).getInt() != 0};
                  versions.add(at, {v.first_seen, q.getColumn(5).getInt64()}, std::move(v));
              });
    versions.each([&](std::size_t at, const auto&, DocumentVersion v) { docs[at].versions.push_back(std::move(v)); });
    std::erase_if(docs, [](const Document& d) { return d.id == 0; });
    for (auto& d : docs)
        if (const auto* v = d.current())
            d.path = store_file(home, v->sha256);
    return docs;
}

std::vector<Store::StoredFile> unused_store_files(Database& db, const Store& store) {
    std::set<std::string> in_use;
    SQLite::Statement q(db.sql(), "SELECT DISTINCT sha256 FROM versions");
    while (q.executeStep())
        in_use.insert(q.getColumn(0).getString());
    auto files = store.files();
    std::erase_if(files, [&](const Store::StoredFile& f) { return in_use.contains(f.sha256); });
    return files;
}

std::optional<Id> resolve_document(Database& db, std::string_view doc) {
    const std::string text(doc);
    const auto ids = [&](const char* sql, const std::string& value) {
        SQLite::Statement q(db.sql(), sql);
        q.bind(1, value);
        std::vector<Id> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getInt64());
        return out;
    };
    // One document, or none; a title shared by several documents names none of them.
    const auto one = [&](const std::vector<Id>& found) -> std::optional<Id> {
        if (found.size() <= 1)
            return found.empty() ? std::nullopt : std::optional<Id>(found.front());
        std::vector<std::string> which;
        SQLite::Statement q(db.sql(), "SELECT id, slug, title FROM documents WHERE id = ?");
        for (Id id : found) {
            q.bind(1, id);
            if (q.executeStep())
                which.push_back(fmt::format("{}  {}  {}", id, q.getColumn(1).getString(), q.getColumn(2).getString()));
            q.reset();
        }
        throw NotFoundError(fmt::format("'{}' names {} documents; name one by id or slug", text, found.size()), which);
    };
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 18) {
        if (auto id = one(ids("SELECT id FROM documents WHERE id = CAST(?1 AS INTEGER) "
                              "UNION SELECT document_id FROM redirects WHERE old_id = CAST(?1 AS INTEGER)",
                              text)))
            return id;
    }
    if (auto id = one(ids("SELECT id FROM documents WHERE slug = ?1 "
                          "UNION SELECT document_id FROM redirects WHERE old_slug = ?1",
                          text)))
        return id;
    if (auto id = one(ids("SELECT id FROM documents WHERE title = ?1 "
                          "UNION SELECT document_id FROM aliases WHERE alias = ?1 ORDER BY 1",
                          text)))
        return id;
    const std::string key = title_key(text);
    if (key.empty())
        return std::nullopt;
    return one(ids("SELECT id FROM documents WHERE title_key = ?1 "
                   "UNION SELECT document_id FROM aliases WHERE alias_key = ?1 ORDER BY 1",
                   key));
}

std::int64_t require_document(Database& db, std::string_view doc) {
    if (const auto id = resolve_document(db, doc))
        return *id;
    throw NotFoundError(fmt::format("no document '{}'", doc), closest_titles(db, doc, 5));
}

std::vector<std::string> closest_titles(Database& db, std::string_view text, std::size_t most) {
    const std::string key = title_key(text);
    std::vector<std::pair<double, std::string>> scored;
    SQLite::Statement q(db.sql(), "SELECT title, title_key FROM documents ORDER BY id");
    while (q.executeStep()) {
        const std::string title = q.getColumn(0).getString();
        double score = title_similarity(text, title);
        // Part of a title typed exactly is a strong hint even when the title is much longer.
        if (!key.empty() && q.getColumn(1).getString().find(key) != std::string::npos)
            score = std::max(score, 0.5);
        if (score >= 0.2)
            scored.emplace_back(score, title);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < most; ++i)
        out.push_back(scored[i].second);
    return out;
}

} // namespace kennis
