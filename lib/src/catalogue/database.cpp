#include "catalogue/database.hpp"

#include "library/embedded.hpp"
#include "kennis/error.hpp"

#include <chrono>
#include <ctime>
#include <sqlite3.h>
#include <thread>
#include <fmt/format.h>

namespace kennis {
namespace {

constexpr int busy_timeout_ms = 15000;
constexpr int large_write_cache_kib = 512 * 1024;

// SQLite counts every allocation it makes under a global mutex unless told before its first use
// not to; kennis never asks for the count, and a large sync makes millions of allocations.
[[maybe_unused]] const int sqlite_memory_counting_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

// Turning a new file to WAL needs a moment alone with it, and SQLite does not always call the busy
// handler while another connection is migrating the same new file; so wait here, as long as the
// busy timeout would.
void enable_wal(SQLite::Database& db) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline)
                throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace

Database::Database(const std::filesystem::path& file, std::span<const DatabaseHooks> hooks)
    : m_file(file), m_db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, busy_timeout_ms) {
    m_db.exec("PRAGMA foreign_keys = ON");
    enable_wal(m_db);
    m_db.exec("PRAGMA synchronous = NORMAL");
    // Statement journals and sorting in memory: in a file, each of a large sync's statements
    // writes its undo pages there one small write at a time (millions for 100 000 entries).
    m_db.exec("PRAGMA temp_store = MEMORY");
    // The first gigabyte read through memory rather than a system call for each page: an export
    // of ten thousand documents read 5 000 pages for the share's search index, a tenth of its time.
    m_db.exec("PRAGMA mmap_size = 1073741824");
    for (const auto& h : hooks)
        if (h.on_open)
            h.on_open(m_db);
    migrate();
    if (schema_version() == latest_version())
        for (const auto& h : hooks)
            if (h.on_current)
                h.on_current(*this);
}

int Database::schema_version() { return m_db.execAndGet("PRAGMA user_version").getInt(); }

int Database::latest_version() {
    const auto& all = embedded::migrations();
    return all.empty() ? 0 : all.back().version;
}

void Database::migrate(std::optional<int> target) {
    const int want = target.value_or(latest_version());
    if (schema_version() > latest_version())
        throw Error(ExitCode::failure,
                    fmt::format("{} has schema version {}, newer than this kennis understands ({})", m_file.string(),
                                schema_version(), latest_version()),
                    "a newer kennis wrote this catalogue; use that version or a later one");
    for (const auto& m : embedded::migrations()) {
        if (m.version > want || m.version <= schema_version())
            continue;
        SQLite::Transaction tx(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        if (schema_version() >= m.version) // another process migrated while we waited
            continue;
        m_db.exec(std::string(m.sql));
        m_db.exec(fmt::format("PRAGMA user_version = {}", m.version));
        tx.commit();
    }
}

Database::Prepared Database::prepare(const std::string& sql) {
    if (const auto kept = m_prepared.find(sql); kept != m_prepared.end()) {
        auto statement = std::move(kept->second);
        m_prepared.erase(kept);
        return Prepared(*this, sql, std::move(statement));
    }
    return Prepared(*this, sql, std::make_unique<SQLite::Statement>(m_db, sql));
}

Database::Prepared::~Prepared() {
    if (!m_statement)
        return;
    try {
        m_statement->reset();
        m_statement->clearBindings();
        m_db->m_prepared.emplace(std::move(m_sql), std::move(m_statement));
    } catch (const std::exception&) { // a statement that cannot be reset is not kept
    }
}

ReadSnapshot::ReadSnapshot(Database& db) {
    if (sqlite3_get_autocommit(db.sql().getHandle()) != 0)
        m_tx.emplace(db.sql(), SQLite::TransactionBehavior::DEFERRED);
}

LargeWriteCache::LargeWriteCache(Database& db)
    : m_db(db), m_before(db.sql().execAndGet("PRAGMA cache_size").getInt64()) {
    m_db.sql().exec(fmt::format("PRAGMA cache_size = -{}", large_write_cache_kib));
}

LargeWriteCache::~LargeWriteCache() {
    try {
        m_db.sql().exec(fmt::format("PRAGMA cache_size = {}", m_before));
    } catch (const SQLite::Exception&) { // the connection keeps the larger cache until it closes
    }
}

StampOnceForInserts::StampOnceForInserts(Database& db, std::initializer_list<std::string_view> tables) : m_db(db) {
    SQLite::Statement q(db.sql(), "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                                  "AND sql LIKE '%AFTER INSERT ON%catalogue_stamp%'");
    std::vector<std::string> names;
    for (const auto table : tables) {
        q.bind(1, std::string(table));
        while (q.executeStep()) {
            names.push_back(q.getColumn(0).getString());
            m_triggers.push_back(q.getColumn(1).getString());
        }
        q.reset();
    }
    for (const auto& name : names)
        db.sql().exec(fmt::format("DROP TRIGGER \"{}\"", name));
}

void StampOnceForInserts::finish() {
    m_finished = true;
    for (const auto& sql : m_triggers)
        m_db.sql().exec(sql);
    if (m_inserted)
        m_db.sql().exec("UPDATE catalogue_stamp SET value = random()");
}

StampOnceForInserts::~StampOnceForInserts() {
    if (m_finished)
        return;
    // Unwinding from an error: the transaction rolls back, which restores them anyway.
    for (const auto& sql : m_triggers)
        m_db.sql().tryExec(sql);
}

std::string library_id(Database& db) {
    return db.sql().execAndGet("SELECT value FROM meta WHERE key = 'library_id'").getString();
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace kennis
