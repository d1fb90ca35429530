#pragma once

#include "catalogue/database.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kennis {

// Inserts rows into one table a hundred at a time. A statement of a hundred rows costs about
// half as much per row as a statement for each row: a statement's start and end (its savepoint,
// its reset) is paid once per hundred. Rows are written in the order they are added, whenever a
// hundred wait and at flush(); rows still waiting when the batch goes are dropped, as they are
// after an error, when the transaction is rolled back anyway.
//
// A row may name a row still waiting in another batch only while the transaction defers its
// foreign-key checks (DeferForeignKeys).
class BatchInsert {
public:
    using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;

    // `into`: "table (column, …)" with `columns` columns.
    BatchInsert(Database& db, std::string into, std::size_t columns);
    BatchInsert(const BatchInsert&) = delete;
    BatchInsert& operator=(const BatchInsert&) = delete;

    // One row, a value for each column in their order.
    template <typename... Values>
    void add(Values&&... values) {
        static_assert(sizeof...(Values) > 0);
        check_row(sizeof...(Values));
        (m_values.emplace_back(value(std::forward<Values>(values))), ...);
        if (m_values.size() == m_columns * m_rows_per_statement)
            flush();
    }

    void flush();

private:
    static Value value(std::int64_t v) { return v; }
    static Value value(std::string v) { return v; }
    static Value value(std::string_view v) { return std::string(v); }
    static Value value(const char* v) { return std::string(v); }
    static Value value(std::nullopt_t) { return nullptr; }
    template <typename T>
    static Value value(const std::optional<T>& v) { return v ? value(*v) : Value(nullptr); }

    void check_row(std::size_t values) const;
    SQLite::Statement prepare(std::size_t rows) const;

    Database& m_db;
    std::string m_into;
    std::size_t m_columns;
    std::size_t m_rows_per_statement;
    std::vector<Value> m_values;
    std::unique_ptr<SQLite::Statement> m_full; // for a whole batch, prepared when first needed
};

// Foreign keys checked at the commit of the current write transaction rather than at each
// statement, so that batches may be flushed in any order. SQLite ends it at commit or rollback.
void defer_foreign_keys(Database& db);

} // namespace kennis
