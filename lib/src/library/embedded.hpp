#pragma once

#include <string_view>
#include <vector>

// Data compiled into the program from catalog/ and lib/sql/ (see lib/embed.cmake).
namespace kennis::embedded {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

extern const std::string_view snapshot;
const std::vector<Migration>& migrations();

} // namespace kennis::embedded
