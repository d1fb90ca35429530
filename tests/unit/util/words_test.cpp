#include "util/words.hpp"

#include <gtest/gtest.h>

using namespace kennis;

TEST(Words, WordsAreTheRunsOfLettersAndDigits) {
    EXPECT_EQ(split_words("Verzuim 18-, (V)SO en coördinatie!"),
              (std::vector<std::string>{"Verzuim", "18", "V", "SO", "en", "coördinatie"}));
    EXPECT_TRUE(split_words(" -- ").empty());
}

TEST(Words, SplitKeepsEmptyPieces) {
    EXPECT_EQ(split("regio/zaanstad", '/'), (std::vector<std::string_view>{"regio", "zaanstad"}));
    EXPECT_EQ(split("", '/'), (std::vector<std::string_view>{""}));
    EXPECT_EQ(split("a//b", '/'), (std::vector<std::string_view>{"a", "", "b"}));
}

TEST(Words, DoubleQuotedDoublesTheQuotesInside) {
    EXPECT_EQ(double_quoted("gewoon"), "\"gewoon\"");
    EXPECT_EQ(double_quoted("een \"citaat\""), "\"een \"\"citaat\"\"\"");
}

TEST(Words, CollapseSpacesTrimsAndJoinsEveryKindOfSpace) {
    EXPECT_EQ(collapse_spaces("  Handboek\t\tLeerplicht\n\xc2\xa0versie  2020 "), "Handboek Leerplicht versie 2020");
    EXPECT_EQ(collapse_spaces(" \n "), "");
}
