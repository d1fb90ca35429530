#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/metadata.hpp"
#include "kennis/sync.hpp"

#include <set>

using namespace kennis;

namespace {

class EditionsTest : public test::CatalogueTest {
protected:
    void apply(std::vector<ListingEntry> entries) {
        apply_listings(library(), {Listing{"https://example.test/page", "snapshot", std::nullopt, std::move(entries)}},
                       true);
    }
    std::set<std::string> titles(Filter filter) {
        std::set<std::string> out;
        for (const auto& d : list_documents(library(), filter))
            out.insert(d.title);
        return out;
    }
    const std::vector<ListingEntry> handbooks{
        {"Leerplicht", "VO Handboek Leerplicht versie augustus 2020", "https://x.test/vo-2020.pdf"},
        {"Leerplicht", "VO Handboek Leerplicht versie augustus 2024", "https://x.test/vo-2024.pdf"},
        {"Leerplicht", "VO Handboek Leerplicht versie 2022", "https://x.test/vo-2022.pdf"},
        {"Leerplicht", "PO Handboek Leerplicht versie augustus 2020", "https://x.test/po-2020.pdf"},
        {"Leerplicht", "Checklist aanwezigheidsbeleid", "https://x.test/checklist.pdf"},
        {"Leerplicht", "Checklist aanwezigheidsbeleid - Ingrado, november 2020", "https://x.test/checklist-2020.pdf"},
    };
};

} // namespace

TEST(SeriesKey, DropsDatesAndVersionWordsOnly) {
    EXPECT_EQ(series_key("VO Handboek Leerplicht versie augustus 2020"), "vo handboek leerplicht");
    EXPECT_EQ(series_key("VO Handboek Leerplicht versie augustus 2020"),
              series_key("VO Handboek Leerplicht, versie aug. 2024"));
    EXPECT_EQ(series_key("Uitspraak Rechtbank Overijssel van 16-07-2014 over schorsing"),
              "uitspraak rechtbank overijssel van over schorsing");
    EXPECT_EQ(series_key("Jaarverslag RBL Holland Rijnland 2018-2019"), "jaarverslag rbl holland rijnland");
    EXPECT_NE(series_key("PO Handboek Leerplicht versie augustus 2020"),
              series_key("VO Handboek Leerplicht versie augustus 2020"));
    EXPECT_EQ(series_key("Download de 2e editie"), "2e");
    EXPECT_EQ(series_key("april 2020"), "");
}

TEST(SeriesNumbers, AreTheNumbersOutsideDatesAndCopyMarks) {
    EXPECT_EQ(series_numbers("Modelbrief 2 - tweede oproep, 14 jan 2021"), "2");
    EXPECT_EQ(series_numbers("Verzuim 18- deel 03"), "18 3");
    EXPECT_EQ(series_numbers("Handboek Leerplicht versie 3"), "3");
    EXPECT_EQ(series_numbers("VO Handboek Leerplicht versie augustus 2020"), "");
    EXPECT_EQ(series_numbers("Uitspraak van 16-07-2014"), "");
    EXPECT_EQ(series_numbers("Jaarverslag 2018-2019"), "");
    EXPECT_EQ(series_numbers("Stappenplan (2)"), "");
    EXPECT_EQ(series_numbers("Download de 2e editie"), "");
}

TEST_F(EditionsTest, ShowNamesTheNewerEditionsNewestFirst) {
    apply(handbooks);
    const Document old = find_document(library(), "VO Handboek Leerplicht versie augustus 2020");
    ASSERT_EQ(old.editions.size(), 2u);
    EXPECT_EQ(old.editions[0].title, "VO Handboek Leerplicht versie augustus 2024");
    EXPECT_EQ(old.editions[0].date, "2024-08");
    EXPECT_EQ(old.editions[1].date, "2022");
    ASSERT_NE(old.newer_edition(), nullptr);
    EXPECT_EQ(old.newer_edition()->slug, "vo-handboek-leerplicht-versie-augustus-2024");

    const Document newest = find_document(library(), "VO Handboek Leerplicht versie augustus 2024");
    ASSERT_EQ(newest.editions.size(), 2u);
    EXPECT_EQ(newest.newer_edition(), nullptr);
    EXPECT_FALSE(newest.editions[0].newer);
}

TEST_F(EditionsTest, LatestLeavesOutOlderEditionsOnly) {
    apply(handbooks);
    Filter latest;
    latest.latest = true;
    EXPECT_EQ(titles(latest), (std::set<std::string>{"VO Handboek Leerplicht versie augustus 2024",
                                                     "PO Handboek Leerplicht versie augustus 2020",
                                                     "Checklist aanwezigheidsbeleid",
                                                     "Checklist aanwezigheidsbeleid - Ingrado, november 2020"}));
    EXPECT_EQ(titles(Filter{}).size(), handbooks.size());
}

TEST_F(EditionsTest, AnUndatedTitleIsNobodysEdition) {
    apply(handbooks);
    EXPECT_TRUE(find_document(library(), "Checklist aanwezigheidsbeleid").editions.empty());
    EXPECT_TRUE(find_document(library(), "Checklist aanwezigheidsbeleid - Ingrado, november 2020").editions.empty());
}

TEST_F(EditionsTest, AWithdrawnNewerEditionDoesNotHideTheCurrentOne) {
    apply(handbooks);
    auto without_newest = handbooks;
    without_newest.erase(without_newest.begin() + 1);
    apply(without_newest);
    Filter latest;
    latest.latest = true;
    EXPECT_TRUE(titles(latest).contains("VO Handboek Leerplicht versie 2022"));
    const Document old = find_document(library(), "VO Handboek Leerplicht versie 2022");
    ASSERT_FALSE(old.editions.empty());
    EXPECT_EQ(old.editions[0].status, "withdrawn");
    EXPECT_TRUE(old.editions[0].newer); // show still says so, with its status
}
