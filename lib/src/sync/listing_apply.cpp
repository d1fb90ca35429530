#include "sync/listing_apply.hpp"

#include "catalogue/catalogue.hpp"
#include "catalogue/document_title.hpp"
#include "kennis/error.hpp"
#include "kennis/title.hpp"
#include "maintenance/merge.hpp"
#include "search/search_index.hpp"
#include "sync/title_facts.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kennis {
namespace {

using Id = std::int64_t;

// What one document went through during this sync.
struct Touched {
    bool created = false;
    std::string slug, title; // of a created document, as it was inserted
    std::vector<std::string> details;
    std::set<Id> themes; // themes this source lists it under now
};

class Applier {
public:
    Applier(Database& db, const Listing& listing, const SyncRun& run)
        : m_db(db), m_sql(db.sql()), m_listing(listing), m_now(run.now), m_after_event(run.after_event) {}

    SourceReport run(bool force) {
        SourceReport report;
        report.source = m_listing.source;
        report.entries = m_listing.entries.size();
        const Id source = source_id(force);
        start_sync_log(source);
        load();
        bulk({"documents", "urls", "aliases", "events"}, [&] { resolve_entries(); });
        absorb_twins();
        bulk({"memberships", "events"}, [&] { update_memberships(source); });
        withdraw_unlisted(source, report);
        write_listing(source);
        finish(source, report);
        reindex_changed();
        // Added, then updated, then withdrawn, each by id; the ranks are found once, not per comparison.
        static constexpr std::array<std::string_view, 3> order{"added", "updated", "withdrawn"};
        std::vector<std::pair<std::pair<std::ptrdiff_t, Id>, std::size_t>> ranked;
        ranked.reserve(report.changes.size());
        for (std::size_t i = 0; i < report.changes.size(); ++i) {
            const auto& c = report.changes[i];
            ranked.push_back({{std::find(order.begin(), order.end(), c.kind) - order.begin(), c.id}, i});
        }
        std::sort(ranked.begin(), ranked.end());
        std::vector<DocumentChange> sorted;
        sorted.reserve(ranked.size());
        for (const auto& r : ranked)
            sorted.push_back(std::move(report.changes[r.second]));
        report.changes = std::move(sorted);
        return report;
    }

private:
    // Runs `loop`, which inserts a row into `tables` for each of thousands of entries, with the
    // catalogue stamp changed once rather than by a trigger for every row.
    template <typename Loop>
    void bulk(std::initializer_list<std::string_view> tables, Loop loop) {
        StampOnceForInserts stamp(m_db, tables);
        m_stamp = &stamp;
        loop();
        m_stamp = nullptr;
        stamp.finish();
    }

    void inserted() {
        if (m_stamp)
            m_stamp->inserted();
    }

    Id source_id(bool force) {
        SQLite::Statement q(m_sql, "SELECT id, last_entries FROM sources WHERE location = ?");
        q.bind(1, m_listing.source);
        if (q.executeStep()) {
            const Id id = q.getColumn(0).getInt64();
            const auto last = static_cast<std::size_t>(q.getColumn(1).getInt64());
            if (!force && m_listing.entries.size() * 2 < last)
                throw InputError(fmt::format(
                    "{} lists {} entries, fewer than half of the {} at its last sync; if that is "
                    "right, sync again with --force",
                    m_listing.source, m_listing.entries.size(), last));
            SQLite::Statement prev(m_sql, "SELECT DISTINCT document_id FROM listing_entries WHERE source_id = ?");
            prev.bind(1, id);
            while (prev.executeStep())
                m_previously_listed.insert(prev.getColumn(0).getInt64());
            return id;
        }
        SQLite::Statement ins(m_sql, "INSERT INTO sources (location, kind, first_synced, last_synced) "
                                     "VALUES (?, ?, ?, ?)");
        ins.bind(1, m_listing.source);
        ins.bind(2, m_listing.kind);
        ins.bind(3, m_now);
        ins.bind(4, m_now);
        ins.exec();
        return m_sql.getLastInsertRowid();
    }

