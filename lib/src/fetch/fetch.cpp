#include "kennis/fetch.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/stored_text.hpp"
#include "compare/text_identity.hpp"
#include "fetch/fetch_internal.hpp"
#include "fetch/document_type.hpp"
#include "fetch/downloader.hpp"
#include "kennis/choices.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"
#include "maintenance/merge.hpp"
#include "search/search_index.hpp"
#include "util/sha256.hpp"
#include "extract/text_extract.hpp"
#include "util/worker_pool.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <unordered_set>
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
        : m_db(library.impl().db), m_store(library.context().home), m_options(options), m_read_before(blobs_read(m_db)) {}

    FetchReport run(const ProgressFn& progress) {
        m_store.clear_tmp();
        identify_earlier_texts();
        std::vector<DownloadRequest> requests = select();
        m_report.requested = requests.size() + m_report.failed.size();
        Downloader downloader(m_store, make_download_options(m_options.network, m_options.jobs, m_options.max_size));
        {
            // Downloads are hashed and read on workers while transfers go on, made durable in
            // groups on one more thread, and recorded on this thread, which also keeps the
            // transfers moving.
            // Declared first, so the workers that read scans are gone before OCR's threads.
            OcrThreads ocr;
            WorkerPool workers(2);
            WorkerPool committer(1);
            downloader.run(
                std::move(requests), [&](DownloadResult&& r) { hand_over(std::move(r), workers, downloader); }, progress,
                [&] { advance(false, committer, downloader); });
            advance(true, committer, downloader);
            while (m_preparing + m_committing > 0) {
                {
                    std::unique_lock lock(m_mutex);
                    m_arrived_cv.wait(lock, [&] { return !m_arrived.empty(); });
                }
                advance(true, committer, downloader);
            }
        }
        return std::move(m_report);
    }

