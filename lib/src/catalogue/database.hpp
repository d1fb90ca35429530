#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <initializer_list>
#include <unordered_map>
#include <vector>

namespace kennis {

class Database;

// What one part of kennis needs of every catalogue connection, registered by that part (the list
// is library/parts.cpp): `on_open` before the schema is migrated (functions and tokenizers the
// schema names), `on_current` once it is at the newest version (data the part keeps up to date).
struct DatabaseHooks {
    void (*on_open)(SQLite::Database&) = nullptr;
    void (*on_current)(Database&) = nullptr;
};

// The one owner of the catalogue connection: WAL, foreign keys, a busy timeout, and the schema
// brought to the newest version on open. Used by one thread at a time (SQLite's multi-thread
// mode): the connection takes no lock of its own for each call, which a large read makes
// hundreds of thousands of.
class Database {
public:
    Database(const std::filesystem::path& file, std::span<const DatabaseHooks> hooks);

    SQLite::Database& sql() { return m_db; }
    const std::filesystem::path& file() const { return m_file; }

    int schema_version();
    static int latest_version();

    // Applies the migrations after the current version up to `target` (default: all), each in
    // its own transaction. Refuses a database newer than this program.
    void migrate(std::optional<int> target = std::nullopt);

    class Prepared;
    // The statement for `sql`, prepared once for this connection and kept for the next caller:
    // a search runs eight statements, and preparing them anew was a quarter of its time.
    // The lease resets the statement and clears its bindings when it ends; a statement still
    // leased (the same query nested in itself) is prepared again.
    Prepared prepare(const std::string& sql);

private:
    std::filesystem::path m_file;
    SQLite::Database m_db;
    // After m_db: statements are finalised before the connection closes.
    std::unordered_multimap<std::string, std::unique_ptr<SQLite::Statement>> m_prepared;
};

class Database::Prepared {
public:
    Prepared(Database& db, std::string sql, std::unique_ptr<SQLite::Statement> statement)
        : m_db(&db), m_sql(std::move(sql)), m_statement(std::move(statement)) {}
    Prepared(Prepared&&) noexcept = default;
    Prepared& operator=(Prepared&&) = delete;
    ~Prepared();

    SQLite::Statement& operator*() { return *m_statement; }
    SQLite::Statement* operator->() { return m_statement.get(); }

private:
    Database* m_db;
    std::string m_sql;
    std::unique_ptr<SQLite::Statement> m_statement;
};

// One read transaction for a command's reads: they see one state of the catalogue (a hit's
// document cannot go between the query and the reading of its rows), and the connection takes
// its read lock once rather than for each statement. Nothing is written in it. Inside a
// transaction already open (an export --query searches inside the export's snapshot) it is that
// transaction.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db);

private:
    std::optional<SQLite::Transaction> m_tx; // rolled back at the end: it changed nothing
};

// A page cache that holds every page a large write changes, while it lives (it is made before
// the write transaction and goes after its commit). With SQLite's 2 MB, a sync of 100 000 entries
// in no particular order wrote index pages to the log, read them back and wrote them again: 7-9 s
// instead of 5-6. The cache takes memory only as pages are changed.
class LargeWriteCache {
public:
    explicit LargeWriteCache(Database& db);
    ~LargeWriteCache();
    LargeWriteCache(const LargeWriteCache&) = delete;
    LargeWriteCache& operator=(const LargeWriteCache&) = delete;

private:
    Database& m_db;
    std::int64_t m_before;
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

// For a loop that inserts many rows: the triggers that give the catalogue stamp a new value on
// every row inserted into `tables` (migration 010) are left out while it runs, and the stamp
// changes once instead, when the loop says it inserted something. Made inside the caller's write
// transaction, so that no other connection ever sees the triggers missing, and a rollback brings
// them back with everything else. A write of 100 000 documents spent a third of its time in them.
class StampOnceForInserts {
public:
    StampOnceForInserts(Database& db, std::initializer_list<std::string_view> tables);
    ~StampOnceForInserts(); // on an error: puts the triggers back, as far as it can
    StampOnceForInserts(const StampOnceForInserts&) = delete;
    StampOnceForInserts& operator=(const StampOnceForInserts&) = delete;

    void inserted() { m_inserted = true; }
    // Puts the triggers back, and gives the stamp a new value if a row was inserted.
    void finish();

private:
    Database& m_db;
    std::vector<std::string> m_triggers; // their CREATE statements
    bool m_inserted = false;
    bool m_finished = false;
};

// This library's own name, 32 hex digits made at random when its catalogue was created.
std::string library_id(Database& db);

// The current time as ISO 8601 UTC with seconds: 2026-11-22T21:40:00Z.
std::string utc_now();

} // namespace kennis