    void load() {
        SQLite::Statement urls(m_sql, "SELECT url, document_id FROM urls");
        while (urls.executeStep()) {
            m_url_doc.emplace(urls.getColumn(0).getString(), urls.getColumn(1).getInt64());
            m_has_url.insert(urls.getColumn(1).getInt64());
        }
        SQLite::Statement aliases(m_sql, "SELECT document_id, alias, alias_key FROM aliases ORDER BY document_id, seq");
        while (aliases.executeStep()) {
            const Id doc = aliases.getColumn(0).getInt64();
            m_aliases[doc].insert(aliases.getColumn(1).getString());
            auto& docs = m_key_docs[aliases.getColumn(2).getString()];
            if (docs.empty() || docs.back() != doc)
                docs.push_back(doc);
        }
        for (auto& [key, docs] : m_key_docs)
            std::sort(docs.begin(), docs.end());
        SQLite::Statement themes(m_sql, "SELECT id, name_key FROM themes");
        while (themes.executeStep())
            m_theme_ids.emplace(themes.getColumn(1).getString(), themes.getColumn(0).getInt64());
        SQLite::Statement slugs(m_sql, "SELECT slug FROM documents UNION ALL SELECT old_slug FROM redirects");
        while (slugs.executeStep())
            m_slugs.insert(slugs.getColumn(0).getString());
        m_next_id = m_sql.execAndGet("SELECT max(coalesce((SELECT max(id) FROM documents), 0), "
                                     "coalesce((SELECT max(old_id) FROM redirects), 0)) + 1")
                        .getInt64();
    }

    Id theme_id(const std::string& name) {
        const std::string key = theme_key(name);
        if (auto it = m_theme_ids.find(key); it != m_theme_ids.end())
            return it->second;
        SQLite::Statement ins(m_sql, "INSERT INTO themes (name, name_key) VALUES (?, ?)");
        ins.bind(1, name);
        ins.bind(2, key);
        ins.exec();
        return m_theme_ids.emplace(key, m_sql.getLastInsertRowid()).first->second;
    }

    std::string unique_slug(const std::string& base) {
        std::string slug = base;
        // A slug made only of digits would read as an id.
        if (slug.find_first_not_of("0123456789") == std::string::npos)
            slug = "doc-" + slug;
        for (int n = 2; m_slugs.contains(slug); ++n)
            slug = fmt::format("{}-{}", base, n);
        m_slugs.insert(slug);
        return slug;
    }

    // A new document gets at once what refresh_document_title would give it from its one title,
    // so that a page of new documents writes each row once.
    Id create_document(const std::string& title, TitleFacts& facts) {
        if (!facts.fresh)
            work_out_fresh(facts, title);
        auto& ins = m_cached("INSERT INTO documents (id, slug, title, title_key, series_key, first_seen, last_seen, "
                             "type, publisher, date, period, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const Id doc = m_next_id++;
        std::string slug = unique_slug(facts.slug_base);
        ins.bind(1, doc);
        ins.bind(2, slug);
        ins.bind(3, facts.title.shown);
        ins.bind(4, facts.title.key);
        ins.bind(5, facts.title.series);
        ins.bind(6, m_now);
        ins.bind(7, m_now);
        bind_metadata(ins, 8, facts.title.meta);
        ins.exec();
        inserted();
        auto& t = touch(doc);
        t.created = true;
        t.slug = std::move(slug);
        t.title = std::move(facts.title.shown);
        event(doc, "added", std::nullopt, title);
        return doc;
    }

    Touched& touch(Id doc) {
        auto [it, fresh] = m_touched.try_emplace(doc);
        if (fresh)
            m_order.push_back(doc);
        return it->second;
    }

    void add_url(Id doc, const std::string& url) {
        auto& ins = m_cached("INSERT INTO urls (document_id, url, first_seen) VALUES (?, ?, ?)");
        ins.bind(1, doc);
        ins.bind(2, url);
        ins.bind(3, m_now);
        ins.exec();
        inserted();
        m_url_doc.emplace(url, doc);
        m_has_url.insert(doc);
        auto& t = touch(doc);
        if (!t.created) {
            t.details.push_back(fmt::format("download address {}", url));
            event(doc, "url_added", std::nullopt, url);
        }
    }

    void add_alias(Id doc, const std::string& title, const std::string& key) {
        auto& known = m_aliases[doc];
        if (!known.insert(title).second)
            return;
        auto& ins = m_cached("INSERT INTO aliases (document_id, alias, alias_key, seq) VALUES (?, ?, ?, ?)");
        ins.bind(1, doc);
        ins.bind(2, title);
        ins.bind(3, key);
        ins.bind(4, static_cast<std::int64_t>(known.size()));
        ins.exec();
        inserted();
        auto& docs = m_key_docs[key];
        if (std::find(docs.begin(), docs.end(), doc) == docs.end())
            docs.insert(std::upper_bound(docs.begin(), docs.end(), doc), doc);
        auto& t = touch(doc);
        if (!t.created || known.size() > 1)
            m_retitle.insert(doc);
        if (!t.created && known.size() > 1) {
            t.details.push_back(fmt::format("also listed as \"{}\"", title));
            event(doc, "alias_added", std::nullopt, title);
        }
    }

    // Identity: the same URL is the same document; an entry with a new URL claims a document
    // that has no URL yet and the same title; an entry without URL is its title.
    Id resolve(const ListingEntry& entry, TitleFacts& facts) {
        const std::string& key = facts.key;
        const auto by_key = m_key_docs.find(key);
        if (entry.url) {
            if (auto it = m_url_doc.find(*entry.url); it != m_url_doc.end())
                return it->second;
            if (by_key != m_key_docs.end())
                for (Id doc : by_key->second)
                    if (!m_has_url.contains(doc)) {
                        add_url(doc, *entry.url);
                        return doc;
                    }
            const Id doc = create_document(entry.title, facts);
            add_url(doc, *entry.url);
            return doc;
        }
        if (by_key != m_key_docs.end() && !by_key->second.empty())
            return by_key->second.front();
        return create_document(entry.title, facts);
    }

    void start_sync_log(Id source) {
        SQLite::Statement log(m_sql, "INSERT INTO syncs (source_id, at, entries, added, updated, withdrawn, unchanged, "
                                     "after_event) VALUES (?, ?, ?, 0, 0, 0, 0, ?)");
        log.bind(1, source);
        log.bind(2, m_now);
        log.bind(3, static_cast<std::int64_t>(m_listing.entries.size()));
        log.bind(4, m_after_event);
        log.exec();
        m_sync_id = m_sql.getLastInsertRowid();
    }

    void resolve_entries() {
        const auto& entries = m_listing.entries;
        m_entry_docs.reserve(entries.size());
        std::vector<bool> fresh(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i)
            fresh[i] = entries[i].url && !m_url_doc.contains(*entries[i].url);
        FactsAhead facts(entries, std::move(fresh));
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& entry = entries[i];
            TitleFacts& f = facts[i];
            const Id doc = resolve(entry, f);
            add_alias(doc, entry.title, f.key);
            const Id theme = theme_id(entry.theme);
            touch(doc).themes.insert(theme);
            m_entry_docs.push_back({doc, theme});
        }
    }

