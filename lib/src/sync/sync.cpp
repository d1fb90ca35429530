#include "kennis/sync.hpp"

#include "library/edge.hpp"
#include "kennis/error.hpp"
#include "fetch/fetch_internal.hpp"
#include "fetch/downloader.hpp"
#include "kennis/listing_parser.hpp"
#include "kennis/snapshot.hpp"
#include "util/mime.hpp"
#include "library/library_impl.hpp"
#include "sync/listing_apply.hpp"
#include "library/lock.hpp"
#include "catalogue/store.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace kennis {
namespace fs = std::filesystem;
namespace {

constexpr std::int64_t max_page_size = 64 * 1024 * 1024;

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path))
        throw InputError(fmt::format("cannot read {}: {}", path, fs::exists(path) ? "not a readable file" : "no such file"));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Listing read_page(const Library& library, const std::string& url, const NetworkOptions& network) {
    Store store(library.context().home);
    Downloader downloader(store, make_download_options(network, 1, max_page_size));
    DownloadRequest request;
    request.url = url;
    request.expect_document = false;
    std::optional<DownloadResult> result;
    downloader.run({request}, [&](DownloadResult&& r) { result.emplace(std::move(r)); });
    if (!result || result->outcome != DownloadResult::Outcome::downloaded)
        throw InputError(fmt::format("cannot read {}: {}", url, result ? result->error : "no answer"));
    if (!is_html_mime(result->mime))
        throw InputError(fmt::format("{}: not an HTML page ({})", url,
                                     result->content_type.empty() ? result->mime : result->content_type));
    const std::string html = read_file(result->file->path());
    Listing listing = parse_listing_html(html, result->url, url);
    listing.source = url; // the address asked for, whatever it redirected to
    return listing;
}

Listing read_source(const Library& library, const std::string& source, const SyncOptions& options) {
    if (is_url(source))
        return read_page(library, source, options.network);
    const std::string content = read_file(source);
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(source), ec);
    const std::string identity = ec ? source : absolute.string();
    if (looks_like_snapshot(content))
        return parse_snapshot(content, source, identity);
    Listing listing = parse_listing_html(content, options.default_source, source);
    listing.source = identity;
    return listing;
}

std::size_t active_documents(Database& db) {
    return static_cast<std::size_t>(
        db.sql().execAndGet("SELECT count(*) FROM documents WHERE status = 'active'").getInt64());
}

SyncReport apply_all(Database& db, const std::vector<Listing>& listings, bool force) {
    SyncReport report;
    const SyncRun run{utc_now(), db.sql().execAndGet("SELECT coalesce(max(id), 0) FROM events").getInt64()};
    for (const auto& listing : listings) {
        auto source = apply_listing(db, listing, force, run);
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

SyncReport apply_listings(Library& library, const std::vector<Listing>& listings, bool force) try {
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    LargeWriteCache cache(impl.db);
    WriteTransaction tx(impl.db);
    auto report = apply_all(impl.db, listings, force);
    tx.commit();
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

SyncReport sync(Library& library, const SyncOptions& options) try {
    std::vector<std::string> sources = options.sources;
    if (sources.empty())
        sources.push_back(options.default_source);
    std::vector<Listing> listings;
    for (const auto& source : sources)
        listings.push_back(read_source(library, source, options));
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    SyncReport report;
    {
        LargeWriteCache cache(impl.db);
        WriteTransaction tx(impl.db);
        report = apply_all(impl.db, listings, options.force);
        tx.commit();
    }
    if (options.fetch)
        report.fetch = fetch_locked(library, *options.fetch);
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

std::optional<SyncReport> seed_if_empty(Library& library) try {
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
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
