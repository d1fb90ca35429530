#pragma once

#include "catalogue/database.hpp"
#include "kennis/diff.hpp"

#include <cstdint>
#include <optional>

namespace kennis {

// A document's newest file against the one before it, or, with one file, against the current
// file of its previous edition; nothing when there is neither or a side has no text.
std::optional<TextDiff> latest_text_change(Database& db, std::int64_t document);

// The same for one version of a document (2 or later) against the version before it.
std::optional<TextDiff> version_change(Database& db, std::int64_t document, int version);

} // namespace kennis
