#pragma once

#include "kennis/library.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

// One thing that happened to a document: added, reinstated, withdrawn, new_version, theme_added,
// theme_removed, merged or unmerged.
struct ChangeEvent {
    std::int64_t id = 0; // the document
    std::string slug;
    std::string title;
    std::string kind;
    std::string detail; // the source, the new file's SHA-256, the document merged in; may be empty
    std::string at;     // ISO 8601 UTC
};

struct ThemeChanges {
    std::string theme; // empty for documents under no theme
    std::vector<ChangeEvent> changes;
};

struct ChangesReport {
    std::string since;      // ISO 8601; empty when nothing was ever synced
    std::size_t events = 0; // each change once, however many themes show it
    std::vector<ThemeChanges> themes;
};

// What changed since `since` (YYYY-MM-DD or an ISO 8601 time), or else since the start of the last
// sync (that sync and whatever ran after it, such as its fetch), grouped per theme: a document
// appears under each theme it is in. A new document's themes are part of its being added.
ChangesReport list_changes(Library& library, const std::optional<std::string>& since);

} // namespace kennis
