#include "util/unicode.hpp"

#include <gtest/gtest.h>

using namespace kennis;

TEST(Unicode, FoldMakesOneKeyOfCaseAccentsAndCompatibilityForms) {
    EXPECT_EQ(unicode::fold("Coördinatie"), "coordinatie");
    EXPECT_EQ(unicode::fold("ÉÉN Schoolverlaters"), "een schoolverlaters");
    EXPECT_EQ(unicode::fold("ﬁnanciering"), "financiering"); // the ligature, by NFKC
    EXPECT_EQ(unicode::fold("Straße"), "strasse");
}

TEST(Unicode, FoldIntoReusesItsBufferAndAgreesWithFold) {
    std::string out = "left over from before";
    for (std::string_view text : {"Handreiking", "Coördinatie", ""}) {
        unicode::fold_into(out, text);
        EXPECT_EQ(out, unicode::fold(text));
    }
}

TEST(Unicode, CasefoldKeepsTheAccentsThatFoldRemoves) {
    EXPECT_EQ(unicode::casefold("Regio/Zaanstad"), "regio/zaanstad");
    EXPECT_EQ(unicode::casefold("Coördinatie"), "coördinatie");
}

TEST(Unicode, NfcComposesWhatArrivesDecomposed) {
    EXPECT_EQ(unicode::nfc("Coo\xcc\x88rdinatie"), "Coördinatie");
}

TEST(Unicode, InvalidBytesBecomeReplacementCharacters) {
    const std::string broken = "Rapport \xff\xfe kapot \xc3";
    EXPECT_FALSE(unicode::is_valid_utf8(broken));
    const std::string clean = unicode::sanitize(broken);
    EXPECT_TRUE(unicode::is_valid_utf8(clean));
    EXPECT_EQ(clean, "Rapport \xef\xbf\xbd\xef\xbf\xbd kapot \xef\xbf\xbd");
    EXPECT_EQ(unicode::sanitize("al goed"), "al goed");
}

TEST(Unicode, CodePointsDecodeAppendAndCount) {
    const std::string text = "a€𝄞";
    std::size_t pos = 0;
    EXPECT_EQ(unicode::next(text, pos), U'a');
    EXPECT_EQ(unicode::next(text, pos), U'€');
    EXPECT_EQ(unicode::next(text, pos), U'𝄞');
    EXPECT_EQ(pos, text.size());
    std::string built;
    for (char32_t cp : {U'a', U'€', U'𝄞'})
        unicode::append(built, cp);
    EXPECT_EQ(built, text);
    EXPECT_EQ(unicode::length(text), 3u);
    EXPECT_TRUE(unicode::is_alnum(U'ë'));
    EXPECT_FALSE(unicode::is_alnum(U'-'));
}
