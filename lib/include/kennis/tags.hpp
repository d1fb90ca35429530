#pragma once

#include "kennis/filter.hpp"
#include "kennis/library.hpp"
#include "kennis/synonyms.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// A tag as stored: trimmed, case-folded, one space inside words, no empty levels around '/'.
// Throws UsageError for a tag that is empty after that.
std::string normalize_tag(std::string_view tag);

// Which documents a tag command applies to: the named ones; else those a search query finds
// (narrowed by the filter); else those the filter selects. An empty selection is refused, so a
// slip never tags the whole catalogue.
struct TagTarget {
    std::vector<std::string> documents;
    std::optional<std::string> query;
    Synonyms synonyms = Synonyms::shipped(); // what the query expands
    Filter filter;
    bool filtered = false; // the filter was given on purpose
};

struct TagResult {
    std::string tag;
    std::size_t selected = 0; // documents the target named
    std::size_t changed = 0;  // of those, the ones that gained (or lost) the tag
};

// Both take the writer lock and keep the search index in step.
TagResult add_tag(Library& library, std::string_view tag, const TagTarget& target);
TagResult remove_tag(Library& library, std::string_view tag, const TagTarget& target);

struct TagCount {
    std::string name;
    std::size_t documents = 0;
};

// Every tag with its number of documents; with a DOC, that document's tags.
std::vector<TagCount> list_tags(Library& library, const std::optional<std::string>& document);

// Renames a tag and the tags below it (regio → gebied renames regio/zaanstad too); renaming onto
// an existing tag merges the two. Returns the number of documents whose tags changed.
std::size_t rename_tag(Library& library, std::string_view from, std::string_view to);

} // namespace kennis
