#pragma once

#include "catalogue/database.hpp"
#include "kennis/document.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// Gives every document without a series key one (the rows from before editions existed).
void fill_series_keys(Database& db);

// The other editions of a document's series, newest first.
std::vector<Edition> editions_of(Database& db, std::int64_t document);

// The SQL for the date an edition of `table` (a name or alias of documents) is ordered by: its
// date, else the last year of its period; NULL for a title with neither, which is nobody's edition.
std::string edition_date(std::string_view table);

// A WHERE condition over `documents d`: no active edition of the same series is newer.
std::string latest_edition_condition();

} // namespace kennis
