#pragma once

#include "export/manifest.hpp"

#include <string>
#include <vector>

namespace kennis {

// index.html: one self-contained page listing every exported document by theme, with tags,
// dates and relative links, and a box that filters the list while one types.
std::string index_html(const std::vector<ExportEntry>& entries);

// WAT-IS-NIEUW.html: the changes of the last days, per theme, for colleagues who open the share;
// a document that is in the export links to its file.
std::string news_html(const ChangesReport& changes, const std::vector<ExportEntry>& entries, int days);

} // namespace kennis
