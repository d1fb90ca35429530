#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/dupes.hpp"
#include "kennis/error.hpp"
#include "kennis/snapshot.hpp"
#include "kennis/sync.hpp"
#include "kennis/tags.hpp"
#include "kennis/title.hpp"
#include "util/similarity.hpp"

#include <set>

using namespace kennis;

namespace {

class DupesTest : public test::CatalogueTest {
protected:
    void apply(std::vector<ListingEntry> entries, std::string source = "https://example.test/page") {
        apply_listings(library(), {Listing{std::move(source), "html", std::nullopt, std::move(entries)}}, true);
    }
    void tag(const std::string& name, const std::string& doc) {
        TagTarget t;
        t.documents = {doc};
        add_tag(library(), name, t);
    }
    std::set<std::string> themes(const std::string& doc) {
        const auto d = find_document(library(), doc);
        return {d.themes.begin(), d.themes.end()};
    }
    std::set<std::string> tags(const std::string& doc) {
        const auto d = find_document(library(), doc);
        return {d.tags.begin(), d.tags.end()};
    }
    // The suspects as "id-id reason" strings.
    std::set<std::string> suspects(double similarity = 0.6) {
        std::set<std::string> out;
        for (const auto& s : find_dupes(library(), {similarity}).suspects)
            out.insert(std::to_string(s.a.id) + "-" + std::to_string(s.b.id) + " " + s.reason);
        return out;
    }
};

std::vector<std::string> seed_keys() {
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const auto& e : builtin_snapshot().entries)
        if (seen.insert(title_key(e.title)).second)
            keys.push_back(title_key(e.title));
    return keys;
}

} // namespace

TEST(SimilarPairs, FindExactlyThePairsThatAllPairsComparisonFinds) {
    const auto keys = seed_keys();
    ASSERT_GT(keys.size(), 100u);
    for (double threshold : {0.3, 0.5, 0.6, 0.8, 1.0}) {
        std::set<std::pair<std::size_t, std::size_t>> expected;
        for (std::size_t i = 0; i < keys.size(); ++i)
            for (std::size_t j = i + 1; j < keys.size(); ++j)
                if (jaccard(trigrams(keys[i]), trigrams(keys[j])) >= threshold)
                    expected.insert({i, j});
        std::set<std::pair<std::size_t, std::size_t>> found;
        for (const auto& p : similar_pairs(keys, threshold)) {
            EXPECT_GE(p.similarity, threshold);
            found.insert({p.first, p.second});
        }
        EXPECT_EQ(found, expected) << "threshold " << threshold;
    }
}

TEST(SimilarPairs, JaccardOfTrigrams) {
    EXPECT_DOUBLE_EQ(jaccard(trigrams("abc"), trigrams("abc")), 1.0);
    EXPECT_DOUBLE_EQ(jaccard(trigrams("abc"), trigrams("xyz")), 0.0);
    EXPECT_NEAR(title_similarity("Handreiking aanwezigheidsregistratie",
                                 "Handreiking aanwezigheidsregistratie - Ingrado"),
                0.8, 0.05);
}

TEST_F(DupesTest, TheSeedCatalogueHasFourSuspectPairsAndNoHandbooksAmongThem) {
    seed_if_empty(library());
    std::set<std::string> pairs;
    for (const auto& s : find_dupes(library(), {}).suspects)
        pairs.insert(s.a.title + " | " + s.b.title);
    EXPECT_EQ(pairs, (std::set<std::string>{
                         "Handreiking aanwezigheidsregistratie - Ingrado, november 2020 | "
                         "Handreiking aanwezigheidsregistratie",
                         "Handreiking ouderbetrokkenheid PO-VO | Handreiking ouderbetrokkenheid bij verzuimbeleid po-vo",
                         "Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021 | "
                         "De Handreiking onderwijs, zorg en de Leerplichtwet",
                         "De route van school naar werk én verder - Ingrado, december 2020 | "
                         "De route van school naar werk én verder",
                     }));
    EXPECT_TRUE(find_dupes(library(), {}).merged.empty());
}

