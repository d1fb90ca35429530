#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <filesystem>
#include <optional>
#include <string>

namespace kennis {

// The one owner of the catalogue connection: WAL, foreign keys, a busy timeout, and the schema
// brought to the newest version on open.
class Database {
public:
    explicit Database(const std::filesystem::path& file);

    SQLite::Database& sql() { return m_db; }
    const std::filesystem::path& file() const { return m_file; }

    int schema_version();
    static int latest_version();

    // Applies the migrations after the current version up to `target` (default: all), each in
    // its own transaction. Refuses a database newer than this program.
    void migrate(std::optional<int> target = std::nullopt);

private:
    std::filesystem::path m_file;
    SQLite::Database m_db;
};

// A write transaction that starts with BEGIN IMMEDIATE, so two writers queue at the start instead
// of failing half-way; rolled back unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db)
        : m_tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE) {}
    void commit() { m_tx.commit(); }

private:
    SQLite::Transaction m_tx;
};

// The current time as ISO 8601 UTC with seconds: 2026-11-22T21:40:00Z.
std::string utc_now();

} // namespace kennis
