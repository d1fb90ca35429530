#include "sync/listing_apply.hpp"

#include "catalogue/batch_insert.hpp"
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
#include <memory_resource>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kennis {
namespace {

using Id = std::int64_t;

// The sync's bookkeeping lives in one arena, given back at once at its end: a page of 100 000 new
// documents made more than a million small allocations, and freeing them one by one took a tenth
// of the sync. Text is kept as views of the listing's entries or of copies in the arena.
using Arena = std::pmr::monotonic_buffer_resource;
template <typename T>
using Ids = std::pmr::vector<T>;
template <typename V>
using ByText = std::pmr::unordered_map<std::string_view, V>;
using TextSet = std::pmr::unordered_set<std::string_view>;

// A title a document is listed under, with its key as the catalogue stores it.
struct KnownTitle {
    std::string_view title, key;
};

bool knows(const Ids<KnownTitle>& titles, std::string_view title) {
    return std::any_of(titles.begin(), titles.end(), [&](const KnownTitle& t) { return t.title == title; });
}

// What one document went through during this sync.
struct Touched {
    explicit Touched(std::pmr::memory_resource* arena) : themes(arena) {}
    bool created = false;
    std::string slug, title; // of a created document, as it was inserted
    std::vector<std::string> details;
    Ids<Id> themes; // themes this source lists it under now, each once
};

class Applier {
public:
    Applier(Database& db, const Listing& listing, const SyncRun& run)
        : m_db(db), m_sql(db.sql()), m_listing(listing), m_now(run.now), m_after_event(run.after_event) {}
    Applier(const Applier&) = delete;
    Applier& operator=(const Applier&) = delete;

    SourceReport run(bool force) {
        SourceReport report;
        report.source = m_listing.source;
        report.entries = m_listing.entries.size();
        defer_foreign_keys(m_db); // the batches below are written in whichever order they fill
        const Id source = source_id(force);
        start_sync_log(source);
        load();
        bulk({"documents", "urls", "aliases", "events"}, [&] { resolve_entries(); });
        absorb_twins();
        bulk({"memberships", "events"}, [&] { update_memberships(source); });
        withdraw_unlisted(source, report);
        write_listing(source);
        finish(source, report);
        write_waiting_rows();
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
        write_waiting_rows();
        m_stamp = nullptr;
        stamp.finish();
    }

    void write_waiting_rows() {
        for (auto* batch : {&m_document_rows, &m_url_rows, &m_alias_rows, &m_membership_rows, &m_event_rows})
            batch->flush();
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
        // Room for what the catalogue holds and what this listing may add, made once: growing
        // tables of 100 000 entries step by step moved every entry several times.
        const auto rows = [&](const char* table) {
            return static_cast<std::size_t>(m_sql.execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64());
        };
        const std::size_t entries = m_listing.entries.size();
        const std::size_t documents = rows("documents") + entries;
        m_url_doc.reserve(rows("urls") + entries);
        m_has_url.reserve(documents);
        m_aliases.reserve(documents);
        m_key_docs.reserve(rows("aliases") + entries);
        m_slugs.reserve(documents + rows("redirects"));
        m_touched.reserve(entries);
        SQLite::Statement urls(m_sql, "SELECT url, document_id FROM urls");
        while (urls.executeStep()) {
            m_url_doc.emplace(keep(urls.getColumn(0)), urls.getColumn(1).getInt64());
            m_has_url.insert(urls.getColumn(1).getInt64());
        }
        SQLite::Statement aliases(m_sql, "SELECT document_id, alias, alias_key FROM aliases ORDER BY document_id, seq");
        while (aliases.executeStep()) {
            const Id doc = aliases.getColumn(0).getInt64();
            const auto key = m_key_docs.try_emplace(keep(aliases.getColumn(2))).first;
            known_titles(doc).push_back({keep(aliases.getColumn(1)), key->first});
            auto& docs = key->second;
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
            m_slugs.insert(keep(slugs.getColumn(0)));
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
        m_slugs.insert(keep(slug));
        return slug;
    }

    // A copy of `text` that lives as long as the arena.
    std::string_view keep(std::string_view text) {
        auto* copy = static_cast<char*>(m_arena.allocate(text.size(), 1));
        std::copy(text.begin(), text.end(), copy);
        return {copy, text.size()};
    }
    std::string_view keep(const SQLite::Column& column) {
        return keep(std::string_view(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes())));
    }

    // The containers in the arena's maps take the arena from them.
    Ids<KnownTitle>& known_titles(Id doc) { return m_aliases[doc]; }

    // A new document gets at once what refresh_document_title would give it from its one title,
    // so that a page of new documents writes each row once.
    Id create_document(const std::string& title, TitleFacts& facts) {
        if (!facts.fresh)
            work_out_fresh(facts, title);
        const Id doc = m_next_id++;
        std::string slug = unique_slug(facts.slug_base);
        const auto& meta = facts.title.meta;
        m_document_rows.add(doc, slug, facts.title.shown, facts.title.key, facts.title.series, m_now, m_now, meta.type,
                            meta.publisher, meta.date, meta.period, meta.level);
        inserted();
        auto& t = touch(doc);
        t.created = true;
        t.slug = std::move(slug);
        t.title = std::move(facts.title.shown);
        event(doc, "added", std::nullopt, title);
        return doc;
    }

