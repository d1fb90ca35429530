#include "kennis/changes.hpp"

#include "library/edge.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <regex>

namespace kennis {
namespace {

// The last sync run: when it began, and the last event before it (absent for old syncs).
struct LastSync {
    std::string at;
    std::optional<std::int64_t> after_event;
};

LastSync last_sync(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT at, after_event FROM syncs ORDER BY id DESC LIMIT 1");
    if (!q.executeStep())
        return {};
    return {q.getColumn(0).getString(),
            q.getColumn(1).isNull() ? std::nullopt : std::optional<std::int64_t>(q.getColumn(1).getInt64())};
}

void check_since(const std::string& since) {
    static const std::regex iso(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?)");
    if (!std::regex_match(since, iso))
        throw UsageError(fmt::format("--since wants a date like 2026-11-01 or a time like 2026-11-01T06:00:00Z, not '{}'", since));
}

} // namespace

ChangesReport list_changes(Library& library, const std::optional<std::string>& since) try {
    Database& db = library.impl().db;
    ChangesReport report;
    if (since)
        check_since(*since);
    const LastSync last = since ? LastSync{} : last_sync(db);
    report.since = since ? *since : last.at;
    if (report.since.empty())
        return report;
    // After a given date: by time. Since the last sync: by event number where it is known.
    const std::int64_t after_event = last.after_event.value_or(-1);
    // A theme event belongs to its theme; any other event to every theme the document is in now.
    // Grouped and ordered here rather than in SQL: sorting the rows with their titles in SQLite's
    // temp tables took four times as long as the query itself.
    SQLite::Statement q(db.sql(), R"sql(
        SELECT e.document_id, d.slug, d.title, e.kind, coalesce(e.detail, ''), e.at, e.id,
               coalesce(t.name, ''), coalesce(t.id, 1 << 62),
               coalesce((SELECT u.url FROM urls u WHERE u.document_id = d.id ORDER BY u.id LIMIT 1), '')
        FROM events e
        JOIN documents d ON d.id = e.document_id
        LEFT JOIN memberships m ON e.theme_id IS NULL AND m.document_id = e.document_id
        LEFT JOIN themes t ON t.id = coalesce(e.theme_id, m.theme_id)
        WHERE (CASE WHEN ?2 >= 0 THEN e.id > ?2 ELSE e.at >= ?1 END)
          AND e.kind IN ('added', 'reinstated', 'withdrawn', 'new_version', 'theme_added', 'theme_removed', 'merged', 'unmerged')
          AND NOT (e.kind = 'theme_added' AND EXISTS (SELECT 1 FROM events a WHERE a.document_id = e.document_id
                                                     AND a.kind = 'added' AND a.id <= e.id
                                                     AND (CASE WHEN ?2 >= 0 THEN a.id > ?2 ELSE a.at >= ?1 END))))sql");
    q.bind(1, report.since);
    q.bind(2, after_event);
    struct Row {
        std::int64_t theme_key; // themes in the order they were first seen; no theme last
        std::string theme;
        ChangeEvent change;
    };
    std::vector<Row> rows;
    while (q.executeStep())
        rows.push_back({q.getColumn(8).getInt64(), q.getColumn(7).getString(),
                        {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                         q.getColumn(6).getInt64(), q.getColumn(9).getString()}});
    // Sorted as indices: a row is a few hundred bytes of text, and ten thousand of them move.
    std::vector<std::size_t> sorted(rows.size());
    std::iota(sorted.begin(), sorted.end(), std::size_t{0});
    const auto key = [&](std::size_t i) { return std::tie(rows[i].theme_key, rows[i].change.at, rows[i].change.event); };
    std::sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    // A document in a theme through two sources is in it once.
    sorted.erase(std::unique(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) { return key(a) == key(b); }), sorted.end());
    std::vector<std::int64_t> events;
    events.reserve(sorted.size());
    for (std::size_t n = 0; n < sorted.size(); ++n) {
        Row& row = rows[sorted[n]];
        if (n == 0 || row.theme_key != rows[sorted[n - 1]].theme_key)
            report.themes.push_back({std::move(row.theme), {}});
        report.themes.back().changes.push_back(std::move(row.change));
        events.push_back(row.change.event);
    }
    std::sort(events.begin(), events.end());
    report.events = static_cast<std::size_t>(std::unique(events.begin(), events.end()) - events.begin());
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

std::string_view change_label(std::string_view kind) {
    static const std::map<std::string_view, std::string_view> labels{
        {"added", "nieuw"},           {"reinstated", "weer opgenomen"},   {"withdrawn", "ingetrokken"},
        {"new_version", "nieuwe versie"}, {"theme_added", "nieuw in dit thema"}, {"theme_removed", "uit dit thema"},
        {"merged", "samengevoegd"},       {"unmerged", "weer apart"}};
    const auto it = labels.find(kind);
    return it == labels.end() ? kind : it->second;
}

} // namespace kennis
