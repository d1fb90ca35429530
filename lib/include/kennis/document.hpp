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
    bool macros = false; // an Office file that carries macros: exported only when allowed
};

// Another dated edition of the same publication (titles that differ only in date or version).
struct Edition {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
    std::string status;
    std::string date; // its date, else the last year of its period
    bool newer = false; // than the document it is an edition of
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
    std::vector<Edition> editions; // filled by find_document only: the other editions, newest first

    const DocumentVersion* current() const { return versions.empty() ? nullptr : &versions.back(); }
    const Edition* newer_edition() const {
        return !editions.empty() && editions.front().newer ? &editions.front() : nullptr;
    }
};

} // namespace kennis
