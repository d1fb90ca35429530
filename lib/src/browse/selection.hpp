#pragma once

#include "kennis/filter.hpp"
#include "kennis/library.hpp"
#include "kennis/synonyms.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

// The ids of the documents a search query finds (all of them, narrowed by the filter), or
// without a query those the filter selects; ordered by id.
std::vector<std::int64_t> select_ids(Library& library, const std::optional<std::string>& query, const Filter& filter,
                                     const Synonyms& synonyms);

} // namespace kennis
