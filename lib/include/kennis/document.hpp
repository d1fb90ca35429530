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

// How much of a document's text changed from the file before: its previous version, or the
// current file of its previous edition (kennis diff shows the lines).
struct TextChange {
    std::string against;         // "previous version" or "previous edition"
    std::int64_t against_id = 0; // the document of the older file (itself, for a version)
    int against_version = 0;
    double changed = 0;          // words in the lines that differ ÷ words in both texts, 0 to 1
    std::size_t changes = 0;     // runs of lines that differ
};

// A document whose text is like another's (kennis search --like).
struct RelatedDocument {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
    double score = 0; // 0 to 1: 1 is as alike as the document is to itself
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
    std::optional<TextChange> text_change;  // find_document only
    std::vector<RelatedDocument> related;   // find_document only: the five most alike, best first

    const DocumentVersion* current() const { return versions.empty() ? nullptr : &versions.back(); }
    const Edition* newer_edition() const {
        return !editions.empty() && editions.front().newer ? &editions.front() : nullptr;
    }
};

} // namespace kennis
