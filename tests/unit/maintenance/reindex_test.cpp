#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/maintenance.hpp"
#include "kennis/search.hpp"
#include "kennis/sync.hpp"
#include "office_fixture.hpp"
#include "stocked_store.hpp"

#include <gtest/gtest.h>

using namespace kennis;
using namespace kennis::test;

namespace {

constexpr const char* docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Three Word files stored by a kennis that did not read Word files: no text, and an older reader.
class ReindexTest : public CatalogueTest {
protected:
    void SetUp() override {
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        for (int i = 1; i <= 3; ++i)
            l.entries.push_back({"Thema", fmt::format("Modelbrief {}", i), fmt::format("https://example.test/brief{}.docx", i)});
        apply_listings(library(), {l}, true);
        for (int i = 1; i <= 3; ++i)
            stock(library(), i, make_docx({{fmt::format("Uitnodiging gesprek{}", std::string(static_cast<std::size_t>(i), 'x'))}}), docx_mime);
        db().sql().exec("UPDATE blobs SET text_reader = 1, text_status = 'none', text_reason = 'no text is read from Word files'");
    }
};

} // namespace

TEST_F(ReindexTest, FilesAnOlderKennisCouldNotReadAreReadAndSearchable) {
    EXPECT_TRUE(search(library(), "uitnodiging", {}).empty());
    EXPECT_EQ(library_stats(library()).text.older_reader, 3u);
    const ReindexReport r = reindex(library(), {});
    EXPECT_EQ(r.read, 3u);
    EXPECT_EQ(r.gained, 3u);
    EXPECT_EQ(search(library(), "uitnodiging", {}).size(), 3u);
    EXPECT_EQ(search(library(), "gesprekxx", {}).front().document.title, "Modelbrief 2");
    const TextStats t = library_stats(library()).text;
    EXPECT_EQ(t.text_layer, 3u);
    EXPECT_EQ(t.older_reader, 0u);
    EXPECT_EQ(reindex(library(), {}).read, 0u) << "nothing is left for the current readers";
    ReindexOptions one;
    one.documents = {"Modelbrief 3"};
    EXPECT_EQ(reindex(library(), one).read, 1u);
}

TEST_F(ReindexTest, AStoppedRunGoesOnWhereItStopped) {
    reopen();
    {
        std::size_t seen = 0;
        Library stopping(Context{dir() / "home", false, std::nullopt, [&](const Progress& p) {
                                     if (p.task == "reindex" && ++seen == 2)
                                         throw std::runtime_error("stopped");
                                 }});
        EXPECT_THROW(reindex(stopping, {}), std::exception);
    }
    EXPECT_EQ(library_stats(library()).text.older_reader, 1u) << "the two files done are kept";
    EXPECT_EQ(reindex(library(), {}).read, 1u);
    EXPECT_EQ(search(library(), "uitnodiging", {}).size(), 3u);
}

TEST_F(ReindexTest, StatsSayWhyTextCouldNotBeRead) {
    const TextStats t = library_stats(library()).text;
    EXPECT_EQ(t.unreadable, 3u);
    ASSERT_EQ(t.reasons.size(), 1u);
    EXPECT_EQ(t.reasons[0], (std::pair<std::string, std::size_t>{"no text is read from Word files", 3}));
}
