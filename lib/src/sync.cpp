#include "kennis/sync.hpp"

#include "kennis/error.hpp"
#include "kennis/snapshot.hpp"
#include "library_impl.hpp"
#include "listing_apply.hpp"
#include "lock.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace kennis {
namespace fs = std::filesystem;
namespace {

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

Listing read_source(const std::string& source) {
    if (is_url(source))
        throw InputError(fmt::format("{}: syncing from a web page is not supported yet; pass a "
                                     "snapshot file with --source FILE",
                                     source));
    std::ifstream in(source, std::ios::binary);
    if (!in || fs::is_directory(source))
        throw InputError(fmt::format("cannot read {}: {}", source,
                                     fs::exists(source) ? "not a readable file" : "no such file"));
    std::ostringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    if (!looks_like_snapshot(content))
        throw InputError(fmt::format("{}: not a kennis snapshot (the first line must be '{} 1'); "
                                     "HTML pages are not supported yet",
                                     source, snapshot_magic));
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(source), ec);
    return parse_snapshot(content, source, ec ? source : absolute.string());
}

std::size_t active_documents(Database& db) {
    return static_cast<std::size_t>(
        db.sql().execAndGet("SELECT count(*) FROM documents WHERE status = 'active'").getInt64());
}

SyncReport apply_all(Database& db, const std::vector<Listing>& listings, bool force) {
    SyncReport report;
    const std::string now = utc_now();
    for (const auto& listing : listings) {
        auto source = apply_listing(db, listing, force, now);
        report.added += source.added;
        report.updated += source.updated;
        report.withdrawn += source.withdrawn;
        report.unchanged += source.unchanged;
        report.sources.push_back(std::move(source));
    }
    report.documents = active_documents(db);
    return report;
}

} // namespace

SyncReport apply_listings(Library& library, const std::vector<Listing>& listings, bool force) {
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    WriteTransaction tx(impl.db);
    auto report = apply_all(impl.db, listings, force);
    tx.commit();
    return report;
}

SyncReport sync(Library& library, const SyncOptions& options) {
    std::vector<std::string> sources = options.sources;
    if (sources.empty())
        sources.push_back(options.default_source);
    std::vector<Listing> listings;
    for (const auto& source : sources)
        listings.push_back(read_source(source));
    return apply_listings(library, listings, options.force);
}

std::optional<SyncReport> seed_if_empty(Library& library) {
    auto& db = library.impl().db;
    if (db.sql().execAndGet("SELECT EXISTS (SELECT 1 FROM documents)").getInt() != 0)
        return std::nullopt;
    // Two commands may find the catalogue empty at once; the second one to get the write
    // transaction finds it seeded and does nothing.
    WriteTransaction tx(db);
    if (db.sql().execAndGet("SELECT EXISTS (SELECT 1 FROM documents)").getInt() != 0)
        return std::nullopt;
    auto report = apply_all(db, {builtin_snapshot()}, false);
    tx.commit();
    return report;
}

} // namespace kennis