    Touched& touch(Id doc) {
        auto [it, fresh] = m_touched.try_emplace(doc, &m_arena);
        if (fresh)
            m_order.push_back(doc);
        return it->second;
    }

    void add_url(Id doc, const std::string& url) {
        m_url_rows.add(doc, url, m_now);
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
        auto& known = known_titles(doc);
        if (knows(known, title))
            return;
        auto found = m_key_docs.find(key);
        if (found == m_key_docs.end())
            found = m_key_docs.try_emplace(keep(key)).first;
        known.push_back({title, found->first});
        m_alias_rows.add(doc, title, key, static_cast<std::int64_t>(known.size()));
        inserted();
        auto& docs = found->second;
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
        const auto by_key = m_key_docs.find(facts.key);
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
            auto& themes = touch(doc).themes;
            if (std::find(themes.begin(), themes.end(), theme) == themes.end())
                themes.push_back(theme);
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
        SQLite::Statement del(m_sql, "DELETE FROM memberships WHERE document_id = ? AND theme_id = ? AND source_id = ?");
        for (Id doc : m_order) {
            auto& t = m_touched.at(doc);
            const auto& before = existing[doc];
            for (Id theme : t.themes) {
                if (before.contains(theme))
                    continue;
                m_membership_rows.add(doc, theme, source, m_now);
                inserted();
                if (!t.created && !elsewhere[doc].contains(theme)) {
                    t.details.push_back(fmt::format("now also under {}", theme_name(theme)));
                    event(doc, "theme_added", theme, std::nullopt);
                }
            }
            for (Id theme : before) {
                if (std::find(t.themes.begin(), t.themes.end(), theme) != t.themes.end())
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
            for (const auto alias : known_titles(doc)) {
                const auto it = m_key_docs.find(alias.key);
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
        auto& survivor_titles = known_titles(survivor);
        for (const auto alias : known_titles(absorbed)) {
            auto& docs = m_key_docs[alias.key];
            docs.erase(std::remove(docs.begin(), docs.end(), absorbed), docs.end());
            if (std::find(docs.begin(), docs.end(), survivor) == docs.end())
                docs.insert(std::upper_bound(docs.begin(), docs.end(), survivor), survivor);
            if (!knows(survivor_titles, alias.title))
                survivor_titles.push_back(alias);
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
        BatchInsert rows(m_db, "listing_entries (source_id, position, theme_id, title, url, document_id)", 6);
        for (std::size_t i = 0; i < m_listing.entries.size(); ++i) {
            const auto& entry = m_listing.entries[i];
            rows.add(source, static_cast<std::int64_t>(i + 1), m_entry_docs[i].second, entry.title, entry.url,
                     m_entry_docs[i].first);
        }
        rows.flush();
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
                    refresh_document_title(m_db, doc);
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
                refresh_document_title(m_db, doc);
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
        auto found = m_db.prepare("SELECT slug, title FROM documents WHERE id = ?");
        SQLite::Statement& q = *found;
        q.bind(1, doc);
        q.executeStep();
        return {doc, q.getColumn(0).getString(), q.getColumn(1).getString(), std::move(kind), std::move(details)};
    }

    void event(Id doc, const char* kind, std::optional<Id> theme, std::optional<std::string_view> detail) {
        m_event_rows.add(m_now, m_sync_id, doc, kind, theme, detail);
        inserted();
    }

    Arena m_arena; // first: it outlives everything kept in it
    Database& m_db;
    SQLite::Database& m_sql;
    const Listing& m_listing;
    std::string m_now;
    std::int64_t m_after_event;
    ByText<Id> m_url_doc{&m_arena};
    std::pmr::unordered_set<Id> m_has_url{&m_arena};
    std::pmr::unordered_map<Id, Ids<KnownTitle>> m_aliases{&m_arena}; // titles, each once
    ByText<Ids<Id>> m_key_docs{&m_arena};
    std::unordered_map<std::string, Id> m_theme_ids;
    std::unordered_map<Id, std::string> m_theme_names;
    TextSet m_slugs{&m_arena};
    std::pmr::unordered_set<Id> m_previously_listed{&m_arena};
    std::pmr::unordered_map<Id, Touched> m_touched{&m_arena};
    std::vector<Id> m_order;
    std::pmr::unordered_set<Id> m_retitle{&m_arena};
    std::vector<std::pair<Id, Id>> m_entry_docs; // per entry: document, theme
    std::vector<Id> m_withdrawn_elsewhere;
    BatchInsert m_document_rows{m_db, "documents (id, slug, title, title_key, series_key, first_seen, last_seen, type, "
                                      "publisher, date, period, level)", 12};
    BatchInsert m_url_rows{m_db, "urls (document_id, url, first_seen)", 3};
    BatchInsert m_alias_rows{m_db, "aliases (document_id, alias, alias_key, seq)", 4};
    BatchInsert m_membership_rows{m_db, "memberships (document_id, theme_id, source_id, first_seen)", 4};
    BatchInsert m_event_rows{m_db, "events (at, sync_id, document_id, kind, theme_id, detail)", 6};
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
