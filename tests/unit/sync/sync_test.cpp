#include "catalogue/catalogue.hpp"
#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/snapshot.hpp"
#include "kennis/sync.hpp"

#include <fstream>
#include <thread>

using namespace kennis;

namespace {

Listing listing(std::vector<ListingEntry> entries, std::string source = "https://example.test/page") {
    return {std::move(source), "snapshot", std::nullopt, std::move(entries)};
}

class SyncTest : public test::CatalogueTest {
protected:
    SourceReport apply(std::vector<ListingEntry> entries, std::string source = "https://example.test/page",
                       bool force = false) {
        auto report = apply_listings(library(), {listing(std::move(entries), std::move(source))}, force);
        return report.sources.front();
    }
    Document doc(const std::string& name) { return find_document(library(), name); }
};

} // namespace

TEST_F(SyncTest, SeedingGivesOneDocumentPerDistinctTitle) {
    const auto report = seed_if_empty(library());
    ASSERT_TRUE(report);
    EXPECT_EQ(report->added, 123u);
    EXPECT_EQ(report->documents, 123u);
    EXPECT_EQ(count("SELECT count(*) FROM listing_entries"), 230);
    EXPECT_EQ(count("SELECT count(*) FROM themes"), 5);
    EXPECT_FALSE(seed_if_empty(library())) << "a seeded catalogue is seeded again";
    const auto service = doc("Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg");
    EXPECT_EQ(service.themes.size(), 5u);
    EXPECT_EQ(count("SELECT count(*) FROM listing_entries WHERE document_id = " + std::to_string(service.id)), 10);
    const auto vo = doc("VO Handboek Leerplicht versie augustus 2020");
    EXPECT_EQ(vo.themes, (std::vector<std::string>{"Verzuim 18-", "Thuiszitters"}));
    EXPECT_EQ(vo.type, "Handboek");
    EXPECT_EQ(vo.level, "VO");
    EXPECT_EQ(vo.date, "2020-08");
}

TEST_F(SyncTest, ApplyingTheSameListingAgainChangesNothing) {
    seed_if_empty(library());
    const auto stamp = catalogue_stamp(db());
    const auto again = apply_listings(library(), {builtin_snapshot()}, false);
    EXPECT_EQ(again.added, 0u);
    EXPECT_EQ(again.updated, 0u);
    EXPECT_EQ(again.withdrawn, 0u);
    EXPECT_EQ(again.unchanged, 123u);
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE kind <> 'added'"), 0);
    EXPECT_EQ(catalogue_stamp(db()), stamp) << "so an export after it has nothing to do";
    apply_listings(library(), {listing({{"Thuiszitters", "Een nieuwe handreiking", "https://example.test/nieuw.pdf"}})}, true);
    EXPECT_NE(catalogue_stamp(db()), stamp);
}

TEST_F(SyncTest, ASyncThatOnlyAddsChangesTheStampOnceAndLeavesEveryTriggerInPlace) {
    seed_if_empty(library());
    const auto triggers = count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'");
    const auto stamp = catalogue_stamp(db());
    Listing more = builtin_snapshot();
    more.entries.push_back({"Thuiszitters", "Een nieuwe handreiking", "https://example.test/nieuw.pdf"});
    const auto report = apply_listings(library(), {more}, false);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(report.updated + report.withdrawn, 0u);
    EXPECT_NE(catalogue_stamp(db()), stamp) << "an export after it must look again";
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), triggers);

    const auto before = catalogue_stamp(db());
    db().sql().exec("INSERT INTO urls (document_id, url, first_seen) VALUES (1, 'https://example.test/ander.pdf', '')");
    EXPECT_NE(catalogue_stamp(db()), before) << "the triggers work again after the sync";
}

TEST_F(SyncTest, TriggersLeftOutForABulkWriteComeBackWhenItFails) {
    const auto triggers = count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'");
    try {
        WriteTransaction tx(db());
        StampOnceForInserts bulk(db(), {"documents", "urls", "aliases", "events"});
        EXPECT_LT(count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), triggers);
        throw std::runtime_error("the page broke off");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), triggers);
}

