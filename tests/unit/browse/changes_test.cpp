#include "catalogue_fixture.hpp"
#include "kennis/changes.hpp"
#include "kennis/error.hpp"
#include "kennis/sync.hpp"

using namespace kennis;

namespace {

class ChangesTest : public test::CatalogueTest {
protected:
    void listed(std::vector<ListingEntry> entries) {
        apply_listings(library(), {{"https://example.test/kennisbank", "html", std::nullopt, std::move(entries)}}, true);
    }

    // "theme: kind title" per change, in the report's order.
    std::vector<std::string> digest(const std::optional<std::string>& since = std::nullopt) {
        std::vector<std::string> out;
        for (const auto& t : list_changes(library(), since).themes)
            for (const auto& c : t.changes)
                out.push_back(t.theme + ": " + c.kind + " " + c.title);
        return out;
    }
};

} // namespace

// The three syncs below run within a second: "since the last sync" must not lean on times.
TEST_F(ChangesTest, TheLastSyncsChangesPerThemeAndNoneAfterASyncThatChangedNothing) {
    EXPECT_TRUE(list_changes(library(), std::nullopt).since.empty()) << "nothing synced yet";
    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking B", "https://example.test/b.pdf"},
            {"Thuiszitters", "Handreiking B", "https://example.test/b.pdf"}});
    EXPECT_EQ(digest(), (std::vector<std::string>{"Verzuim: added Handreiking A", "Verzuim: added Handreiking B",
                                                  "Thuiszitters: added Handreiking B"}))
        << "a new document's themes are part of its being added";
    EXPECT_EQ(list_changes(library(), std::nullopt).events, 2u);

    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Thuiszitters", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking C", "https://example.test/c.pdf"}});
    EXPECT_EQ(digest(), (std::vector<std::string>{"Verzuim: added Handreiking C", "Verzuim: withdrawn Handreiking B",
                                                  "Thuiszitters: theme_added Handreiking A",
                                                  "Thuiszitters: withdrawn Handreiking B"}));

    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Thuiszitters", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking C", "https://example.test/c.pdf"}});
    EXPECT_TRUE(digest().empty());
    EXPECT_EQ(digest("2000-01-01").size(), 7u) << "a date reaches back over several syncs";
    EXPECT_THROW(list_changes(library(), "gisteren"), UsageError);
}
