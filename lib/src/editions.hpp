#pragma once

#include "database.hpp"
#include "kennis/document.hpp"

#include <cstdint>
#include <vector>

namespace kennis {

// Gives every document without a series key one (the rows from before editions existed).
void fill_series_keys(Database& db);

// The other editions of a document's series, newest first.
std::vector<Edition> editions_of(Database& db, std::int64_t document);

// A WHERE condition over `documents d`: no active edition of the same series is newer. An edition
// is ordered by its date, else the last year of its period; a title with neither is nobody's
// edition.
extern const char* const latest_edition_condition;

} // namespace kennis
