#include "browse/editions.hpp"

#include "kennis/metadata.hpp"

#include <fmt/format.h>
#include <utility>

namespace kennis {

std::string edition_date(std::string_view table) {
    return fmt::format("coalesce({0}.date, substr({0}.period, 6, 4))", table);
}

std::string latest_edition_condition() {
    return fmt::format("NOT EXISTS (SELECT 1 FROM documents n WHERE n.series_key = d.series_key AND n.series_key != '' "
                       "AND n.id != d.id AND n.status = 'active' AND {} > {})",
                       edition_date("n"), edition_date("d"));
}

void fill_series_keys(Database& db) {
    std::vector<std::pair<std::int64_t, std::string>> missing;
    {
        SQLite::Statement q(db.sql(), "SELECT id, title FROM documents WHERE series_key IS NULL");
        while (q.executeStep())
            missing.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    }
    if (missing.empty())
        return;
    WriteTransaction tx(db);
    SQLite::Statement upd(db.sql(), "UPDATE documents SET series_key = ? WHERE id = ?");
    for (const auto& [id, title] : missing) {
        upd.bind(1, series_key(title));
        upd.bind(2, id);
        upd.exec();
        upd.reset();
    }
    tx.commit();
}

std::vector<Edition> editions_of(Database& db, std::int64_t document) {
    SQLite::Statement q(db.sql(),
                        fmt::format("WITH e AS (SELECT id, slug, title, status, series_key, {} AS edition FROM documents) "
                                    "SELECT n.id, n.slug, n.title, n.status, n.edition, n.edition > d.edition "
                                    "FROM e d JOIN e n ON n.series_key = d.series_key AND n.id != d.id "
                                    "WHERE d.id = ? AND d.series_key != '' AND d.edition IS NOT NULL "
                                    "AND n.edition IS NOT NULL ORDER BY n.edition DESC, n.id",
                                    edition_date("documents")));
    q.bind(1, document);
    std::vector<Edition> out;
    while (q.executeStep())
        out.push_back(Edition{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                              q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt() != 0});
    return out;
}

} // namespace kennis
