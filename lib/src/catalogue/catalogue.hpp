#pragma once

#include "catalogue/database.hpp"
#include "kennis/document.hpp"
#include "catalogue/store.hpp"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace kennis {

// Reads whole documents (aliases, themes, tags, URLs, versions) for the given ids, in that order.
std::vector<Document> load_documents(Database& db, const std::filesystem::path& home,
                                     const std::vector<std::int64_t>& ids);

// The SQL for the SHA-256 of the current file of the document `table` names (a name or alias of
// documents): its newest version by first_seen, then id, the order load_documents gives them in.
// NULL for a document without a file.
std::string current_sha256(std::string_view table);

// The id a DOC argument names, following merges; nullopt when nothing matches. Throws when a
// title matches several documents.
std::optional<std::int64_t> resolve_document(Database& db, std::string_view doc);

// As resolve_document, but nothing found is a NotFoundError that names the closest titles.
std::int64_t require_document(Database& db, std::string_view doc);

// Titles closest to `text`, best first, for "did you mean".
std::vector<std::string> closest_titles(Database& db, std::string_view text, std::size_t most);

// The key a theme is known by: folded, spaces collapsed, punctuation kept.
std::string theme_key(std::string_view name);

// A stamp that changes (to a random value) with every change to what an export reads, kept by
// triggers (migration 010): the same stamp means an unchanged catalogue as far as an export sees.
std::int64_t catalogue_stamp(Database& db);

// The store files that no version of any document uses: what `gc` removes and `verify` reports.
std::vector<Store::StoredFile> unused_store_files(Database& db, const Store& store);

} // namespace kennis
