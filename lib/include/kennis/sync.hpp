#pragma once

#include "kennis/fetch.hpp"
#include "kennis/library.hpp"
#include "kennis/listing.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

inline constexpr const char* default_source_url = "https://ingrado.nl/kennisbank";

struct SyncOptions {
    // Live page URLs, saved HTML pages or snapshot files; none means `default_source`.
    std::vector<std::string> sources;
    // The live page; relative links in a saved page are resolved against it too.
    std::string default_source = default_source_url;
    bool force = false; // accept a listing that shrank to less than half of the last one
    NetworkOptions network;
    std::optional<FetchOptions> fetch; // fetch afterwards, under the same lock
};

// What a sync did to one document, in words a user can read.
struct DocumentChange {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
    std::string kind; // "added", "updated" or "withdrawn"
    std::vector<std::string> details;
};

struct SourceReport {
    std::string source;
    std::size_t entries = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t withdrawn = 0;
    std::size_t unchanged = 0;
    std::vector<DocumentChange> changes;
};

struct SyncReport {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t withdrawn = 0;
    std::size_t unchanged = 0;
    std::size_t documents = 0; // active documents in the catalogue afterwards
    std::vector<SourceReport> sources;
    std::optional<FetchReport> fetch;
};

// Reads every source first and applies them all in one transaction: a bad source changes nothing.
SyncReport sync(Library& library, const SyncOptions& options);

// Applies listings that are already in memory (used by sync, seeding and tests).
SyncReport apply_listings(Library& library, const std::vector<Listing>& listings, bool force);

// Seeds an empty catalogue from the built-in snapshot, once even when several processes start
// at the same moment. Returns the report when this call did the seeding.
std::optional<SyncReport> seed_if_empty(Library& library);

} // namespace kennis