    std::string theme_name(Id theme) {
        if (m_theme_names.empty()) {
            SQLite::Statement q(m_sql, "SELECT id, name FROM themes");
            while (q.executeStep())
                m_theme_names.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString());
        }
        return m_theme_names.at(theme);
    }

    void update_memberships(Id source) {
        // This source's themes per document, and those other sources give it: a theme another
        // source keeps is no news when this one adds or drops it.
        std::map<Id, std::set<Id>> existing;
        std::map<Id, std::set<Id>> elsewhere;
        SQLite::Statement q(m_sql, "SELECT document_id, theme_id, source_id = ? FROM memberships");
        q.bind(1, source);
        while (q.executeStep())
            (q.getColumn(2).getInt() ? existing : elsewhere)[q.getColumn(0).getInt64()].insert(q.getColumn(1).getInt64());
        SQLite::Statement ins(m_sql, "INSERT INTO memberships (document_id, theme_id, source_id, first_seen) "
                                     "VALUES (?, ?, ?, ?)");
        SQLite::Statement del(m_sql, "DELETE FROM memberships WHERE document_id = ? AND theme_id = ? AND source_id = ?");
        for (Id doc : m_order) {
            auto& t = m_touched.at(doc);
            const auto& before = existing[doc];
            for (Id theme : t.themes) {
                if (before.contains(theme))
                    continue;
                ins.bind(1, doc);
                ins.bind(2, theme);
                ins.bind(3, source);
                ins.bind(4, m_now);
                ins.exec();
                ins.reset();
                inserted();
                if (!t.created && !elsewhere[doc].contains(theme)) {
                    t.details.push_back(fmt::format("now also under {}", theme_name(theme)));
                    event(doc, "theme_added", theme, std::nullopt);
                }
            }
            for (Id theme : before) {
                if (t.themes.contains(theme))
                    continue;
                del.bind(1, doc);
                del.bind(2, theme);
                del.bind(3, source);
                del.exec();
                del.reset();
                if (elsewhere[doc].contains(theme))
                    continue;
                t.details.push_back(fmt::format("no longer under {}", theme_name(theme)));
                event(doc, "theme_removed", theme, std::nullopt);
            }
        }
    }

