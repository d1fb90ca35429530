#include "util/csv.hpp"

#include <gtest/gtest.h>

using namespace kennis;

TEST(Csv, OnlyFieldsThatNeedItAreQuoted) {
    EXPECT_EQ(csv_field("Handboek Leerplicht"), "Handboek Leerplicht");
    EXPECT_EQ(csv_field("Verzuim 18-, Thuiszitters"), "\"Verzuim 18-, Thuiszitters\"");
    EXPECT_EQ(csv_field("de \"Kennisbank\""), "\"de \"\"Kennisbank\"\"\"");
    EXPECT_EQ(csv_field("twee\nregels"), "\"twee\nregels\"");
    EXPECT_EQ(csv_field(""), "");
}

TEST(Csv, AppendingGivesTheSameFields) {
    std::string line = "id,";
    append_csv_field(line, "a,b");
    EXPECT_EQ(line, "id,\"a,b\"");
}
