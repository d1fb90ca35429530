#pragma once

#include "catalogue/database.hpp"
#include "kennis/filter.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kennis {

// A Filter as a WHERE clause over `documents d`, with its parameters in order. Theme names,
// levels and statuses are checked here, so a typo is a usage error before any query runs.
struct SqlFilter {
    std::string where;
    std::vector<std::variant<std::int64_t, std::string>> params;

    void bind(SQLite::Statement& statement, int first = 1) const;
};

SqlFilter build_filter(Database& db, const Filter& filter);

// The ids of the documents a filter selects, ordered by id.
std::vector<std::int64_t> select_documents(Database& db, const Filter& filter);

} // namespace kennis
