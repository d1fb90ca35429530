#pragma once

#include "catalogue/database.hpp"
#include "export/pages.hpp"
#include "kennis/changes.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace kennis {

struct NewsDiffs {
    std::map<std::int64_t, NewsDiff> by_event; // for news_html
    std::map<std::string, std::string> pages;  // their pages, by path relative to DEST
};

// For each new version among `changes` whose text can be compared with the version before it:
// how much changed, and the page that shows the lines (news_diff_folder/ID-versie-N.html).
NewsDiffs news_diffs(Database& db, const ChangesReport& changes);

} // namespace kennis
