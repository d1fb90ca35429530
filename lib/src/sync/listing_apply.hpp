#pragma once

#include "catalogue/database.hpp"
#include "kennis/listing.hpp"
#include "kennis/sync.hpp"

namespace kennis {

// One `sync` command, over all its sources: when it ran, and the last event before it began, which
// is where `changes --since-last-sync` starts (times alone cannot tell two runs in one second apart).
struct SyncRun {
    std::string now;
    std::int64_t after_event = 0;
};

// Applies one source's listing to the catalogue inside the caller's write transaction: resolves
// each entry to a document by the identity rules, records aliases, themes and URLs, replaces the
// source's listing entries and withdraws what the source no longer lists.
SourceReport apply_listing(Database& db, const Listing& listing, bool force, const SyncRun& run);

} // namespace kennis