    void withdraw_unlisted(Id source, SourceReport& report) {
        SQLite::Statement elsewhere(m_sql, "SELECT 1 FROM listing_entries WHERE document_id = ? AND source_id <> ? LIMIT 1");
        SQLite::Statement drop(m_sql, "DELETE FROM memberships WHERE document_id = ? AND source_id = ?");
        SQLite::Statement withdraw(m_sql, "UPDATE documents SET status = 'withdrawn' WHERE id = ? AND status = 'active'");
        for (Id doc : m_previously_listed) {
            if (m_touched.contains(doc))
                continue;
            elsewhere.bind(1, doc);
            elsewhere.bind(2, source);
            const bool listed_elsewhere = elsewhere.executeStep();
            elsewhere.reset();
            if (listed_elsewhere) {
                // Another source still lists it: only this source's themes go.
                drop.bind(1, doc);
                drop.bind(2, source);
                drop.exec();
                drop.reset();
                m_withdrawn_elsewhere.push_back(doc);
                continue;
            }
            withdraw.bind(1, doc);
            const bool changed = withdraw.exec() > 0;
            withdraw.reset();
            if (changed) {
                event(doc, "withdrawn", std::nullopt, m_listing.source);
                ++report.withdrawn;
                report.changes.push_back(change_of(doc, "withdrawn", {"no longer listed"}));
            }
        }
    }

    // A document known only by its title (from a snapshot) is the document this listing now
    // lists with a download address under that title: the two become one.
    void absorb_twins() {
        const std::vector<Id> listed = m_order;
        for (Id doc : listed) {
            if (!m_has_url.contains(doc))
                continue;
            std::vector<Id> twins;
            for (const auto& alias : m_aliases[doc]) {
                const auto it = m_key_docs.find(title_key(alias));
                if (it == m_key_docs.end())
                    continue;
                for (Id other : it->second)
                    if (other != doc && !m_has_url.contains(other) && !m_touched.contains(other) &&
                        std::find(twins.begin(), twins.end(), other) == twins.end() && !kept_apart(m_db, doc, other))
                        twins.push_back(other);
            }
            for (Id twin : twins)
                absorb(doc, twin);
        }
    }

    void absorb(Id survivor, Id absorbed) {
        merge_documents(m_db, survivor, absorbed, "same title as a listed download", m_now);
        m_previously_listed.erase(absorbed);
        for (const auto& alias : m_aliases[absorbed]) {
            auto& docs = m_key_docs[title_key(alias)];
            docs.erase(std::remove(docs.begin(), docs.end(), absorbed), docs.end());
            if (std::find(docs.begin(), docs.end(), survivor) == docs.end())
                docs.insert(std::upper_bound(docs.begin(), docs.end(), survivor), survivor);
            m_aliases[survivor].insert(alias);
        }
        m_aliases.erase(absorbed);
        m_touched.at(survivor).details.push_back(fmt::format("merged with document {} of the same title", absorbed));
        m_retitle.insert(survivor);
    }

    // Documents whose titles or themes changed: created ones, and those with something to report.
    // A created one that took in a twin was indexed by the merge.
    void reindex_changed() {
        std::vector<Id> created, changed;
        for (Id doc : m_order) {
            const auto& t = m_touched.at(doc);
            if (t.created && t.details.empty())
                created.push_back(doc);
            else if (t.created || !t.details.empty())
                changed.push_back(doc);
        }
        changed.insert(changed.end(), m_withdrawn_elsewhere.begin(), m_withdrawn_elsewhere.end());
        reindex_documents(m_db, changed);
        index_new_documents(m_db, created);
    }

    void write_listing(Id source) {
        SQLite::Statement del(m_sql, "DELETE FROM listing_entries WHERE source_id = ?");
        del.bind(1, source);
        del.exec();
        SQLite::Statement ins(m_sql, "INSERT INTO listing_entries (source_id, position, theme_id, title, url, document_id) "
                                     "VALUES (?, ?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < m_listing.entries.size(); ++i) {
            const auto& entry = m_listing.entries[i];
            ins.bind(1, source);
            ins.bind(2, static_cast<std::int64_t>(i + 1));
            ins.bind(3, m_entry_docs[i].second);
            ins.bind(4, entry.title);
            if (entry.url)
                ins.bind(5, *entry.url);
            else
                ins.bind(5);
            ins.bind(6, m_entry_docs[i].first);
            ins.exec();
            ins.reset();
        }
    }

