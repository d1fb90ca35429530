#pragma once

#include "catalogue/database.hpp"
#include "kennis/search.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace kennis {

// search_like for a document by id, for `show`'s related documents.
std::vector<SearchHit> documents_like(Database& db, const std::filesystem::path& home, std::int64_t doc, const Filter& filter);

} // namespace kennis
