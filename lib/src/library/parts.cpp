#include "library/parts.hpp"

#include "browse/editions.hpp"
#include "search/dutch_tokenizer.hpp"
#include "search/search_index.hpp"

#include <array>

namespace kennis {

std::span<const DatabaseHooks> database_hooks() {
    static constexpr std::array<DatabaseHooks, 2> hooks{{
        {nullptr, fill_series_keys},
        {[](SQLite::Database& db) { register_dutch_tokenizer(db.getHandle()); }, ensure_search_index},
    }};
    return hooks;
}

} // namespace kennis
