#include "kennis/error.hpp"
#include "kennis/snapshot.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <set>

using namespace kennis;

namespace {

std::string snapshot_error(const std::string& text) {
    try {
        parse_snapshot(text, "x.tsv", "fallback");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(Snapshot, BuiltInHoldsTheWholeSeedListing) {
    const Listing l = builtin_snapshot();
    EXPECT_EQ(l.source, "https://ingrado.nl/kennisbank");
    EXPECT_EQ(l.captured, "2026-11-22");
    ASSERT_EQ(l.entries.size(), 230u);
    EXPECT_EQ(l.entries.front(), (ListingEntry{"Verzuim 18-", "Download de handreiking Snel terug naar school is veel beter", {}}));
    EXPECT_EQ(l.entries.back().title, "Kamerbrief ‘Extra kansen voor jongeren in een kwetsbare positie, 2014’");
    std::vector<std::string> themes;
    for (const auto& e : l.entries)
        if (themes.empty() || themes.back() != e.theme)
            themes.push_back(e.theme);
    EXPECT_EQ(themes, (std::vector<std::string>{"Verzuim 18-", "Verzuim 18+", "Thuiszitters", "Voortijdig schoolverlaten",
                                                "Jongeren 16-27"}));
}

// The shipped snapshot must say exactly what the seed page says, entry for entry.
TEST(Snapshot, BuiltInMatchesTheSeedPageText) {
    const std::filesystem::path seed = KENNIS_SEED_LISTING;
    if (!std::filesystem::exists(seed))
        GTEST_SKIP() << "seed page text not found at " << seed;
    std::istringstream in(test::read_file(seed));
    std::vector<ListingEntry> expected;
    std::string theme;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line == "Downloadcentrum")
            inside = true;
        else if (line == "Vraag en antwoord")
            inside = false;
        else if (inside && line.starts_with(" \u2022 ")) {
            std::string title = line.substr(5);
            const std::string label = " + download";
            ASSERT_TRUE(title.ends_with(label)) << line;
            expected.push_back({theme, title.substr(0, title.size() - label.size()), {}});
        } else if (inside && !line.empty()) {
            theme = line;
        }
    }
    EXPECT_EQ(builtin_snapshot().entries, expected);
}

TEST(Snapshot, ReadsUrlsCommentsBlankLinesAndCrLf) {
    const Listing l = parse_snapshot("#kennis-snapshot 1\r\n# a comment\r\n\r\nA\tTitle one\thttps://x.nl/a.pdf\r\n"
                                     "B\t  Title   two \t\r\n",
                                     "x.tsv", "/abs/x.tsv");
    EXPECT_EQ(l.source, "/abs/x.tsv");
    ASSERT_EQ(l.entries.size(), 2u);
    EXPECT_EQ(l.entries[0], (ListingEntry{"A", "Title one", "https://x.nl/a.pdf"}));
    EXPECT_EQ(l.entries[1], (ListingEntry{"B", "Title two", {}}));
}

TEST(Snapshot, ErrorsNameTheFileTheLineAndTheProblem) {
    EXPECT_EQ(snapshot_error(""), "x.tsv:0: the file is empty; a snapshot starts with '#kennis-snapshot 1'");
    EXPECT_EQ(snapshot_error("hello\n"), "x.tsv:1: not a kennis snapshot: the first line must be '#kennis-snapshot 1'");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 7\nA\tB\n"), "x.tsv:1: snapshot format 7 is newer than this kennis reads (1)");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\nA\tB\njust a title\n"),
              "x.tsv:3: expected THEME<tab>TITLE[<tab>URL], found 1 field");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\nA\tB\tC\tD\n"), "x.tsv:2: expected THEME<tab>TITLE[<tab>URL], found 4 fields");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\n\tB\n"), "x.tsv:2: the theme is empty");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\nA\t \n"), "x.tsv:2: the title is empty");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\nA\tB\tfile:///etc/passwd\n"),
              "x.tsv:2: 'file:///etc/passwd' is not an http:// or https:// URL");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\nA\tB\xff\n"), "x.tsv:2: the line is not valid UTF-8");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\nA\tB\x01\n"), "x.tsv:2: the line contains a control character");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\n# captured: yesterday\nA\tB\n"),
              "x.tsv:2: '# captured:' must be a date like 2026-11-22, not 'yesterday'");
    EXPECT_EQ(snapshot_error("#kennis-snapshot 1\n# only comments\n"), "x.tsv: the snapshot has no entries");
}
