#pragma once

#include "export/manifest.hpp"
#include "kennis/diff.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kennis {

// index.html: one page listing every exported document by theme, with tags, dates and relative
// links; `searching`, it also searches their text through the share's search index
// (export/share_search.hpp), whose scripts draw the listing once the search is ready.
std::string index_html(const std::vector<ExportEntry>& entries, bool searching);

// The folder of the pages that show what changed in a new version's text.
inline constexpr std::string_view news_diff_folder = "wijzigingen";

// A new version's text against the one before it: how much changed, and the page that shows it
// (a path relative to DEST).
struct NewsDiff {
    double changed = 0;
    std::string page;
};

// WAT-IS-NIEUW.html: the changes of the last days, per theme, for colleagues who open the share;
// a document that is in the export links to its file, and a new version whose text could be
// compared (`diffs`, by event number) says how much of it changed and links to the page showing it.
std::string news_html(const ChangesReport& changes, const std::vector<ExportEntry>& entries, int days,
                      const std::map<std::int64_t, NewsDiff>& diffs = {});

// A page of news_diff_folder: the lines removed, added and changed, with their pages.
std::string diff_html(const TextDiff& diff);

} // namespace kennis