TEST_F(DupesTest, SameTitleDifferentUrlsAreSuspectsAndEditionsAreNot) {
    apply({{"A", "Folder verzuim", "https://x.test/1.pdf"},
           {"A", "Folder verzuim", "https://x.test/2.pdf"},
           {"A", "Handboek Leerplicht versie 2020", "https://x.test/h2020.pdf"},
           {"A", "Handboek Leerplicht versie 2024", "https://x.test/h2024.pdf"},
           {"A", "Stappenplan", "https://x.test/s.pdf"},
           {"A", "Stappenplan (2)", "https://x.test/s.pdf"}});
    EXPECT_EQ(suspects(), (std::set<std::string>{"1-2 same title"}));
    const auto report = find_dupes(library(), {});
    ASSERT_EQ(report.merged.size(), 1u);
    EXPECT_EQ(report.merged[0].document.title, "Stappenplan (2)");
    EXPECT_EQ(report.merged[0].same_url_titles, (std::vector<std::string>{"Stappenplan", "Stappenplan (2)"}));
    EXPECT_THROW(find_dupes(library(), {0.0}), UsageError);
}

TEST_F(DupesTest, PartsOfANumberedSeriesAreNoSuspectsButACopyIs) {
    apply({{"A", "Modelbrief 1 oproep ouders", "https://x.test/m1.pdf"},
           {"A", "Modelbrief 2 oproep ouders", "https://x.test/m2.pdf"},
           {"A", "Stappenplan thuiszitters", "https://x.test/s.pdf"},
           {"A", "Stappenplan thuiszitters (2)", "https://x.test/s2.pdf"},
           {"A", "Stappenplan thuiszitters - Ingrado, mei 2021", "https://x.test/s3.pdf"}});
    EXPECT_EQ(suspects(), (std::set<std::string>{"3-4 similar titles", "3-5 similar titles", "4-5 similar titles"}));
}

TEST_F(DupesTest, ThousandsOfNumberedTitlesAlikeInTheirWordsAreNoSuspects) {
    std::vector<ListingEntry> entries;
    for (int i = 1; i <= 3000; ++i)
        entries.push_back({"A", "Handreiking nummer " + std::to_string(i * 37) + " over verzuim", "https://x.test/" + std::to_string(i) + ".pdf"});
    apply(std::move(entries));
    EXPECT_TRUE(find_dupes(library(), {}).suspects.empty());
}

TEST_F(DupesTest, MergeFoldsBIntoAAndUnmergeGivesEverythingBack) {
    apply({{"Verzuim", "Folder verzuim", "https://x.test/1.pdf"}, {"Thuiszitters", "Folder over verzuim", "https://x.test/2.pdf"}});
    tag("eigen", "1");
    tag("regio/zaanstad", "2");
    const auto merged = merge(library(), "1", "folder-over-verzuim");
    EXPECT_EQ(merged.survivor.id, 1);
    EXPECT_EQ(merged.other.id, 2);
    EXPECT_EQ(find_document(library(), "2").id, 1);
    EXPECT_EQ(themes("1"), (std::set<std::string>{"Verzuim", "Thuiszitters"}));
    EXPECT_EQ(tags("1"), (std::set<std::string>{"eigen", "regio/zaanstad"}));
    const auto report = find_dupes(library(), {});
    ASSERT_EQ(report.merged.size(), 1u);
    ASSERT_EQ(report.merged[0].absorbed.size(), 1u);
    EXPECT_EQ(report.merged[0].absorbed[0].reason, "merged by hand");
    EXPECT_TRUE(report.merged[0].absorbed[0].can_unmerge);
    EXPECT_THROW(merge(library(), "1", "2"), InputError);

    tag("later", "1"); // given to the merged document: both keep it
    const auto apart = unmerge(library(), "2");
    EXPECT_EQ(apart.survivor.id, 1);
    const auto back = find_document(library(), "2");
    EXPECT_EQ(back.id, 2);
    EXPECT_EQ(back.slug, "folder-over-verzuim");
    EXPECT_EQ(back.title, "Folder over verzuim");
    ASSERT_EQ(back.urls.size(), 1u);
    EXPECT_EQ(back.urls[0].url, "https://x.test/2.pdf");
    EXPECT_EQ(themes("2"), (std::set<std::string>{"Thuiszitters"}));
    EXPECT_EQ(themes("1"), (std::set<std::string>{"Verzuim"}));
    EXPECT_EQ(tags("2"), (std::set<std::string>{"regio/zaanstad", "later"}));
    EXPECT_EQ(tags("1"), (std::set<std::string>{"eigen", "later"}));
    EXPECT_EQ(find_document(library(), "1").aliases, (std::vector<std::string>{"Folder verzuim"}));
    EXPECT_EQ(find_dupes(library(), {}).kept_apart.size(), 1u);
    SQLite::Statement dangling(db().sql(), "PRAGMA foreign_key_check");
    EXPECT_FALSE(dangling.executeStep());

    // The next sync finds each URL's own document again.
    apply({{"Verzuim", "Folder verzuim", "https://x.test/1.pdf"}, {"Thuiszitters", "Folder over verzuim", "https://x.test/2.pdf"}});
    EXPECT_EQ(count("SELECT count(*) FROM documents WHERE status = 'active'"), 2);
    EXPECT_EQ(themes("2"), (std::set<std::string>{"Thuiszitters"}));
}

