#include "browse/selection.hpp"

#include "browse/filter_sql.hpp"
#include "kennis/search.hpp"
#include "library/library_impl.hpp"

#include <algorithm>
#include <limits>

namespace kennis {

std::vector<std::int64_t> select_ids(Library& library, const std::optional<std::string>& query, const Filter& filter,
                                     const Synonyms& synonyms) {
    if (!query)
        return select_documents(library.impl().db, filter);
    Filter every = filter;
    every.limit = std::numeric_limits<int>::max();
    std::vector<std::int64_t> ids;
    for (const auto& hit : search(library, *query, every, synonyms))
        ids.push_back(hit.document.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace kennis
