#include "kennis/maintenance.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"

namespace kennis {
namespace fs = std::filesystem;

GcReport collect_garbage(Library& library, bool dry_run) try {
    WriterLock lock(library.context().home, library.context().wait_seconds);
    Database& db = library.impl().db;
    const Store store(library.context().home);
    const auto garbage = unused_store_files(db, store);
    GcReport report;
    report.dry_run = dry_run;
    for (const auto& file : garbage) {
        std::error_code ec;
        const auto size = fs::file_size(file.path, ec);
        report.bytes += ec ? 0 : static_cast<std::int64_t>(size);
        report.removed.push_back(file.path.lexically_relative(library.store_dir()).string());
    }
    if (dry_run)
        return report;
    // Rows first: a run killed half-way leaves files without rows, which the next gc removes.
    WriteTransaction tx(db);
    db.sql().exec("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM versions)");
    tx.commit();
    for (const auto& file : garbage) {
        std::error_code ec;
        fs::remove(file.path, ec);
        if (ec)
            throw Error(ExitCode::failure, "cannot remove " + file.path.string() + ": " + ec.message());
    }
    store.clear_tmp();
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
