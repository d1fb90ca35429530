#pragma once

#include "catalogue/database.hpp"
#include "kennis/filter.hpp"
#include "kennis/search.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// The documents whose index rows match an FTS5 expression, best first, each once at its best
// page, with snippets, narrowed by `filter` (its limit defaults to default_search_limit).
// `query` is what the user typed, for the message when the expression cannot be searched.
std::vector<SearchHit> ranked_hits(Database& db, const std::filesystem::path& home, const std::string& match, const Filter& filter,
                                   std::string_view query);

} // namespace kennis
