#include "export/news_diffs.hpp"

#include "compare/document_diff.hpp"

#include <fmt/format.h>

namespace kennis {

NewsDiffs news_diffs(Database& db, const ChangesReport& changes) {
    NewsDiffs out;
    // The number of the version with these bytes, counted as kennis diff counts them.
    SQLite::Statement number(db.sql(), "SELECT count(*) FROM versions WHERE document_id = ?1 "
                                       "AND id <= (SELECT max(id) FROM versions WHERE document_id = ?1 AND sha256 = ?2)");
    for (const auto& theme : changes.themes)
        for (const auto& c : theme.changes) {
            if (c.kind != "new_version" || out.by_event.contains(c.event))
                continue;
            number.bind(1, c.id);
            number.bind(2, c.detail);
            const int version = number.executeStep() ? number.getColumn(0).getInt() : 0;
            number.reset();
            const auto diff = version_change(db, c.id, version);
            if (!diff)
                continue;
            const std::string page = fmt::format("{}/{}-versie-{}.html", news_diff_folder, c.id, version);
            out.by_event.emplace(c.event, NewsDiff{diff->changed, page});
            out.pages.emplace(page, diff_html(*diff));
        }
    return out;
}

} // namespace kennis
