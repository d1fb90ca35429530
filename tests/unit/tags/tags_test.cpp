#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/search.hpp"
#include "kennis/snapshot.hpp"
#include "kennis/sync.hpp"
#include "kennis/tags.hpp"

using namespace kennis;

namespace {

class TagsTest : public test::CatalogueTest {
protected:
    void SetUp() override { seed_if_empty(library()); }
    TagTarget docs(std::vector<std::string> names) {
        TagTarget t;
        t.documents = std::move(names);
        return t;
    }
    std::size_t hits(const std::string& query) { return search(library(), query, {}).size(); }
};

} // namespace

TEST(TagName, IsTrimmedCaseFoldedAndNested) {
    EXPECT_EQ(normalize_tag("  Regio / Zaanstad "), "regio/zaanstad");
    EXPECT_EQ(normalize_tag("Coördinatie"), "coördinatie");
    EXPECT_EQ(normalize_tag("a//b/"), "a/b");
    EXPECT_THROW(normalize_tag(" / "), UsageError);
}

TEST_F(TagsTest, AddingTwiceChangesOnceAndSearchFollows) {
    EXPECT_EQ(add_tag(library(), "Regio/Zaanstad", docs({"12", "14"})).changed, 2u);
    EXPECT_EQ(add_tag(library(), "regio/zaanstad", docs({"12"})).changed, 0u);
    EXPECT_EQ(hits("tag:zaanstad"), 2u);
    Filter f;
    f.tags = {"REGIO"};
    EXPECT_EQ(list_documents(library(), f).size(), 2u) << "a parent tag matches its children";
    EXPECT_EQ(remove_tag(library(), "regio/zaanstad", docs({"12"})).changed, 1u);
    EXPECT_EQ(hits("tag:zaanstad"), 1u);
    EXPECT_EQ(find_document(library(), "14").tags, std::vector<std::string>{"regio/zaanstad"});
}

TEST_F(TagsTest, TargetsByQueryOrFilterButNeverEverything) {
    TagTarget by_query;
    by_query.query = "\"methodische aanpak\"";
    EXPECT_EQ(add_tag(library(), "mas", by_query).changed, 3u);
    TagTarget by_filter;
    by_filter.filter.level = "PO";
    by_filter.filtered = true;
    EXPECT_EQ(add_tag(library(), "po", by_filter).selected, 4u);
    EXPECT_THROW(add_tag(library(), "alles", TagTarget{}), UsageError);
    EXPECT_THROW(add_tag(library(), "x", docs({"Bestaat niet"})), NotFoundError);
    EXPECT_EQ(list_tags(library(), std::nullopt).size(), 2u);
}

TEST_F(TagsTest, RenameMovesChildrenAndMerges) {
    add_tag(library(), "regio/zaanstad", docs({"12"}));
    add_tag(library(), "gebied/zaanstad", docs({"14"}));
    EXPECT_EQ(rename_tag(library(), "regio", "gebied"), 1u);
    const auto tags = list_tags(library(), std::nullopt);
    ASSERT_EQ(tags.size(), 1u);
    EXPECT_EQ(tags[0].name, "gebied/zaanstad");
    EXPECT_EQ(tags[0].documents, 2u);
    EXPECT_EQ(hits("tag:gebied"), 2u);
    EXPECT_EQ(hits("tag:regio"), 0u);
    EXPECT_THROW(rename_tag(library(), "onbekend", "x"), NotFoundError);
}

TEST_F(TagsTest, TagsStayOnWithdrawnDocuments) {
    add_tag(library(), "bewaren", docs({"We missen je!"}));
    auto listing = builtin_snapshot();
    std::erase_if(listing.entries, [](const ListingEntry& e) { return e.title == "We missen je!"; });
    apply_listings(library(), {listing}, false);
    const auto doc = find_document(library(), "We missen je!");
    EXPECT_EQ(doc.status, "withdrawn");
    EXPECT_EQ(doc.tags, std::vector<std::string>{"bewaren"});
}
