#include "catalogue/document_title.hpp"

#include "kennis/title.hpp"
#include "util/unicode.hpp"

#include <vector>

namespace kennis {

ShownTitle shown_title(std::string shown) {
    ShownTitle t;
    t.key = title_key(shown);
    t.series = series_key(shown);
    t.meta = parse_title_metadata(shown);
    t.shown = std::move(shown);
    return t;
}

void bind_metadata(SQLite::Statement& statement, int first_column, const TitleMetadata& meta) {
    int col = first_column;
    for (const auto& field : {meta.type, meta.publisher, meta.date, meta.period, meta.level}) {
        if (field)
            statement.bind(col, *field);
        else
            statement.bind(col);
        ++col;
    }
}

void refresh_document_title(Database& db, std::int64_t document_id) {
    auto aliases = db.prepare("SELECT alias FROM aliases WHERE document_id = ? ORDER BY seq");
    SQLite::Statement& q = *aliases;
    q.bind(1, document_id);
    std::vector<std::string> shown;
    while (q.executeStep())
        shown.push_back(display_title(q.getColumn(0).getString()));
    if (shown.empty())
        return;
    std::size_t best = 0;
    for (std::size_t i = 1; i < shown.size(); ++i)
        if (unicode::length(shown[i]) > unicode::length(shown[best]))
            best = i;
    ShownTitle title = shown_title(shown[best]);
    // A field the displayed title leaves open may be stated by another alias.
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (i == best)
            continue;
        const TitleMetadata other = parse_title_metadata(shown[i]);
        for (auto field : {&TitleMetadata::type, &TitleMetadata::publisher, &TitleMetadata::date,
                           &TitleMetadata::period, &TitleMetadata::level})
            if (!(title.meta.*field))
                title.meta.*field = other.*field;
    }
    auto update = db.prepare("UPDATE documents SET title = ?, title_key = ?, series_key = ?, type = ?, "
                             "publisher = ?, date = ?, period = ?, level = ? WHERE id = ?");
    SQLite::Statement& upd = *update;
    upd.bind(1, title.shown);
    upd.bind(2, title.key);
    upd.bind(3, title.series);
    bind_metadata(upd, 4, title.meta);
    upd.bind(9, document_id);
    upd.exec();
}

} // namespace kennis
