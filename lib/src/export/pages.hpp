#pragma once

#include "export/manifest.hpp"

#include <string>
#include <vector>

namespace kennis {

// index.html: one page listing every exported document by theme, with tags, dates and relative
// links; `searching`, it also searches their text through the share's search index
// (export/share_search.hpp), whose scripts draw the listing once the search is ready.
std::string index_html(const std::vector<ExportEntry>& entries, bool searching);

// WAT-IS-NIEUW.html: the changes of the last days, per theme, for colleagues who open the share;
// a document that is in the export links to its file.
std::string news_html(const ChangesReport& changes, const std::vector<ExportEntry>& entries, int days);

} // namespace kennis
