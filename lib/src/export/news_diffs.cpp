#include "export/news_diffs.hpp"

#include "compare/document_diff.hpp"

#include <fmt/format.h>

namespace kennis {

NewsDiffs news_diffs(Database& db, const ChangesReport& changes) {
    NewsDiffs out;
    for (const auto& theme : changes.themes)
        for (const auto& c : theme.changes) {
            if (c.kind != "new_version" || out.by_event.contains(c.event))
                continue;
            const auto diff = file_change(db, c.id, c.detail); // the detail of a new version is its file's SHA-256
            if (!diff)
                continue;
            const std::string page = fmt::format("{}/{}-versie-{}.html", news_diff_folder, c.id, diff->new_side.version);
            out.by_event.emplace(c.event, NewsDiff{diff->changed, page});
            out.pages.emplace(page, diff_html(*diff));
        }
    return out;
}

} // namespace kennis
