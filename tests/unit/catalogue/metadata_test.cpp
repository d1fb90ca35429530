#include "kennis/metadata.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <set>
#include <sstream>

using namespace kennis;

namespace {

std::optional<std::string> field(const std::string& s) {
    return s == "-" ? std::nullopt : std::optional<std::string>(s);
}

struct Expected {
    std::string title;
    TitleMetadata meta;
};

std::vector<Expected> seed_expectations() {
    std::vector<Expected> out;
    for (const auto& cols : test::read_tsv(test::source_dir() / "tests/unit/data/seed_title_metadata.tsv")) {
        EXPECT_EQ(cols.size(), 6u) << cols.front();
        if (cols.size() == 6)
            out.push_back({cols[0], {field(cols[1]), field(cols[2]), field(cols[3]), field(cols[4]), field(cols[5])}});
    }
    return out;
}

std::string show(const TitleMetadata& m) {
    const auto f = [](const std::optional<std::string>& s) { return s.value_or("-"); };
    return f(m.type) + " | " + f(m.publisher) + " | " + f(m.date) + " | " + f(m.period) + " | " + f(m.level);
}

} // namespace

TEST(TitleMetadata, EverySeedTitleGivesWhatAReaderReadsInIt) {
    const auto expected = seed_expectations();
    ASSERT_EQ(expected.size(), 123u);
    for (const auto& e : expected)
        EXPECT_EQ(show(parse_title_metadata(e.title)), show(e.meta)) << e.title;
}

TEST(TitleMetadata, TheTableCoversEveryTitleOfTheShippedSnapshot) {
    std::set<std::string> covered;
    for (const auto& e : seed_expectations())
        covered.insert(e.title);
    std::set<std::string> titles;
    for (const auto& cols : test::read_tsv(test::source_dir() / "catalog/downloadcentrum.tsv"))
        titles.insert(cols.at(1));
    EXPECT_EQ(titles, covered);
}

TEST(TitleMetadata, DatesTakeTheMostPreciseAndValidForm) {
    EXPECT_EQ(parse_title_metadata("Besluit van 31-02-2020").date, "2020"); // no 31 February
    EXPECT_EQ(parse_title_metadata("Besluit 29 feb 2024").date, "2024-02-29");
    EXPECT_EQ(parse_title_metadata("Besluit 29 feb 2023").date, "2023-02"); // no such day; the month stands
    EXPECT_EQ(parse_title_metadata("Notitie sept 2019").date, "2019-09");
    EXPECT_EQ(parse_title_metadata("Telling 2019/2020").period, "2019-2020");
    EXPECT_EQ(parse_title_metadata("Telling 2019-2035").period, std::nullopt); // too long to be a school year span
    EXPECT_EQ(parse_title_metadata("Wet van 1969, bijgewerkt april 2020").date, "2020-04");
    EXPECT_EQ(parse_title_metadata("Nummer 12345").date, std::nullopt);
    EXPECT_EQ(parse_title_metadata("").date, std::nullopt);
}

TEST(TitleMetadata, UnknownStaysEmpty) {
    const auto m = parse_title_metadata("We missen je!");
    EXPECT_EQ(m, TitleMetadata{});
    EXPECT_EQ(parse_title_metadata("Vergadering - Gemeenteraad").publisher, std::nullopt);
    EXPECT_EQ(parse_title_metadata("Folder - Gemeente Zaanstad, mei 2020").publisher, "Gemeente Zaanstad");
}

TEST(TitleMetadata, LevelsAreListedOnceInSchoolOrder) {
    EXPECT_EQ(parse_title_metadata("MBO en VO en po en (V)SO").level, "PO,VO,(V)SO,MBO");
    EXPECT_EQ(parse_title_metadata("vo vo VO").level, "VO");
    EXPECT_EQ(parse_title_metadata("Speciaal onderwijs in beeld").level, "(V)SO");
}
