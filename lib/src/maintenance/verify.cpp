#include "kennis/maintenance.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "fetch/fetch_internal.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"
#include "util/sha256.hpp"
#include "catalogue/store.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kennis {
namespace fs = std::filesystem;
namespace {

using Id = std::int64_t;

std::vector<std::string> integrity_problems(Database& db) {
    SQLite::Statement q(db.sql(), "PRAGMA integrity_check");
    std::vector<std::string> out;
    while (q.executeStep())
        if (const std::string line = q.getColumn(0).getString(); line != "ok")
            out.push_back(line);
    return out;
}

// Every stored file some version uses, with the documents that use it.
std::map<std::string, std::vector<Id>> files_in_use(Database& db) {
    std::map<std::string, std::vector<Id>> out;
    SQLite::Statement q(db.sql(), "SELECT sha256, document_id FROM versions ORDER BY sha256, document_id");
    while (q.executeStep())
        out[q.getColumn(0).getString()].push_back(q.getColumn(1).getInt64());
    return out;
}

// The documents whose current file has these bytes: fetching them again can bring the bytes back.
std::vector<Id> current_holders(Database& db, const std::string& sha) {
    SQLite::Statement q(db.sql(), "SELECT v.document_id FROM versions v WHERE v.sha256 = ? AND v.id = "
                                  "(SELECT w.id FROM versions w WHERE w.document_id = v.document_id "
                                  " ORDER BY w.first_seen DESC, w.id DESC LIMIT 1) ORDER BY 1");
    q.bind(1, sha);
    std::vector<Id> out;
    while (q.executeStep())
        out.push_back(q.getColumn(0).getInt64());
    return out;
}

bool whole(const fs::path& file, const std::string& sha) {
    try {
        return sha256_file(file) == sha;
    } catch (const std::exception&) {
        return false; // unreadable is as bad as wrong
    }
}

class Verification {
public:
    Verification(Library& library, const VerifyOptions& options)
        : m_library(library), m_db(library.impl().db), m_store(library.context().home), m_options(options) {}

    VerifyReport run() {
        m_report.integrity = integrity_problems(m_db);
        check_files();
        if (m_options.repair && !m_report.problems.empty())
            repair();
        return std::move(m_report);
    }

private:
    void check_files() {
        const auto in_use = files_in_use(m_db);
        const auto& progress = m_library.context().progress;
        m_report.checked = in_use.size();
        std::size_t done = 0;
        for (const auto& [sha, documents] : in_use) {
            if (progress)
                progress({"verify", done++, in_use.size()});
            const fs::path path = m_store.path_of(sha);
            std::error_code ec;
            if (!fs::exists(path, ec))
                m_report.problems.push_back({sha, "missing", documents, path.string(), {}});
            else if (!whole(path, sha))
                m_report.problems.push_back({sha, "damaged", documents, path.string(), {}});
        }
        if (progress)
            progress({"verify", done, in_use.size()});
        for (const auto& file : unused_store_files(m_db, m_store))
            m_report.unreferenced.push_back(file.path.string());
    }

    void repair() {
        std::set<Id> documents;
        for (auto& p : m_report.problems) {
            std::error_code ec;
            fs::remove(p.path, ec); // wrong bytes under a hash name would be taken for the right ones
            const auto holders = current_holders(m_db, p.sha256);
            if (holders.empty())
                p.repair = "only an earlier version had these bytes, and a server sends only the current one";
            documents.insert(holders.begin(), holders.end());
        }
        if (!documents.empty()) {
            FetchOptions fetch;
            fetch.mode = FetchOptions::Mode::refresh;
            fetch.jobs = m_options.jobs;
            fetch.network = m_options.network;
            for (Id id : documents)
                fetch.documents.push_back(std::to_string(id));
            m_report.fetch = fetch_locked(m_library, fetch);
        }
        std::map<Id, std::string> failures;
        if (m_report.fetch)
            for (const auto& f : m_report.fetch->failed)
                failures.emplace(f.id, f.error);
        for (auto& p : m_report.problems) {
            if (!p.repair.empty())
                continue;
            if (whole(p.path, p.sha256)) {
                p.repair = "restored";
                continue;
            }
            p.repair = "the server now sends different bytes (recorded as a new version)";
            for (Id id : p.documents)
                if (auto it = failures.find(id); it != failures.end())
                    p.repair = "fetching it again failed: " + it->second;
        }
    }

    Library& m_library;
    Database& m_db;
    Store m_store;
    const VerifyOptions& m_options;
    VerifyReport m_report;
};

} // namespace

std::size_t VerifyReport::repaired() const {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(), [](const StoreProblem& p) { return p.repair == "restored"; }));
}

bool VerifyReport::clean() const { return integrity.empty() && repaired() == problems.size(); }

VerifyReport verify(Library& library, const VerifyOptions& options) try {
    // A repair changes the store: under the lock from the first look, so no fetch moves beneath it.
    std::optional<WriterLock> lock;
    if (options.repair)
        lock.emplace(library.context().home, library.context().wait_seconds);
    return Verification(library, options).run();
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
