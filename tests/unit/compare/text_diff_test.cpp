#include "compare/text_diff.hpp"

#include <gtest/gtest.h>

using namespace kennis;

namespace {

// Lines on pages: each string is a page, its lines split at '\n'.
std::vector<TextLine> lines(const std::vector<std::string>& pages) {
    std::vector<TextLine> out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::size_t from = 0;
        for (std::size_t nl; from <= pages[p].size(); from = nl + 1) {
            nl = std::min(pages[p].find('\n', from), pages[p].size());
            TextLine l;
            l.text = pages[p].substr(from, nl - from);
            l.key = l.text;
            l.words = 1;
            l.page = static_cast<int>(p + 1);
            out.push_back(l);
        }
    }
    return out;
}

} // namespace

TEST(TextDiffTest, IdenticalTextsHaveNoChanges) {
    const auto d = diff_lines(lines({"a\nb", "c"}), lines({"a\nb", "c"}));
    EXPECT_TRUE(d.blocks.empty());
    EXPECT_EQ(d.changed, 0);
}

TEST(TextDiffTest, RunsAreAddedRemovedOrChangedWithThePagesTheyStandOn) {
    const auto d = diff_lines(lines({"a\nb\nc", "d\ne", "g"}), lines({"a\nc", "d\nX\nY", "g\nf"}));
    ASSERT_EQ(d.blocks.size(), 3u);
    EXPECT_EQ(d.blocks[0].kind, DiffBlock::Kind::removed);
    EXPECT_EQ(d.blocks[0].removed, std::vector<std::string>{"b"});
    EXPECT_EQ(d.blocks[0].old_page, 1);
    EXPECT_EQ(d.blocks[0].new_page, 1) << "where it would have stood";
    EXPECT_EQ(d.blocks[1].kind, DiffBlock::Kind::changed);
    EXPECT_EQ(d.blocks[1].removed, std::vector<std::string>{"e"});
    EXPECT_EQ(d.blocks[1].added, (std::vector<std::string>{"X", "Y"}));
    EXPECT_EQ(d.blocks[1].old_page, 2);
    EXPECT_EQ(d.blocks[1].new_page, 2);
    EXPECT_EQ(d.blocks[2].kind, DiffBlock::Kind::added);
    EXPECT_EQ(d.blocks[2].added, std::vector<std::string>{"f"});
    EXPECT_EQ(d.blocks[2].new_page, 3);
    EXPECT_DOUBLE_EQ(d.changed, 5.0 / 13.0) << "b, e, X, Y and f of 6 + 7 lines of a word";
}

TEST(TextDiffTest, AnythingAgainstNothingIsOneRun) {
    const auto d = diff_lines({}, lines({"a\nb"}));
    ASSERT_EQ(d.blocks.size(), 1u);
    EXPECT_EQ(d.blocks[0].kind, DiffBlock::Kind::added);
    EXPECT_EQ(d.blocks[0].old_page, 1);
    EXPECT_EQ(d.changed, 1);
}