TEST_F(DupesTest, UnmergeNamesTheSurvivorOnlyWhenItTookInOne) {
    apply({{"A", "Een", "https://x.test/1"}, {"A", "Twee", "https://x.test/2"}, {"A", "Drie", "https://x.test/3"}});
    EXPECT_THROW(unmerge(library(), "1"), InputError);
    merge(library(), "1", "2");
    merge(library(), "1", "3");
    EXPECT_THROW(unmerge(library(), "1"), UsageError);
    EXPECT_EQ(unmerge(library(), "drie").other.id, 3);
    EXPECT_EQ(unmerge(library(), "1").other.id, 2);
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 3);
    EXPECT_THROW(unmerge(library(), "Vier"), NotFoundError);
}

TEST_F(DupesTest, WhatADocumentHadTakenInFollowsItOut) {
    apply({{"A", "Een", "https://x.test/1"}, {"A", "Twee", "https://x.test/2"}, {"A", "Drie", "https://x.test/3"}});
    merge(library(), "2", "3"); // Twee takes in Drie …
    merge(library(), "1", "2"); // … and Een takes in Twee
    EXPECT_EQ(find_document(library(), "3").id, 1);
    unmerge(library(), "2");
    EXPECT_EQ(find_document(library(), "3").id, 2) << "Drie is inside Twee again";
    EXPECT_EQ(find_document(library(), "2").urls.size(), 2u);
    EXPECT_EQ(find_document(library(), "1").urls.size(), 1u);
}

TEST_F(DupesTest, AnUnmergeOutlivesTheNextSyncOfEverySource) {
    apply({{"A", "Folder verzuim", std::nullopt}}, "snapshot.tsv");
    apply({{"A", "Folder verzuim", "https://x.test/1.pdf"}, {"A", "Ander", "https://x.test/2.pdf"}});
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 2) << "the listed download took in its snapshot twin";
    EXPECT_EQ(count("SELECT count(*) FROM redirects"), 0) << "attached by title, not merged";
    merge(library(), "1", "2");
    unmerge(library(), "2");
    apply({{"A", "Folder verzuim", std::nullopt}}, "snapshot.tsv");
    apply({{"A", "Folder verzuim", "https://x.test/1.pdf"}, {"A", "Ander", "https://x.test/2.pdf"}});
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 2);
    EXPECT_EQ(find_document(library(), "Ander").id, 2);
    EXPECT_EQ(find_document(library(), "Folder verzuim").id, 1);
}

TEST_F(DupesTest, ANewDocumentNeverTakesTheIdOfAMergedOne) {
    apply({{"A", "Een", "https://x.test/1"}, {"A", "Twee", "https://x.test/2"}});
    merge(library(), "1", "2");
    apply({{"A", "Een", "https://x.test/1"}, {"A", "Twee", "https://x.test/2"}, {"A", "Drie", "https://x.test/3"}});
    EXPECT_EQ(find_document(library(), "Drie").id, 3);
    EXPECT_EQ(find_document(library(), "2").id, 1);
    EXPECT_EQ(unmerge(library(), "2").other.id, 2);
}
