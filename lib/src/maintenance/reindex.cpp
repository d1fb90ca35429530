#include "kennis/maintenance.hpp"

#include "catalogue/catalogue.hpp"
#include "catalogue/stored_text.hpp"
#include "library/edge.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"
#include "maintenance/merge.hpp"
#include "search/search_index.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

namespace kennis {
namespace {

struct FileToRead {
    std::string sha256;
    std::string mime;
    bool had_text = false;
};

std::vector<FileToRead> files_to_read(Database& db, const ReindexOptions& options) {
    std::vector<FileToRead> out;
    std::string sql = "SELECT sha256, coalesce(mime, ''), text_status = 'ok' FROM blobs";
    if (!options.documents.empty())
        sql += " WHERE sha256 IN (SELECT sha256 FROM versions WHERE document_id IN (SELECT value FROM json_each(?)))";
    else if (!options.all)
        sql += " WHERE text_reader < ?";
    sql += " ORDER BY sha256";
    SQLite::Statement q(db.sql(), sql);
    if (!options.documents.empty()) {
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& doc : options.documents)
            ids.push_back(require_document(db, doc));
        q.bind(1, ids.dump());
    } else if (!options.all) {
        q.bind(1, text_reader_version);
    }
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0});
    return out;
}

// The documents whose current version has these bytes: their search rows change with the text.
std::vector<std::int64_t> documents_showing(Database& db, const std::string& sha256) {
    SQLite::Statement q(db.sql(), fmt::format("SELECT d.id FROM documents d WHERE {} = ?", current_sha256("d")));
    q.bind(1, sha256);
    std::vector<std::int64_t> ids;
    while (q.executeStep())
        ids.push_back(q.getColumn(0).getInt64());
    return ids;
}

} // namespace

ReindexReport reindex(Library& library, const ReindexOptions& options) try {
    WriterLock lock(library.context().home, library.context().wait_seconds);
    Database& db = library.impl().db;
    const Store store(library.context().home);
    auto files = files_to_read(db, options);
    ReindexReport report;
    // Files the catalogue names that are not in the store are left to verify --repair.
    std::erase_if(files, [&](const FileToRead& f) {
        const bool gone = !store.contains(f.sha256);
        report.missing += gone ? 1 : 0;
        return gone;
    });
    const auto& progress = library.context().progress;
    // Read a few files at once on the other cores; each is written, in its own transaction, as
    // soon as it is read.
    const std::size_t width = std::max(1u, std::thread::hardware_concurrency());
    const OcrThreads ocr;
    for (std::size_t from = 0; from < files.size(); from += width) {
        std::vector<std::future<ExtractedText>> reading;
        for (std::size_t i = from; i < std::min(files.size(), from + width); ++i)
            reading.push_back(std::async(std::launch::async, [&, i] { return extract_text(store.path_of(files[i].sha256), files[i].mime); }));
        for (std::size_t i = from; i < from + reading.size(); ++i) {
            const FileToRead& f = files[i];
            const ExtractedText text = reading[i - from].get();
            WriteTransaction tx(db);
            store_text(db, f.sha256, text);
            for (auto& note : merge_same_text_of(db, f.sha256, utc_now()))
                report.merged.push_back(std::move(note));
            reindex_documents(db, documents_showing(db, f.sha256));
            tx.commit();
            ++report.read;
            report.with_text += text.has_text();
            report.gained += text.has_text() && !f.had_text;
            if (progress)
                progress({"reindex", i + 1, files.size()});
        }
    }
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