TEST_F(SyncTest, SeedingHappensOnceWhenManyStartTogether) {
    const auto home = dir() / "shared-home";
    std::vector<std::thread> threads;
    std::atomic<int> seeded{0};
    std::atomic<int> failed{0};
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            try {
                Library lib(Context{home, false, std::nullopt, {}});
                if (seed_if_empty(lib))
                    ++seeded;
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failed;
            }
        });
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(seeded.load(), 1);
    Library lib(Context{home, false, std::nullopt, {}});
    EXPECT_EQ(lib.impl().db.sql().execAndGet("SELECT count(*) FROM documents").getInt(), 123);
}

TEST_F(SyncTest, TheSameUrlIsOneDocumentWhateverItsTitles) {
    const auto r = apply({{"A", "Handreiking X", "https://x.test/1.pdf"},
                          {"B", "Download de handreiking X - Ingrado, mei 2020", "https://x.test/1.pdf"}});
    EXPECT_EQ(r.added, 1u);
    const auto d = doc("1");
    EXPECT_EQ(d.aliases.size(), 2u);
    EXPECT_EQ(d.title, "Handreiking X - Ingrado, mei 2020") << "the longest alias is shown";
    EXPECT_EQ(d.themes, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(d.publisher, "Ingrado");
    EXPECT_EQ(d.date, "2020-05");
}

TEST_F(SyncTest, TheSameTitleWithAnotherUrlIsAnotherDocument) {
    const auto r = apply({{"A", "Folder", "https://x.test/1.pdf"}, {"A", "Folder", "https://x.test/2.pdf"}});
    EXPECT_EQ(r.added, 2u);
    EXPECT_EQ(doc("folder").id, 1) << "a slug names one document";
    EXPECT_EQ(doc("folder-2").id, 2);
    try {
        doc("Folder");
        FAIL() << "an ambiguous title resolved";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.suggestions().size(), 2u);
    }
}

TEST_F(SyncTest, AUrlAttachesToTheDocumentWithTheSameTitleAndNoUrl) {
    seed_if_empty(library());
    auto live = builtin_snapshot();
    live.kind = "html";
    for (std::size_t i = 0; i < live.entries.size(); ++i)
        live.entries[i].url = "https://x.test/" + std::to_string(std::hash<std::string>{}(live.entries[i].title)) + ".pdf";
    const auto report = apply_listings(library(), {live}, false);
    EXPECT_EQ(report.added, 0u);
    EXPECT_EQ(report.updated, 123u);
    EXPECT_EQ(count("SELECT count(*) FROM urls"), 123);
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 123);
}

TEST_F(SyncTest, WhatASourceNoLongerListsIsWithdrawnNotDeleted) {
    apply({{"A", "Een", {}}, {"A", "Twee", {}}, {"B", "Drie", {}}});
    const auto r = apply({{"A", "Een", {}}, {"B", "Drie", {}}});
    EXPECT_EQ(r.withdrawn, 1u);
    EXPECT_EQ(r.unchanged, 2u);
    const auto twee = doc("Twee");
    EXPECT_EQ(twee.status, "withdrawn");
    EXPECT_EQ(twee.themes, std::vector<std::string>{"A"}) << "a withdrawn document keeps its themes";
    EXPECT_EQ(list_documents(library(), Filter{}).size(), 2u);
    Filter withdrawn;
    withdrawn.status = "withdrawn";
    EXPECT_EQ(list_documents(library(), withdrawn).size(), 1u);

    const auto back = apply({{"A", "Een", {}}, {"A", "Twee", {}}, {"B", "Drie", {}}});
    EXPECT_EQ(back.updated, 1u);
    EXPECT_EQ(back.changes.front().details, std::vector<std::string>{"listed again"});
    EXPECT_EQ(doc("Twee").status, "active");
}

TEST_F(SyncTest, ADocumentStaysWhileAnotherSourceStillListsIt) {
    apply({{"A", "Een", {}}, {"A", "Twee", {}}}, "source-1");
    apply({{"B", "Twee", {}}}, "source-2");
    EXPECT_EQ(doc("Twee").themes, (std::vector<std::string>{"A", "B"}));
    const auto r = apply({{"A", "Een", {}}}, "source-1");
    EXPECT_EQ(r.withdrawn, 0u);
    EXPECT_EQ(r.updated, 1u);
    const auto twee = doc("Twee");
    EXPECT_EQ(twee.status, "active");
    EXPECT_EQ(twee.themes, std::vector<std::string>{"B"});
}

