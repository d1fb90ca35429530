#include "browse/filter_sql.hpp"

#include "browse/editions.hpp"
#include "kennis/choices.hpp"
#include "kennis/error.hpp"
#include "kennis/tags.hpp"
#include "catalogue/catalogue.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <fmt/ranges.h>

namespace kennis {
namespace {

std::vector<std::int64_t> resolve_theme(Database& db, const std::string& wanted) {
    const std::string key = theme_key(wanted);
    std::vector<std::pair<std::int64_t, std::string>> prefixed;
    std::vector<std::string> names;
    SQLite::Statement q(db.sql(), "SELECT id, name, name_key FROM themes ORDER BY id");
    while (q.executeStep()) {
        const std::string name_key = q.getColumn(2).getString();
        if (name_key == key)
            return {q.getColumn(0).getInt64()};
        names.push_back(q.getColumn(1).getString());
        if (name_key.starts_with(key))
            prefixed.emplace_back(q.getColumn(0).getInt64(), names.back());
    }
    if (prefixed.size() == 1)
        return {prefixed.front().first};
    if (prefixed.size() > 1) {
        std::vector<std::string> which;
        for (const auto& p : prefixed)
            which.push_back(p.second);
        throw UsageError(fmt::format("theme '{}' is ambiguous: it could be {}", wanted,
                                     fmt::join(which, ", ")));
    }
    throw UsageError(fmt::format("no theme '{}'; the themes are: {}", wanted,
                                 names.empty() ? "(none yet)" : fmt::format("{}", fmt::join(names, ", "))));
}

std::string normalize_level(const std::string& level) {
    const auto key_of = [](std::string_view text) { return fmt::format("{}", fmt::join(split_words(unicode::fold(text)), "")); };
    const std::string key = key_of(level);
    for (const auto name : choices::level)
        if (key == key_of(name) || (name == "(V)SO" && key == "so")) // SO alone: speciaal onderwijs
            return std::string(name);
    throw UsageError(fmt::format("no school level '{}'; use {}", level, choices::one_of(choices::level)));
}

} // namespace

void SqlFilter::bind(SQLite::Statement& statement, int first) const {
    int index = first;
    for (const auto& p : params) {
        if (const auto* n = std::get_if<std::int64_t>(&p))
            statement.bind(index++, *n);
        else
            statement.bind(index++, std::get<std::string>(p));
    }
}

SqlFilter build_filter(Database& db, const Filter& filter) {
    SqlFilter out;
    std::vector<std::string> conditions;
    if (filter.status == "active" || filter.status == "withdrawn") {
        conditions.push_back("d.status = ?");
        out.params.emplace_back(filter.status);
    } else if (filter.status != "all") {
        throw UsageError(fmt::format("no status '{}'; use {}", filter.status, choices::one_of(choices::status)));
    }
    if (!filter.themes.empty()) {
        std::vector<std::string> marks;
        for (const auto& theme : filter.themes)
            for (auto id : resolve_theme(db, theme)) {
                marks.emplace_back("?");
                out.params.emplace_back(id);
            }
        conditions.push_back(fmt::format(
            "d.id IN (SELECT document_id FROM memberships WHERE theme_id IN ({}))", fmt::join(marks, ", ")));
    }
    if (!filter.tags.empty()) {
        std::vector<std::string> any;
        for (const auto& tag : filter.tags) {
            const std::string name = normalize_tag(tag);
            any.push_back("(t.name = ? OR substr(t.name, 1, ?) = ?)");
            out.params.emplace_back(name);
            out.params.emplace_back(static_cast<std::int64_t>(name.size() + 1));
            out.params.emplace_back(name + "/");
        }
        conditions.push_back(fmt::format("d.id IN (SELECT dt.document_id FROM document_tags dt JOIN tags t "
                                         "ON t.id = dt.tag_id WHERE {})",
                                         fmt::join(any, " OR ")));
    }
    if (filter.type) {
        conditions.push_back("d.type = ? COLLATE NOCASE");
        out.params.emplace_back(collapse_spaces(*filter.type));
    }
    if (filter.year) {
        conditions.push_back("(substr(d.date, 1, 4) = ? OR (d.period IS NOT NULL AND "
                             "CAST(substr(d.period, 1, 4) AS INTEGER) <= ? AND "
                             "CAST(substr(d.period, 6, 4) AS INTEGER) >= ?))");
        out.params.emplace_back(fmt::format("{:04}", *filter.year));
        out.params.emplace_back(static_cast<std::int64_t>(*filter.year));
        out.params.emplace_back(static_cast<std::int64_t>(*filter.year));
    }
    if (filter.level) {
        conditions.push_back("instr(',' || d.level || ',', ?) > 0");
        out.params.emplace_back("," + normalize_level(*filter.level) + ",");
    }
    if (filter.latest)
        conditions.push_back(latest_edition_condition());
    out.where = conditions.empty() ? "1" : fmt::format("{}", fmt::join(conditions, " AND "));
    return out;
}

std::vector<std::int64_t> select_documents(Database& db, const Filter& filter) {
    const SqlFilter where = build_filter(db, filter);
    std::string sql = fmt::format("SELECT d.id FROM documents d WHERE {} ORDER BY d.id", where.where);
    if (filter.limit)
        sql += fmt::format(" LIMIT {}", *filter.limit);
    SQLite::Statement q(db.sql(), sql);
    where.bind(q);
    std::vector<std::int64_t> ids;
    while (q.executeStep())
        ids.push_back(q.getColumn(0).getInt64());
    return ids;
}

} // namespace kennis
