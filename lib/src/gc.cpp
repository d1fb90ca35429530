#include "kennis/maintenance.hpp"

#include "kennis/error.hpp"
#include "library_impl.hpp"
#include "lock.hpp"
#include "store.hpp"

#include <set>

namespace kennis {
namespace fs = std::filesystem;

GcReport collect_garbage(Library& library, bool dry_run) {
    WriterLock lock(library.context().home, library.context().wait_seconds);
    Database& db = library.impl().db;
    const Store store(library.context().home);
    std::set<std::string> in_use;
    SQLite::Statement q(db.sql(), "SELECT DISTINCT sha256 FROM versions");
    while (q.executeStep())
        in_use.insert(q.getColumn(0).getString());

    GcReport report;
    report.dry_run = dry_run;
    std::vector<fs::path> garbage;
    for (const auto& file : store.files()) {
        if (in_use.contains(file.sha256))
            continue;
        std::error_code ec;
        const auto size = fs::file_size(file.path, ec);
        report.bytes += ec ? 0 : static_cast<std::int64_t>(size);
        report.removed.push_back(file.path.lexically_relative(library.store_dir()).string());
        garbage.push_back(file.path);
    }
    if (dry_run)
        return report;
    // Rows first: a run killed half-way leaves files without rows, which the next gc removes.
    WriteTransaction tx(db);
    db.sql().exec("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM versions)");
    tx.commit();
    for (const auto& file : garbage) {
        std::error_code ec;
        fs::remove(file, ec);
        if (ec)
            throw Error(ExitCode::failure, "cannot remove " + file.string() + ": " + ec.message());
    }
    store.clear_tmp();
    return report;
}

} // namespace kennis