    void finish(Id source, SourceReport& report) {
        SQLite::Statement reinstate(m_sql, "UPDATE documents SET status = 'active', last_seen = ?1 "
                                           "WHERE id = ?2 AND status = 'withdrawn'");
        SQLite::Statement seen(m_sql, "UPDATE documents SET last_seen = ?1 WHERE id = ?2");
        for (Id doc : m_order) {
            auto& t = m_touched.at(doc);
            if (t.created) { // active and seen now since it was inserted
                ++report.added;
                if (m_retitle.contains(doc)) { // listed under a second title too
                    refresh_document_title(m_cached, doc);
                    report.changes.push_back(change_of(doc, "added", {}));
                } else {
                    report.changes.push_back({doc, std::move(t.slug), std::move(t.title), "added", {}});
                }
                continue;
            }
            reinstate.bind(1, m_now);
            reinstate.bind(2, doc);
            if (reinstate.exec() > 0) {
                t.details.push_back("listed again");
                event(doc, "reinstated", std::nullopt, m_listing.source);
            }
            reinstate.reset();
            seen.bind(1, m_now);
            seen.bind(2, doc);
            seen.exec();
            seen.reset();
            if (m_retitle.contains(doc))
                refresh_document_title(m_cached, doc);
            if (!t.details.empty()) {
                ++report.updated;
                report.changes.push_back(change_of(doc, "updated", t.details));
            } else {
                ++report.unchanged;
            }
        }
        for (Id doc : m_withdrawn_elsewhere) {
            ++report.updated;
            report.changes.push_back(change_of(doc, "updated", {fmt::format("no longer listed by {}", m_listing.source)}));
        }
        SQLite::Statement upd(m_sql, "UPDATE sources SET last_synced = ?, last_entries = ?, kind = ? WHERE id = ?");
        upd.bind(1, m_now);
        upd.bind(2, static_cast<std::int64_t>(m_listing.entries.size()));
        upd.bind(3, m_listing.kind);
        upd.bind(4, source);
        upd.exec();
        SQLite::Statement log(m_sql, "UPDATE syncs SET added = ?, updated = ?, withdrawn = ?, unchanged = ? WHERE id = ?");
        log.bind(1, static_cast<std::int64_t>(report.added));
        log.bind(2, static_cast<std::int64_t>(report.updated));
        log.bind(3, static_cast<std::int64_t>(report.withdrawn));
        log.bind(4, static_cast<std::int64_t>(report.unchanged));
        log.bind(5, m_sync_id);
        log.exec();
    }

    DocumentChange change_of(Id doc, std::string kind, std::vector<std::string> details) {
        auto& q = m_cached("SELECT slug, title FROM documents WHERE id = ?");
        q.bind(1, doc);
        q.executeStep();
        return {doc, q.getColumn(0).getString(), q.getColumn(1).getString(), std::move(kind), std::move(details)};
    }

    void event(Id doc, const char* kind, std::optional<Id> theme, std::optional<std::string> detail) {
        auto& ins = m_cached("INSERT INTO events (at, sync_id, document_id, kind, theme_id, detail) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, m_now);
        ins.bind(2, m_sync_id);
        ins.bind(3, doc);
        ins.bind(4, kind);
        if (theme)
            ins.bind(5, *theme);
        else
            ins.bind(5);
        if (detail)
            ins.bind(6, *detail);
        else
            ins.bind(6);
        ins.exec();
        inserted();
    }

    Database& m_db;
    SQLite::Database& m_sql;
    const Listing& m_listing;
    std::string m_now;
    std::int64_t m_after_event;
    std::unordered_map<std::string, Id> m_url_doc;
    std::unordered_set<Id> m_has_url;
    std::unordered_map<Id, std::unordered_set<std::string>> m_aliases;
    std::unordered_map<std::string, std::vector<Id>> m_key_docs;
    std::unordered_map<std::string, Id> m_theme_ids;
    std::unordered_map<Id, std::string> m_theme_names;
    std::unordered_set<std::string> m_slugs;
    std::unordered_set<Id> m_previously_listed;
    std::unordered_map<Id, Touched> m_touched;
    std::vector<Id> m_order;
    std::unordered_set<Id> m_retitle;
    std::vector<std::pair<Id, Id>> m_entry_docs; // per entry: document, theme
    std::vector<Id> m_withdrawn_elsewhere;
    StatementCache m_cached{m_db};
    // Never the id of a merged document, which keeps resolving to its survivor and may come back.
    Id m_next_id = 1;
    Id m_sync_id = 0;
    StampOnceForInserts* m_stamp = nullptr; // while a bulk loop runs
};

} // namespace

SourceReport apply_listing(Database& db, const Listing& listing, bool force, const SyncRun& run) {
    return Applier(db, listing, run).run(force);
}

} // namespace kennis
