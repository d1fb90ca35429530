#pragma once

#include "catalogue/database.hpp"
#include "kennis/diff.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace kennis {

// A document's newest file against the one before it, or, with one file, against the current
// file of its previous edition; nothing when there is neither or a side has no text.
std::optional<TextDiff> latest_text_change(Database& db, std::int64_t document);

// The same for the document's version with these bytes against the version before it; nothing
// for its first version.
std::optional<TextDiff> file_change(Database& db, std::int64_t document, std::string_view sha256);

} // namespace kennis
