#pragma once

#include "kennis/document.hpp"
#include "kennis/filter.hpp"
#include "kennis/library.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

std::vector<Document> list_documents(Library& library, const Filter& filter);

// DOC is an id, a slug, or a title or alias (exact, or equal but for case, accents and
// punctuation). Ids and slugs of merged documents resolve to the survivor. Throws NotFoundError
// with the closest titles when nothing matches.
Document find_document(Library& library, std::string_view doc);

struct ThemeSummary {
    std::string name;
    std::size_t documents = 0; // distinct active documents
    std::size_t entries = 0;   // listing entries
};

std::vector<ThemeSummary> list_themes(Library& library);

struct SourceSummary {
    std::string location;
    std::string kind;
    std::string last_synced;
    std::size_t entries = 0;
};

// How the text of the active documents' current files was read.
struct TextStats {
    std::size_t text_layer = 0; // documents whose text was read from the file itself
    std::size_t ocr = 0;        // documents with pages read from their image
    std::size_t unreadable = 0; // documents whose file gave no text
    std::size_t pages_text_layer = 0;
    std::size_t pages_ocr = 0;
    std::vector<std::pair<std::string, std::size_t>> reasons; // why not readable, with how many documents, most first
    std::size_t older_reader = 0; // stored files an older kennis read: `kennis reindex` reads them again
};

struct Stats {
    std::string home;
    int schema_version = 0;
    std::size_t documents = 0; // active
    std::size_t withdrawn = 0;
    std::size_t entries = 0;
    std::size_t themes = 0;
    std::size_t aliases = 0;
    std::size_t urls = 0;
    std::size_t tags = 0;
    std::size_t fetched = 0;       // documents with at least one stored version
    std::size_t store_files = 0;
    std::int64_t store_bytes = 0;
    std::vector<SourceSummary> sources;
    TextStats text;
};

Stats library_stats(Library& library);

} // namespace kennis
