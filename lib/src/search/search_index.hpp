#pragma once

#include "catalogue/database.hpp"

#include <cstdint>
#include <vector>

namespace kennis {

// Rows of search_index belong to a document by rowid range: id * 2^20 + page.
inline constexpr std::int64_t search_rowid(std::int64_t document, std::int64_t page) { return (document << 20) | page; }
inline constexpr std::int64_t search_document(std::int64_t rowid) { return rowid >> 20; }
inline constexpr std::int64_t search_page(std::int64_t rowid) { return rowid & ((1 << 20) - 1); }

// Brings the index rows of these documents in line with the catalogue (inside the caller's
// transaction); documents that no longer exist lose their rows.
void reindex_documents(Database& db, const std::vector<std::int64_t>& ids);

// The same for documents made in the caller's transaction, which have no rows yet: a sync of a
// new page adds thousands, and looking for rows of each to remove took a third of the indexing.
void index_new_documents(Database& db, const std::vector<std::int64_t>& ids);

// Rebuilds the whole index when it was built by another stemmer (or never built).
void ensure_search_index(Database& db);

} // namespace kennis
