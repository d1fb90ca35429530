#pragma once

#include "catalogue/database.hpp"
#include "kennis/metadata.hpp"

#include <cstdint>
#include <string>

namespace kennis {

// What a displayed title gives its document: the title itself, its key for matching, the key of
// its series (editions) and the metadata it states.
struct ShownTitle {
    std::string shown;
    std::string key;
    std::string series;
    TitleMetadata meta;
};

// `shown` is a title as display_title() gives it.
ShownTitle shown_title(std::string shown);

// Binds a document's type, publisher, date, period and level to `first_column` and the four after
// it, in that order; a field the title leaves open is NULL.
void bind_metadata(SQLite::Statement& statement, int first_column, const TitleMetadata& meta);

// Recomputes a document's displayed title and title metadata from its aliases: the longest one
// is shown, and a field it leaves open may be stated by another.
void refresh_document_title(Database& db, std::int64_t document_id);

} // namespace kennis
