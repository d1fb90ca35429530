#include "kennis/title.hpp"

#include <gtest/gtest.h>

using namespace kennis;

TEST(TitleKey, FoldsCaseAccentsAndPunctuation) {
    EXPECT_EQ(title_key("De route van school naar werk én verder"), "de route van school naar werk en verder");
    EXPECT_EQ(title_key("Rapportage ‘Passend Onderwijs zonder thuiszitters’"),
              "rapportage passend onderwijs zonder thuiszitters");
    EXPECT_EQ(title_key("  Coördinatie -- van  (V)SO!  "), "coordinatie van v so");
}

TEST(TitleKey, DropsTheDownloadLabel) {
    EXPECT_EQ(title_key("Download de handreiking Focus op onderwijstraject"), "handreiking focus op onderwijstraject");
    EXPECT_EQ(title_key("Download het rapport X"), "rapport x");
    EXPECT_EQ(title_key("Download Schoolverzuim en de Leerplichtwet"), "schoolverzuim en de leerplichtwet");
    EXPECT_EQ(title_key("Download"), "download");
    EXPECT_EQ(title_key("Downloaden van formulieren"), "downloaden van formulieren");
}

TEST(TitleKey, UsesCompatibilityForms) {
    EXPECT_EQ(title_key("ﬁnanciën Ⅱ"), title_key("financien II"));
    EXPECT_EQ(title_key("e\xCC\x81\xC3\xA9n"), "een"); // NFD and NFC forms fold the same
}

TEST(TitleKey, SurvivesInvalidUtf8) {
    EXPECT_EQ(title_key("abc\xFF" "def"), "abc def");
}

TEST(DisplayTitle, DropsTheDownloadLabelAndCapitalizes) {
    EXPECT_EQ(display_title("Download de handreiking Snel terug naar school is veel beter"),
              "Handreiking Snel terug naar school is veel beter");
    EXPECT_EQ(display_title("Download Schoolverzuim en de Leerplichtwet"), "Schoolverzuim en de Leerplichtwet");
    EXPECT_EQ(display_title("De Handreiking onderwijs, zorg en de Leerplichtwet"),
              "De Handreiking onderwijs, zorg en de Leerplichtwet");
    EXPECT_EQ(display_title("  We   missen\tje! "), "We missen je!");
    EXPECT_EQ(display_title("Download"), "Download");
}

TEST(Slug, IsReadableAsciiAndBounded) {
    EXPECT_EQ(slugify("VO Handboek Leerplicht versie augustus 2020"), "vo-handboek-leerplicht-versie-augustus-2020");
    EXPECT_EQ(slugify("(V)SO Handboek Leerplicht versie augustus 2020"),
              "v-so-handboek-leerplicht-versie-augustus-2020");
    EXPECT_EQ(slugify("De route van school naar werk én verder"), "de-route-van-school-naar-werk-en-verder");
    EXPECT_EQ(slugify("Download de integrale aanpak volgens M@ZL"), "integrale-aanpak-volgens-m-zl");
    EXPECT_EQ(slugify("🙂 ✓"), "document");
    const std::string long_slug = slugify(std::string(300, 'a') + " b");
    EXPECT_LE(long_slug.size(), 60u);
    EXPECT_EQ(slugify("Reactie internetconsultatie besluit regionale meld-en coördinatiefunctie voortijdig"),
              "reactie-internetconsultatie-besluit-regionale-meld-en");
}

TEST(Similarity, RanksNearTitlesAboveOthers) {
    const double near = title_similarity("Handreiking aanwezigheidsregistratie",
                                         "Handreiking aanwezigheidsregistratie - Ingrado, november 2020");
    const double far = title_similarity("Handreiking aanwezigheidsregistratie", "RMC manifest");
    EXPECT_GT(near, 0.5);
    EXPECT_LT(far, 0.1);
    EXPECT_DOUBLE_EQ(title_similarity("Één", "een"), 1.0);
}

TEST(TitleKey, IsItsOwnKeyEvenWithTheLabelTwice) {
    EXPECT_EQ(title_key("Download Download de Handreiking"), "handreiking");
    EXPECT_EQ(title_key(title_key("Download Download de Handreiking")), "handreiking");
    EXPECT_EQ(title_key("Download"), "download");
}
