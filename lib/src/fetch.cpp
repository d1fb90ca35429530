#include "kennis/fetch.hpp"

#include "catalogue.hpp"
#include "fetch_internal.hpp"
#include "fetcher.hpp"
#include "kennis/error.hpp"
#include "library_impl.hpp"
#include "lock.hpp"
#include "merge.hpp"
#include "search_index.hpp"
#include "text_extract.hpp"
#include "worker_pool.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>

#include <fmt/ranges.h>

namespace kennis {
namespace {

using Id = std::int64_t;

struct Job {
    Id url_id = 0;
    Id document_id = 0;
    std::string url;
};

class FetchRun {
public:
    FetchRun(Library& library, const FetchOptions& options)
        : m_db(library.impl().db), m_store(library.context().home), m_options(options) {}

    FetchReport run(const ProgressFn& progress) {
        m_store.clear_tmp();
        std::vector<FetchRequest> requests = select();
        m_report.requested = requests.size() + m_report.failed.size();
        Fetcher fetcher(m_store, make_fetcher_options(m_options.network, m_options.jobs, m_options.max_size));
        {
            // Syncing, storing and reading text happen on workers while transfers go on; the
            // catalogue is written on this thread as their results come back.
            WorkerPool workers(2);
            fetcher.run(
                std::move(requests), [&](FetchResult&& r) { hand_over(std::move(r), workers, fetcher); }, progress,
                [&] { record_finished(); });
            std::unique_lock lock(m_mutex);
            while (m_in_flight > 0) {
                m_done_cv.wait(lock, [&] { return !m_done.empty(); });
                lock.unlock();
                record_finished();
                lock.lock();
            }
        }
        return std::move(m_report);
    }

private:
    std::vector<FetchRequest> select() {
        std::string where;
        if (!m_options.documents.empty()) {
            std::vector<Id> ids;
            for (const auto& doc : m_options.documents) {
                const auto id = resolve_document(m_db, doc);
                if (!id)
                    throw NotFoundError(fmt::format("no document '{}'", doc), closest_titles(m_db, doc, 5));
                ids.push_back(*id);
            }
            for (Id id : ids) {
                SQLite::Statement has(m_db.sql(), "SELECT 1 FROM urls WHERE document_id = ?");
                has.bind(1, id);
                if (!has.executeStep())
                    m_report.failed.push_back({id, "", "no download address is known; sync the live page first"});
            }
            where = fmt::format("d.id IN ({})", fmt::join(ids, ", "));
        } else if (m_options.mode == FetchOptions::Mode::missing) {
            where = "d.status = 'active' AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.document_id = d.id)";
        } else {
            where = "d.status = 'active'";
        }
        // Validators only for documents that have a file: a 304 for a document without one
        // would leave it without one.
        SQLite::Statement q(m_db.sql(),
                            "SELECT u.id, u.document_id, u.url, u.etag, u.last_modified, "
                            " EXISTS (SELECT 1 FROM versions v WHERE v.document_id = d.id) "
                            "FROM urls u JOIN documents d ON d.id = u.document_id WHERE " + where + " ORDER BY u.id");
        std::vector<FetchRequest> requests;
        while (q.executeStep()) {
            FetchRequest r;
            r.key = m_jobs.size();
            r.url = q.getColumn(2).getString();
            const bool conditional = m_options.mode != FetchOptions::Mode::refresh && q.getColumn(5).getInt() != 0;
            if (conditional && !q.getColumn(3).isNull())
                r.etag = q.getColumn(3).getString();
            if (conditional && !q.getColumn(4).isNull())
                r.last_modified = q.getColumn(4).getString();
            m_jobs.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), r.url});
            requests.push_back(std::move(r));
        }
        return requests;
    }

    bool blob_known(const std::string& sha) {
        SQLite::Statement q(m_db.sql(), "SELECT 1 FROM blobs WHERE sha256 = ?");
        q.bind(1, sha);
        return q.executeStep();
    }

    // A finished download, on its way from the network to the catalogue.
    struct Landing {
        FetchResult result;
        bool new_blob = false;
        ExtractedText text;
    };

    void hand_over(FetchResult&& r, WorkerPool& workers, Fetcher& fetcher) {
        auto landing = std::make_shared<Landing>(Landing{std::move(r), false, {}});
        if (landing->result.outcome != FetchResult::Outcome::downloaded) {
            record(*landing);
            return;
        }
        landing->new_blob = !blob_known(landing->result.sha256);
        {
            std::lock_guard lock(m_mutex);
            ++m_in_flight;
        }
        workers.submit([this, landing, &fetcher] {
            land(*landing);
            {
                std::lock_guard lock(m_mutex);
                m_done.push_back(landing);
            }
            m_done_cv.notify_one();
            fetcher.wake();
        });
    }

    // On a worker: the bytes onto the disk and into the store, then their text. The file is in
    // the store before any row names it; a crash in between leaves at most a file no row uses.
    void land(Landing& l) {
        auto& r = l.result;
        try {
            r.file->finish();
            m_store.commit(*r.file, r.sha256);
            if (l.new_blob)
                l.text = extract_text(m_store.path_of(r.sha256), r.mime);
        } catch (const std::exception& e) {
            r.outcome = FetchResult::Outcome::failed;
            r.error = e.what();
        }
    }

    void record_finished() {
        std::deque<std::shared_ptr<Landing>> done;
        {
            std::lock_guard lock(m_mutex);
            done.swap(m_done);
            m_in_flight -= done.size();
        }
        for (const auto& l : done)
            record(*l);
    }

    void record(Landing& l) {
        FetchResult& r = l.result;
        const Job& job = m_jobs.at(r.key);
        const std::string now = utc_now();
        WriteTransaction tx(m_db);
        SQLite::Statement owner(m_db.sql(), "SELECT document_id FROM urls WHERE id = ?");
        owner.bind(1, job.url_id);
        Id doc = owner.executeStep() ? owner.getColumn(0).getInt64() : job.document_id;
        update_url(job, r, now);
        switch (r.outcome) {
        case FetchResult::Outcome::failed:
            m_report.failed.push_back({doc, job.url, r.error});
            break;
        case FetchResult::Outcome::not_modified:
            ++m_report.not_modified;
            break;
        case FetchResult::Outcome::downloaded:
            // Two downloads of the same new bytes may land at once; both read the text, and the
            // first to get here records it.
            if (l.new_blob)
                insert_blob(r, l.text, now);
            record_version(doc, job, r.sha256, now);
            merge_identical(doc, r.sha256, now);
            break;
        }
        tx.commit();
    }

    void update_url(const Job& job, const FetchResult& r, const std::string& now) {
        const bool fresh = r.outcome == FetchResult::Outcome::downloaded;
        SQLite::Statement u(m_db.sql(),
                            "UPDATE urls SET last_status = ?1, last_checked = ?2, last_error = ?3, "
                            " etag = CASE WHEN ?6 THEN ?4 ELSE coalesce(?4, etag) END, "
                            " last_modified = CASE WHEN ?6 THEN ?5 ELSE coalesce(?5, last_modified) END "
                            "WHERE id = ?7");
        if (r.http_status > 0)
            u.bind(1, static_cast<std::int64_t>(r.http_status));
        else
            u.bind(1);
        u.bind(2, now);
        if (r.outcome == FetchResult::Outcome::failed)
            u.bind(3, r.error);
        else
            u.bind(3);
        const bool validators = r.outcome != FetchResult::Outcome::failed;
        if (validators && r.etag)
            u.bind(4, *r.etag);
        else
            u.bind(4);
        if (validators && r.last_modified)
            u.bind(5, *r.last_modified);
        else
            u.bind(5);
        u.bind(6, fresh ? 1 : 0);
        u.bind(7, job.url_id);
        u.exec();
    }

    void insert_blob(const FetchResult& r, const ExtractedText& text, const std::string& now) {
        if (blob_known(r.sha256))
            return;
        SQLite::Statement b(m_db.sql(), "INSERT INTO blobs (sha256, size, mime, stored_at, text_status, text_reason) "
                                        "VALUES (?, ?, ?, ?, ?, ?)");
        b.bind(1, r.sha256);
        b.bind(2, r.size);
        b.bind(3, r.mime);
        b.bind(4, now);
        b.bind(5, text.has_text() ? "ok" : "none");
        if (text.has_text())
            b.bind(6);
        else
            b.bind(6, text.reason);
        b.exec();
        SQLite::Statement p(m_db.sql(), "INSERT OR REPLACE INTO pages (sha256, page, text) VALUES (?, ?, ?)");
        for (std::size_t i = 0; i < text.pages.size(); ++i) {
            p.bind(1, r.sha256);
            p.bind(2, static_cast<std::int64_t>(i + 1));
            p.bind(3, text.pages[i]);
            p.exec();
            p.reset();
        }
    }

    void record_version(Id doc, const Job& job, const std::string& sha, const std::string& now) {
        SQLite::Statement has(m_db.sql(), "SELECT count(*), coalesce(sum(sha256 = ?2), 0) FROM versions WHERE document_id = ?1");
        has.bind(1, doc);
        has.bind(2, sha);
        has.executeStep();
        const auto versions = has.getColumn(0).getInt64();
        if (has.getColumn(1).getInt64() > 0) {
            ++m_report.unchanged;
            return;
        }
        SQLite::Statement ins(m_db.sql(), "INSERT INTO versions (document_id, sha256, url_id, first_seen) VALUES (?, ?, ?, ?)");
        ins.bind(1, doc);
        ins.bind(2, sha);
        ins.bind(3, job.url_id);
        ins.bind(4, now);
        ins.exec();
        SQLite::Statement ev(m_db.sql(), "INSERT INTO events (at, document_id, kind, detail) VALUES (?, ?, ?, ?)");
        ev.bind(1, now);
        ev.bind(2, doc);
        ev.bind(3, versions > 0 ? "new_version" : "fetched");
        ev.bind(4, sha);
        ev.exec();
        reindex_documents(m_db, {doc});
        ++m_report.downloaded;
    }

    // Identical bytes prove two documents are one: the older id survives.
    void merge_identical(Id doc, const std::string& sha, const std::string& now) {
        SQLite::Statement q(m_db.sql(), "SELECT DISTINCT v.document_id, d.title FROM versions v JOIN documents d "
                                        "ON d.id = v.document_id WHERE v.sha256 = ? AND v.document_id <> ? ORDER BY 1");
        q.bind(1, sha);
        q.bind(2, doc);
        std::vector<std::pair<Id, std::string>> others;
        while (q.executeStep())
            others.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
        for (const auto& [other, title] : others) {
            const Id survivor = std::min(doc, other);
            const Id absorbed = std::max(doc, other);
            SQLite::Statement t(m_db.sql(), "SELECT title FROM documents WHERE id = ?");
            t.bind(1, absorbed);
            const std::string absorbed_title = t.executeStep() ? t.getColumn(0).getString() : title;
            merge_documents(m_db, survivor, absorbed, "same bytes", now);
            m_report.merged.push_back({absorbed, survivor, absorbed_title});
            doc = survivor;
        }
    }

    Database& m_db;
    Store m_store;
    const FetchOptions& m_options;
    std::vector<Job> m_jobs;
    FetchReport m_report;
    std::mutex m_mutex;
    std::condition_variable m_done_cv;
    std::deque<std::shared_ptr<Landing>> m_done;
    std::size_t m_in_flight = 0;
};

} // namespace

FetchReport fetch_locked(Library& library, const FetchOptions& options) {
    return FetchRun(library, options).run(library.context().progress);
}

FetchReport fetch(Library& library, const FetchOptions& options) {
    WriterLock lock(library.context().home, library.context().wait_seconds);
    return fetch_locked(library, options);
}

} // namespace kennis
