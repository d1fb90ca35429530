#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/sync.hpp"
#include "listing_pages.hpp"
#include "test_server.hpp"

#include <fstream>
#include <set>

using namespace kennis;

namespace {

class SyncHttpTest : public test::CatalogueTest {
protected:
    void SetUp() override {
        base = server.url("");
        listing = test::seed_listing_with_urls(base);
        page = test::list_markup(listing, base);
        server.server().Get("/kennisbank", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(page, "text/html; charset=utf-8");
        });
    }

    SyncReport sync_page(bool force = false) {
        SyncOptions o;
        o.sources = {server.url("/kennisbank")};
        o.force = force;
        o.network.retries = 0;
        return sync(library(), o);
    }

    test::TestServer server;
    std::string base;
    Listing listing;
    std::string page;
};

} // namespace

TEST_F(SyncHttpTest, OneDocumentPerDistinctUrlWithAllItsThemesAndAliases) {
    const auto first = sync_page();
    EXPECT_EQ(first.added, 121u) << "230 entries, 123 titles, 121 distinct download links";
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 121);
    const auto shared = find_document(library(), "Handreiking aanwezigheidsregistratie");
    EXPECT_EQ(shared.aliases, (std::vector<std::string>{"Handreiking aanwezigheidsregistratie - Ingrado, november 2020",
                                                        "Handreiking aanwezigheidsregistratie"}));
    EXPECT_EQ(shared.themes, (std::vector<std::string>{"Verzuim 18-", "Verzuim 18+"}));
    EXPECT_EQ(find_document(library(), "Servicedocument Delen van persoonsgegevens tussen onderwijs en zorg").themes.size(),
              5u);
    const auto second = sync_page();
    EXPECT_EQ(second.added, 0u);
    EXPECT_EQ(second.updated, 0u);
    EXPECT_EQ(second.withdrawn, 0u);
    EXPECT_EQ(second.unchanged, 121u);
}

TEST_F(SyncHttpTest, TheLivePageGivesTheSeededDocumentsTheirLinks) {
    seed_if_empty(library());
    const auto r = sync_page();
    EXPECT_EQ(r.added, 0u);
    EXPECT_EQ(r.withdrawn, 0u);
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 121);
    EXPECT_EQ(count("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM urls)"), 0);
    const auto shared = find_document(library(), "Handreiking aanwezigheidsregistratie");
    EXPECT_EQ(shared.aliases.size(), 2u);
    EXPECT_EQ(find_document(library(), "47").id, shared.id) << "the merged snapshot document still resolves";
    EXPECT_EQ(sync_page().updated, 0u);
}

TEST_F(SyncHttpTest, ADroppedEntryIsWithdrawnAndAMoveIsReported) {
    sync_page();
    Listing changed = listing;
    changed.entries.erase(std::remove_if(changed.entries.begin(), changed.entries.end(),
                                         [](const ListingEntry& e) { return e.title == "We missen je!"; }),
                          changed.entries.end());
    page = test::list_markup(changed, base);
    const auto r = sync_page();
    EXPECT_EQ(r.withdrawn, 1u);
    EXPECT_EQ(find_document(library(), "We missen je!").status, "withdrawn");
}

TEST_F(SyncHttpTest, PagesThatAreNotAListingChangeNothing) {
    sync_page();
    const auto refused = [&](const std::string& body, const std::string& type, const std::string& why) {
        page = body;
        server.server().Get("/kennisbank", [body, type](const httplib::Request&, httplib::Response& res) {
            res.set_content(body, type);
        });
        try {
            sync_page();
            ADD_FAILURE() << "accepted: " << why;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
        EXPECT_EQ(count("SELECT count(*) FROM documents WHERE status = 'active'"), 121);
    };
    refused("<html><body><h1>Onderhoud</h1></body></html>", "text/html", "the page has no Downloadcentrum");
    refused("%PDF-1.4 nope", "application/pdf", "not an HTML page");
    Listing few = listing;
    few.entries.resize(40);
    std::set<std::string> kept;
    for (const auto& e : few.entries)
        kept.insert(*e.url);
    refused(test::list_markup(few, base), "text/html", "fewer than half");
    EXPECT_EQ(sync_page(true).withdrawn, 121u - kept.size());
}

TEST_F(SyncHttpTest, AnUnreachablePageIsAClearError) {
    SyncOptions o;
    o.sources = {server.url("/missing")};
    o.network.retries = 0;
    server.server().Get("/missing", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    try {
        sync(library(), o);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot read " + server.url("/missing") + ": HTTP 404 (not found)");
    }
}

TEST_F(SyncHttpTest, ASavedPageResolvesLinksAgainstTheLivePage) {
    const auto file = dir() / "kennisbank.html";
    std::ofstream(file) << test::table_markup(listing, base);
    SyncOptions o;
    o.sources = {file.string()};
    o.default_source = base + "/kennisbank/";
    const auto r = sync(library(), o);
    EXPECT_EQ(r.added, 121u);
    EXPECT_EQ(find_document(library(), "We missen je!").urls.front().url.rfind(base + "/media/", 0), 0u);
}

TEST_F(SyncHttpTest, SyncThenFetchUnderOneLock) {
    server.server().Get(R"(/media/doc-(\d+)\.pdf)", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content("%PDF-1.4\n% document " + req.matches[1].str() + "\n", "application/pdf");
    });
    SyncOptions o;
    o.sources = {server.url("/kennisbank")};
    o.fetch = FetchOptions{};
    o.fetch->network.retries = 0;
    o.fetch->jobs = 8;
    const auto r = sync(library(), o);
    ASSERT_TRUE(r.fetch);
    EXPECT_EQ(r.fetch->downloaded, 121u);
    EXPECT_TRUE(r.fetch->failed.empty());
    EXPECT_EQ(count("SELECT count(DISTINCT document_id) FROM versions"), 121);
}
