#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

struct DocumentUrl {
    std::string url;
    std::optional<std::string> etag;
    std::optional<std::string> last_modified;
    std::optional<int> last_status;
    std::optional<std::string> last_checked;
};

struct DocumentVersion {
    std::string sha256;
    std::int64_t size = 0;
    std::optional<std::string> mime;
    std::string first_seen;
};

// One logical publication, with everything the catalogue knows about it.
struct Document {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
    std::vector<std::string> aliases;
    std::vector<std::string> themes;
    std::vector<std::string> tags;
    std::vector<DocumentUrl> urls;
    std::string status; // "active" or "withdrawn"
    std::optional<std::string> type;
    std::optional<std::string> publisher;
    std::optional<std::string> date;   // ISO 8601 to the precision the title gives
    std::optional<std::string> period; // a span such as 2018-2019
    std::optional<std::string> level;  // school levels, comma separated: PO,VO,(V)SO,MBO
    std::vector<DocumentVersion> versions; // oldest first; the last one is current
    std::optional<std::string> path;       // the current version's file in the store
    std::string first_seen;
    std::string last_seen;

    const DocumentVersion* current() const { return versions.empty() ? nullptr : &versions.back(); }
};

} // namespace kennis