private:
    std::vector<DownloadRequest> select() {
        std::string where;
        if (!m_options.documents.empty()) {
            std::vector<Id> ids;
            for (const auto& doc : m_options.documents)
                ids.push_back(require_document(m_db, doc));
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
        std::vector<DownloadRequest> requests;
        while (q.executeStep()) {
            DownloadRequest r;
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
        enum class Stage { prepared, durable };
        explicit Landing(DownloadResult&& r) : result(std::move(r)) {}
        DownloadResult result;
        Stage stage = Stage::prepared;
        std::string sha256;
        bool extracted = false;
        bool macros = false;
        ExtractedText text;
    };
    using LandingPtr = std::shared_ptr<Landing>;

    // Files made durable together: one sync of the file system for their bytes and one for their
    // names, instead of two per file.
    static constexpr std::size_t batch_files = 32;
    static constexpr auto batch_wait = std::chrono::seconds(2);

    void hand_over(DownloadResult&& r, WorkerPool& workers, Downloader& downloader) {
        auto landing = std::make_shared<Landing>(std::move(r));
        if (landing->result.outcome != DownloadResult::Outcome::downloaded) {
            m_ready.push_back(landing);
            return;
        }
        ++m_preparing;
        workers.submit([this, landing, &downloader] {
            prepare(*landing);
            arrive({landing}, downloader);
        });
    }

    void arrive(std::vector<LandingPtr> landings, Downloader& downloader) {
        {
            std::lock_guard lock(m_mutex);
            m_arrived.insert(m_arrived.end(), landings.begin(), landings.end());
        }
        m_arrived_cv.notify_one();
        downloader.wake();
    }

    // On a worker: the bytes hashed as they lie in the temp file, and their text read when they
    // are new to the store.
    void prepare(Landing& l) {
        auto& r = l.result;
        try {
            r.file->start_writeback();
            r.file->finish(false);
            const DocumentType type = document_type(r.file->path(), r.mime, m_options.allow_types);
            if (!type.refusal.empty())
                return fail(l, "refused: " + type.refusal);
            r.mime = type.mime;
            l.macros = type.macros;
            l.sha256 = sha256_file(r.file->path());
            // Text is kept by the bytes' hash: bytes the catalogue has read before (a file moved
            // out of the store as damaged and fetched again) are not read, nor OCR'd, again.
            if (!m_store.contains(l.sha256) && !m_read_before.contains(l.sha256)) {
                l.text = extract_text(r.file->path(), r.mime, m_options.ocr, m_options.ocr_page_seconds);
                l.extracted = true;
            }
        } catch (const std::exception& e) {
            fail(l, e.what());
        }
    }

    static void fail(Landing& l, const std::string& why) {
        l.result.outcome = DownloadResult::Outcome::failed;
        l.result.error = why;
        l.result.file.reset();
    }

    // On the committer: into the store as a group; a crash leaves at most files no row uses.
    void make_durable(std::vector<LandingPtr>& batch) {
        std::vector<Store::Arrival> arrivals;
        for (const auto& l : batch)
            arrivals.push_back({&*l->result.file, l->sha256});
        try {
            const auto errors = m_store.commit_all(arrivals);
            for (std::size_t i = 0; i < batch.size(); ++i)
                if (!errors[i].empty())
                    fail(*batch[i], errors[i]);
        } catch (const std::exception& e) {
            for (auto& l : batch)
                fail(*l, e.what());
        }
        for (auto& l : batch)
            l->stage = Landing::Stage::durable;
    }

    // On this thread: sorts what came back from the other threads, sends a full (or old, or
    // last) batch to be made durable, and records everything that is ready in one transaction.
    void advance(bool transfers_done, WorkerPool& committer, Downloader& downloader) {
        std::deque<LandingPtr> arrived;
        {
            std::lock_guard lock(m_mutex);
            arrived.swap(m_arrived);
        }
        for (auto& l : arrived) {
            if (l->stage == Landing::Stage::durable) {
                --m_committing;
                m_ready.push_back(std::move(l));
                continue;
            }
            --m_preparing;
            if (l->result.outcome != DownloadResult::Outcome::downloaded) {
                m_ready.push_back(std::move(l));
                continue;
            }
            if (m_batch.empty())
                m_batch_started = std::chrono::steady_clock::now();
            m_batch.push_back(std::move(l));
        }
        const bool due = m_batch.size() >= batch_files || (transfers_done && m_preparing == 0) ||
                         std::chrono::steady_clock::now() - m_batch_started >= batch_wait;
        if (!m_batch.empty() && due) {
            m_committing += m_batch.size();
            committer.submit([this, batch = std::move(m_batch), &downloader]() mutable {
                make_durable(batch);
                arrive(std::move(batch), downloader);
            });
            m_batch.clear();
        }
        if (m_ready.empty())
            return;
        WriteTransaction tx(m_db);
        for (const auto& l : m_ready)
            record(*l);
        reindex_documents(m_db, m_reindex);
        tx.commit();
        m_ready.clear();
        m_reindex.clear();
    }

    void record(Landing& l) {
        DownloadResult& r = l.result;
        const Job& job = m_jobs.at(r.key);
        const std::string now = utc_now();
        SQLite::Statement owner(m_db.sql(), "SELECT document_id FROM urls WHERE id = ?");
        owner.bind(1, job.url_id);
        Id doc = owner.executeStep() ? owner.getColumn(0).getInt64() : job.document_id;
        update_url(job, r, now);
        switch (r.outcome) {
        case DownloadResult::Outcome::failed:
            m_report.failed.push_back({doc, job.url, r.error});
            break;
        case DownloadResult::Outcome::not_modified:
            ++m_report.not_modified;
            break;
        case DownloadResult::Outcome::downloaded:
            if (!blob_known(l.sha256)) {
                // Bytes found in the store without a row (a run killed in between) were not read.
                if (!l.extracted)
                    l.text = extract_text(m_store.path_of(l.sha256), r.mime, m_options.ocr, m_options.ocr_page_seconds);
                insert_blob(l, now);
            }
            record_version(doc, job, l.sha256, now);
            merge_identical(doc, l.sha256, now);
            break;
        }
    }

    void update_url(const Job& job, const DownloadResult& r, const std::string& now) {
        const bool fresh = r.outcome == DownloadResult::Outcome::downloaded;
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
        if (r.outcome == DownloadResult::Outcome::failed)
            u.bind(3, r.error);
        else
            u.bind(3);
        const bool validators = r.outcome != DownloadResult::Outcome::failed;
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

    void insert_blob(const Landing& l, const std::string& now) {
        const DownloadResult& r = l.result;
        const ExtractedText& text = l.text;
        SQLite::Statement b(m_db.sql(), "INSERT INTO blobs (sha256, size, mime, stored_at, macros) VALUES (?, ?, ?, ?, ?)");
        b.bind(1, l.sha256);
        b.bind(2, r.size);
        b.bind(3, r.mime);
        b.bind(4, now);
        b.bind(5, l.macros ? 1 : 0);
        b.exec();
        store_text(m_db, l.sha256, text);
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
        m_reindex.push_back(doc);
        ++m_report.downloaded;
    }

    // Identical bytes prove two documents are one, and so does the same text of some length
    // (unless a person said otherwise): the older id survives.
    void merge_identical(Id doc, const std::string& sha, const std::string& now) {
        for (auto& note : merge_into_one(m_db, doc, documents_with_file(m_db, sha, doc), "same bytes", now)) {
            doc = note.into;
            m_report.merged.push_back(std::move(note));
        }
        for (auto& note : merge_into_one(m_db, doc, documents_with_same_text(m_db, doc), "same text", now))
            m_report.merged.push_back(std::move(note));
    }

    // Files read before kennis kept what their text says get it from their stored pages, and
    // documents of the same text are merged, as they would have been on arrival.
    void identify_earlier_texts() {
        WriteTransaction tx(m_db);
        const std::string now = utc_now();
        for (const auto& sha : fill_missing_identities(m_db))
            for (auto& note : merge_same_text_of(m_db, sha, now))
                m_report.merged.push_back(std::move(note));
        tx.commit();
    }

    // The bytes whose text the catalogue keeps already, read once before the workers start.
    static std::unordered_set<std::string> blobs_read(Database& db) {
        std::unordered_set<std::string> out;
        SQLite::Statement q(db.sql(), "SELECT sha256 FROM blobs WHERE text_status IS NOT NULL");
        while (q.executeStep())
            out.insert(q.getColumn(0).getString());
        return out;
    }

    Database& m_db;
    Store m_store;
    const FetchOptions& m_options;
    const std::unordered_set<std::string> m_read_before;
    std::vector<Job> m_jobs;
    FetchReport m_report;
    // Shared with the other threads:
    std::mutex m_mutex;
    std::condition_variable m_arrived_cv;
    std::deque<LandingPtr> m_arrived;
    // This thread's own:
    std::size_t m_preparing = 0;  // with the workers
    std::size_t m_committing = 0; // with the committer
    std::vector<LandingPtr> m_batch;
    std::chrono::steady_clock::time_point m_batch_started;
    std::vector<LandingPtr> m_ready;
    std::vector<Id> m_reindex;
};

} // namespace

FetchReport fetch_locked(Library& library, const FetchOptions& options) {
    return FetchRun(library, options).run(library.context().progress);
}

OcrMode parse_ocr_mode(std::string_view text) {
    if (text == "auto")
        return OcrMode::automatic;
    if (text == "never")
        return OcrMode::never;
    if (text == "always")
        return OcrMode::always;
    throw UsageError(fmt::format("there is no OCR mode '{}'; use {}", text, choices::one_of(choices::ocr)));
}

FetchReport fetch(Library& library, const FetchOptions& options) try {
    WriterLock lock(library.context().home, library.context().wait_seconds);
    return fetch_locked(library, options);
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