TEST_F(SyncTest, AThemeTwoSourcesListADocumentUnderIsOneOfItsThemesOnce) {
    apply({{"Verzuim 18+", "Een", {}}, {"Thuiszitters", "Een", {}}}, "source-1");
    apply({{"Verzuim 18-", "Een", {}}, {"Thuiszitters", "Een", {}}, {"Verzuim 18+", "Een", {}}}, "source-2");
    // In the order the themes were first seen.
    EXPECT_EQ(doc("Een").themes, (std::vector<std::string>{"Verzuim 18+", "Thuiszitters", "Verzuim 18-"}));
}

TEST_F(SyncTest, ThemeMovesAreReportedInWords) {
    apply({{"A", "Een", {}}, {"A", "Twee", {}}});
    const auto r = apply({{"A", "Een", {}}, {"B", "Twee", {}}});
    ASSERT_EQ(r.updated, 1u);
    EXPECT_EQ(r.changes.front().details, (std::vector<std::string>{"now also under B", "no longer under A"}));
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE kind IN ('theme_added', 'theme_removed')"), 2);
}

TEST_F(SyncTest, AListingThatShrankByHalfIsRefusedUnlessForced) {
    apply({{"A", "Een", {}}, {"A", "Twee", {}}, {"A", "Drie", {}}, {"A", "Vier", {}}, {"A", "Vijf", {}}});
    EXPECT_THROW(apply({{"A", "Een", {}}, {"A", "Twee", {}}}), InputError);
    EXPECT_EQ(count("SELECT count(*) FROM documents WHERE status = 'active'"), 5);
    EXPECT_EQ(count("SELECT count(*) FROM listing_entries"), 5);
    const auto forced = apply({{"A", "Een", {}}, {"A", "Twee", {}}}, "https://example.test/page", true);
    EXPECT_EQ(forced.withdrawn, 3u);
}

TEST_F(SyncTest, ABrokenSourceAmongSeveralChangesNothing) {
    const auto good = dir() / "good.tsv";
    const auto bad = dir() / "bad.tsv";
    std::ofstream(good) << "#kennis-snapshot 1\nA\tEen\n";
    std::ofstream(bad) << "#kennis-snapshot 1\nA\tTwee\nkapot\n";
    SyncOptions options;
    options.sources = {good.string(), bad.string()};
    try {
        sync(library(), options);
        FAIL() << "a broken snapshot was accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), bad.string() + ":3: expected THEME<tab>TITLE[<tab>URL], found 1 field");
    }
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM sources"), 0);
}

TEST_F(SyncTest, MissingAndNonSnapshotFilesAreClearErrors) {
    SyncOptions options;
    options.sources = {(dir() / "nope.tsv").string()};
    EXPECT_THROW(sync(library(), options), InputError);
    const auto html = dir() / "page.html";
    std::ofstream(html) << "<html></html>";
    options.sources = {html.string()};
    EXPECT_THROW(sync(library(), options), InputError);
}

TEST_F(SyncTest, SlugsStayPutWhenTitlesGrow) {
    apply({{"A", "Handreiking X", "https://x.test/1.pdf"}});
    const auto before = doc("1");
    apply({{"A", "Handreiking X", "https://x.test/1.pdf"}, {"A", "Handreiking X, herziene versie", "https://x.test/1.pdf"}});
    const auto after = doc("1");
    EXPECT_EQ(after.title, "Handreiking X, herziene versie");
    EXPECT_EQ(after.slug, before.slug);
    EXPECT_EQ(doc(before.slug).id, 1);
}

TEST_F(SyncTest, EventsRecordWhatHappenedPerSync) {
    apply({{"A", "Een", {}}});
    apply({{"A", "Een", {}}, {"B", "Een", {}}});
    EXPECT_EQ(count("SELECT count(*) FROM syncs"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE kind = 'added' AND sync_id = 1"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE kind = 'theme_added' AND sync_id = 2"), 1);
    EXPECT_EQ(count("SELECT updated FROM syncs WHERE id = 2"), 1);
}
