#pragma once

#include <string_view>
#include <vector>

// Data compiled into the program from catalog/, lib/sql/ and lib/data/ (see lib/embed.cmake).
namespace kennis::embedded {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

extern const std::string_view snapshot;
const std::vector<Migration>& migrations();

// A file of lib/data by its path there ("synonyms.txt", "share/query.js"); empty when there is none.
std::string_view data(std::string_view name);

} // namespace kennis::embedded
