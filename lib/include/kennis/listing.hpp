#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kennis {

// One line of a Downloadcentrum listing: a title under a theme, with its download link if known.
struct ListingEntry {
    std::string theme;
    std::string title;
    std::optional<std::string> url;

    bool operator==(const ListingEntry&) const = default;
};

// A whole listing as one source published it.
struct Listing {
    std::string source;   // identity of the source: the page URL, or a file's absolute path
    std::string kind;     // "snapshot" or "html"
    std::optional<std::string> captured; // when the listing was taken, if the source says
    std::vector<ListingEntry> entries;   // in page order
};

} // namespace kennis
