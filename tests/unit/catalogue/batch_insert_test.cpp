#include "catalogue/batch_insert.hpp"
#include "catalogue/database.hpp"
#include "library/parts.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

using namespace kennis;

namespace {

struct BatchInsertTest : ::testing::Test {
    test::TempDir dir;
    Database db{dir.path() / "catalogue.db", database_hooks()};

    BatchInsertTest() {
        db.sql().exec("CREATE TABLE parents (id INTEGER PRIMARY KEY);"
                      "CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parents (id), "
                      "name TEXT, note TEXT)");
    }

    std::int64_t count(const char* table) {
        return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
    }
};

} // namespace

TEST_F(BatchInsertTest, RowsArriveInTheOrderAddedWithTheirNulls) {
    BatchInsert parents(db, "parents (id)", 1);
    BatchInsert children(db, "children (parent, name, note)", 3);
    for (std::int64_t i = 1; i <= 250; ++i) {
        parents.add(i);
        children.add(i, "kind " + std::to_string(i), i % 2 ? std::optional<std::string>("oneven") : std::nullopt);
    }
    parents.flush();
    children.flush();
    EXPECT_EQ(count("children"), 250);
    SQLite::Statement q(db.sql(), "SELECT id, parent, name, note FROM children ORDER BY id");
    for (std::int64_t i = 1; q.executeStep(); ++i) {
        EXPECT_EQ(q.getColumn(1).getInt64(), i);
        EXPECT_EQ(q.getColumn(2).getString(), "kind " + std::to_string(i));
        EXPECT_EQ(q.getColumn(3).isNull(), i % 2 == 0);
    }
}

TEST_F(BatchInsertTest, RowsNotFlushedAreNotWritten) {
    {
        BatchInsert parents(db, "parents (id)", 1);
        for (std::int64_t i = 1; i <= 130; ++i)
            parents.add(i);
    }
    EXPECT_EQ(count("parents"), 100); // the full hundred went; the thirty waiting went with the batch
}

TEST_F(BatchInsertTest, AChildMayComeBeforeItsParentWhileChecksAreDeferredButABrokenOneFailsTheCommit) {
    db.sql().exec("PRAGMA foreign_keys = ON");
    {
        WriteTransaction tx(db);
        defer_foreign_keys(db);
        BatchInsert children(db, "children (parent, name, note)", 3);
        children.add(std::int64_t{7}, "eerst", std::nullopt);
        children.flush();
        BatchInsert parents(db, "parents (id)", 1);
        parents.add(std::int64_t{7});
        parents.flush();
        tx.commit();
    }
    EXPECT_EQ(count("children"), 1);

    WriteTransaction tx(db);
    defer_foreign_keys(db);
    BatchInsert children(db, "children (parent, name, note)", 3);
    children.add(std::int64_t{8}, "wees", std::nullopt);
    children.flush();
    EXPECT_THROW(tx.commit(), SQLite::Exception);
}

TEST_F(BatchInsertTest, ARowOfTheWrongLengthIsRefused) {
    BatchInsert children(db, "children (parent, name, note)", 3);
    EXPECT_THROW(children.add(std::int64_t{1}, "te kort"), std::logic_error);
}
