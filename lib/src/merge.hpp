#pragma once

#include "database.hpp"

#include <cstdint>
#include <string>

namespace kennis {

// Folds `absorbed` into `survivor` inside the caller's transaction: titles, themes, URLs, listing
// entries, versions, tags and history move over (unions), the absorbed id and slug keep resolving
// to the survivor through a redirect, and the absorbed row goes.
void merge_documents(Database& db, std::int64_t survivor, std::int64_t absorbed, const std::string& reason,
                     const std::string& now);

} // namespace kennis
