#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/metadata.hpp"
#include "kennis/sync.hpp"
#include "kennis/title.hpp"

#include <set>
#include <sstream>

using namespace kennis;

namespace {

class BrowseTest : public test::CatalogueTest {
protected:
    void SetUp() override { seed_if_empty(library()); }

    std::set<std::string> titles(const Filter& filter) {
        std::set<std::string> out;
        for (const auto& d : list_documents(library(), filter))
            out.insert(d.title);
        return out;
    }

    // The seed titles (as displayed) whose checked metadata passes `keep`.
    template <typename Keep>
    std::set<std::string> expected(Keep keep) {
        std::set<std::string> out;
        for (const auto& cols : test::read_tsv(test::source_dir() / "tests/unit/data/seed_title_metadata.tsv"))
            if (keep(cols))
                out.insert(display_title(cols[0]));
        return out;
    }
};

} // namespace

TEST_F(BrowseTest, ListsEveryActiveDocumentByDefault) {
    EXPECT_EQ(list_documents(library(), Filter{}).size(), 123u);
}

TEST_F(BrowseTest, TypeFilterMatchesTheTitlesOfThatType) {
    Filter f;
    f.type = "handreiking";
    const auto got = titles(f);
    EXPECT_EQ(got, expected([](const auto& c) { return c[1] == "Handreiking"; }));
    EXPECT_EQ(got.size(), 13u);
}

TEST_F(BrowseTest, YearFilterMatchesDatesAndPeriods) {
    Filter f;
    f.year = 2020;
    EXPECT_EQ(titles(f), expected([](const auto& c) { return c[3].starts_with("2020") || c[4] == "2019-2020"; }));
    f.year = 2018;
    EXPECT_EQ(titles(f), expected([](const auto& c) {
                  return c[3].starts_with("2018") || c[4] == "2018-2019" || c[4] == "2016-2019";
              }));
}

TEST_F(BrowseTest, ThemeFilterTakesAnyCaseAndUniquePrefixes) {
    Filter f;
    f.themes = {"thuiszitters"};
    EXPECT_EQ(list_documents(library(), f).size(), 31u);
    f.themes = {"Jongeren"};
    EXPECT_EQ(list_documents(library(), f).size(), 28u);
    f.themes = {"Verzuim 18+", "Jongeren 16-27"};
    const auto either = list_documents(library(), f).size();
    EXPECT_GT(either, 28u);
    EXPECT_LT(either, 27u + 28u) << "documents under both themes are listed once";
    f.themes = {"Verzuim"};
    EXPECT_THROW(list_documents(library(), f), UsageError);
    f.themes = {"Onbekend"};
    try {
        list_documents(library(), f);
        FAIL();
    } catch (const UsageError& e) {
        EXPECT_EQ(std::string(e.what()), "no theme 'Onbekend'; the themes are: Verzuim 18-, Verzuim 18+, Thuiszitters, "
                                         "Voortijdig schoolverlaten, Jongeren 16-27");
    }
}

TEST_F(BrowseTest, LevelFilterFindsEveryDocumentForThatLevel) {
    Filter f;
    f.level = "vo";
    EXPECT_EQ(titles(f), expected([](const auto& c) { return ("," + c[5] + ",").find(",VO,") != std::string::npos; }));
    f.level = "vso";
    EXPECT_EQ(titles(f), expected([](const auto& c) { return c[5].find("(V)SO") != std::string::npos; }));
    f.level = "HBO";
    EXPECT_THROW(list_documents(library(), f), UsageError);
}

TEST_F(BrowseTest, FiltersCombineAndLimit) {
    Filter f;
    f.type = "Handboek";
    f.themes = {"Thuiszitters"};
    EXPECT_EQ(list_documents(library(), f).size(), 4u);
    f.limit = 2;
    EXPECT_EQ(list_documents(library(), f).size(), 2u);
    f.status = "bogus";
    EXPECT_THROW(list_documents(library(), f), UsageError);
}

TEST_F(BrowseTest, FindsDocumentsByIdSlugTitleOrAlias) {
    const auto byTitle = find_document(library(), "VO Handboek Leerplicht versie augustus 2020");
    EXPECT_EQ(find_document(library(), std::to_string(byTitle.id)).id, byTitle.id);
    EXPECT_EQ(find_document(library(), byTitle.slug).id, byTitle.id);
    EXPECT_EQ(find_document(library(), "vo handboek leerplicht, versie augustus 2020").id, byTitle.id);
    const auto alias = find_document(library(), "Download de handreiking Snel terug naar school is veel beter");
    EXPECT_EQ(alias.title, "Handreiking Snel terug naar school is veel beter");
}

TEST_F(BrowseTest, AnUnknownDocumentComesWithTheClosestTitles) {
    try {
        find_document(library(), "Handboek Leerplicht augustus 2020");
        FAIL();
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.code(), ExitCode::failure);
        ASSERT_FALSE(e.suggestions().empty());
        EXPECT_NE(e.suggestions().front().find("Handboek Leerplicht versie augustus 2020"), std::string::npos);
    }
    EXPECT_THROW(find_document(library(), "Dit document bestaat niet"), NotFoundError);
}

TEST_F(BrowseTest, ThemesCountDocumentsAndEntries) {
    const auto themes = list_themes(library());
    ASSERT_EQ(themes.size(), 5u);
    const std::vector<std::pair<std::string, std::size_t>> want{
        {"Verzuim 18-", 71}, {"Verzuim 18+", 27}, {"Thuiszitters", 31}, {"Voortijdig schoolverlaten", 25}, {"Jongeren 16-27", 28}};
    std::size_t entries = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(themes[i].name, want[i].first);
        EXPECT_EQ(themes[i].documents, want[i].second);
        entries += themes[i].entries;
    }
    EXPECT_EQ(entries, 230u);
}

TEST_F(BrowseTest, StatsSummarizeTheLibrary) {
    const auto s = library_stats(library());
    EXPECT_EQ(s.documents, 123u);
    EXPECT_EQ(s.withdrawn, 0u);
    EXPECT_EQ(s.entries, 230u);
    EXPECT_EQ(s.themes, 5u);
    EXPECT_EQ(s.fetched, 0u);
    ASSERT_EQ(s.sources.size(), 1u);
    EXPECT_EQ(s.sources.front().location, "https://ingrado.nl/kennisbank");
}
