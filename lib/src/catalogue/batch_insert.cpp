#include "catalogue/batch_insert.hpp"

#include <algorithm>
#include <stdexcept>

namespace kennis {
namespace {

constexpr std::size_t rows_per_statement = 100;
constexpr std::size_t max_parameters = 32766; // SQLite's SQLITE_MAX_VARIABLE_NUMBER since 3.32

} // namespace

BatchInsert::BatchInsert(Database& db, std::string into, std::size_t columns)
    : m_db(db), m_into(std::move(into)), m_columns(columns),
      m_rows_per_statement(std::clamp<std::size_t>(max_parameters / std::max<std::size_t>(columns, 1), 1, rows_per_statement)) {
    m_values.reserve(m_columns * m_rows_per_statement);
}

void BatchInsert::check_row(std::size_t values) const {
    if (values != m_columns)
        throw std::logic_error("a row for " + m_into + " with the wrong number of values");
}

SQLite::Statement BatchInsert::prepare(std::size_t rows) const {
    std::string row = "(?";
    for (std::size_t c = 1; c < m_columns; ++c)
        row += ", ?";
    row += ")";
    std::string sql = "INSERT INTO " + m_into + " VALUES " + row;
    for (std::size_t r = 1; r < rows; ++r)
        sql += ", " + row;
    return SQLite::Statement(m_db.sql(), sql);
}

void BatchInsert::flush() {
    const std::size_t rows = m_values.size() / m_columns;
    if (rows == 0)
        return;
    std::optional<SQLite::Statement> partial;
    if (rows == m_rows_per_statement && !m_full)
        m_full = std::make_unique<SQLite::Statement>(prepare(rows));
    SQLite::Statement& q = rows == m_rows_per_statement ? *m_full : partial.emplace(prepare(rows));
    int at = 1;
    for (const auto& v : m_values) {
        if (const auto* i = std::get_if<std::int64_t>(&v))
            q.bind(at, *i);
        else if (const auto* s = std::get_if<std::string>(&v))
            q.bindNoCopy(at, *s);
        else
            q.bind(at);
        ++at;
    }
    q.exec();
    q.reset();
    m_values.clear();
}

void defer_foreign_keys(Database& db) { db.sql().exec("PRAGMA defer_foreign_keys = ON"); }

} // namespace kennis
