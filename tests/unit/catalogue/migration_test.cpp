#include "catalogue/database.hpp"
#include "search/dutch_tokenizer.hpp"
#include "library/embedded.hpp"
#include "library/parts.hpp"
#include "kennis/error.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

using namespace kennis;

namespace {

// A catalogue stopped at schema `version`, as an older kennis would have left it.
void make_old_catalogue(const std::filesystem::path& file, int version) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    register_dutch_tokenizer(db.getHandle()); // the search index (schema 6) is made with it
    for (const auto& m : embedded::migrations())
        if (m.version <= version) {
            db.exec(std::string(m.sql));
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
        }
    db.exec("INSERT INTO documents (slug, title, title_key, first_seen, last_seen) "
            "VALUES ('oud', 'Oud document', 'oud document', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')");
}

} // namespace

TEST(Migrations, AreNumberedInOrderWithoutGaps) {
    const auto& all = embedded::migrations();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i)
        EXPECT_EQ(all[i].version, static_cast<int>(i + 1)) << all[i].name;
}

TEST(Migrations, AnEmptyFileBecomesTheNewestSchema) {
    test::TempDir dir;
    Database db(dir.path() / "catalogue.db", database_hooks());
    EXPECT_EQ(db.schema_version(), Database::latest_version());
    EXPECT_EQ(db.sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(db.sql().execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(Migrations, EveryOlderSchemaIsBroughtUpKeepingItsData) {
    for (int from = 1; from < Database::latest_version(); ++from) {
        test::TempDir dir;
        make_old_catalogue(dir.path() / "catalogue.db", from);
        Database db(dir.path() / "catalogue.db", database_hooks());
        EXPECT_EQ(db.schema_version(), Database::latest_version()) << "from " << from;
        EXPECT_EQ(db.sql().execAndGet("SELECT title FROM documents WHERE slug = 'oud'").getString(), "Oud document");
        EXPECT_EQ(db.sql().execAndGet("SELECT series_key FROM documents WHERE slug = 'oud'").getString(), "oud document")
            << "from " << from;
        SQLite::Statement fk(db.sql(), "PRAGMA foreign_key_check");
        EXPECT_FALSE(fk.executeStep()) << "from " << from;
        EXPECT_TRUE(db.sql().tableExists("redirects"));
    }
}

TEST(Migrations, StepByStepEqualsAllAtOnce) {
    test::TempDir dir;
    Database stepwise(dir.path() / "a.db", database_hooks());
    Database direct(dir.path() / "b.db", database_hooks());
    const auto schema = [](Database& db) {
        std::string all;
        SQLite::Statement q(db.sql(), "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
        while (q.executeStep())
            all += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " + q.getColumn(2).getString() + "\n";
        return all;
    };
    EXPECT_EQ(schema(stepwise), schema(direct));
}

TEST(Migrations, ANewerCatalogueIsRefused) {
    test::TempDir dir;
    const auto file = dir.path() / "catalogue.db";
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 999");
    }
    try {
        Database db(file, database_hooks());
        FAIL() << "a newer catalogue was opened";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::failure);
        EXPECT_NE(std::string(e.what()).find("schema version 999, newer than this kennis"), std::string::npos)
            << e.what();
    }
    SQLite::Database check(file.string());
    EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), 999);
}
