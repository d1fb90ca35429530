#include "chromium.hpp"
#include "export_fixture.hpp"
#include "kennis/export.hpp"
#include "kennis/search.hpp"
#include "kennis/tags.hpp"
#include "stocked_store.hpp"

#include <fmt/format.h>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_F(SeededExportTest, TheIndexPageListsEveryDocumentAndSearchesThemInABrowser) {
    TagTarget two;
    two.documents = {"12", "14"};
    add_tag(library(), "regio/zaanstad", two);
    run();
    if (!have_chromium())
        GTEST_SKIP() << "needs chromium (make deps installs it)";
    const fs::path page = dest() / "index.html";
    const std::string all = rendered_dom(page, "");
    const std::size_t items = count_of(all, "<li data-doc=");
    EXPECT_EQ(items, files_under(dest()).size());
    EXPECT_EQ(count_of(all, "<section id=\"thema-"), 5u);
    EXPECT_NE(all.find("<section id=\"results\" hidden=\"\""), std::string::npos) << "no query: the listing, no results";
    EXPECT_EQ(count_of(all, "data-hit="), 0u);
    EXPECT_NE(all.find("id=\"count\">123</span>"), std::string::npos);

    const std::string tagged = rendered_dom(page, "#q=Zaanstad%20regio");
    EXPECT_EQ(count_of(tagged, "data-hit="), 2u) << "two documents carry the tag";
    EXPECT_NE(tagged.find("<li data-hit=\"12\">"), std::string::npos);
    EXPECT_NE(tagged.find("<li data-hit=\"14\">"), std::string::npos);
    EXPECT_NE(tagged.find("<div id=\"listing\" hidden=\"\">"), std::string::npos) << "the listing gives way to the hits";

    const std::string accents = rendered_dom(page, "#q=coordinatiefunctie");
    EXPECT_EQ(count_of(accents, "data-hit="), search(library(), "coordinatiefunctie", {}).size()) << "coördinatie is found without its accent";
    EXPECT_GT(count_of(accents, "data-hit="), 0u);

    const std::string none = rendered_dom(page, "#q=xyzzy");
    EXPECT_EQ(count_of(none, "data-hit="), 0u);
    EXPECT_NE(none.find("data-empty=\"\""), std::string::npos) << "the 'nothing found' line shows";
}

// A title with a right-to-left override is shown isolated: laid out in Chromium, the override
// stays inside the title, and the line under it starts where the title starts.
TEST_F(ExportTest, ATitleCannotReorderWhatFollowsItOnThePage) {
    listed({{"Thema", "Handboek Leerplicht 2025 \u202Efdp.exe", ""}});
    test::stock_all(library(), [](std::int64_t id) { return fmt::format("%PDF-1.4\ndocument {}\n%%EOF\n", id); });
    run();
    if (!have_chromium())
        GTEST_SKIP() << "needs chromium (make deps installs it)";
    // The exported page with a script of the test's own that measures it (a file beside it: the
    // page's policy runs no inline script).
    std::string page = read_file(dest() / "index.html");
    page.insert(page.rfind("</body>"), "<script src=\"measure.js\"></script>");
    write(dest() / "measure.js", R"(
const li = document.querySelector('li[data-doc]');
const a = li.querySelector('a'), bdi = a.querySelector('bdi'), type = li.querySelector('.info .type');
document.body.setAttribute('data-measured', [bdi ? getComputedStyle(bdi).unicodeBidi : 'none',
  bdi && bdi.textContent.endsWith('fdp.exe') ? 'whole' : 'cut',
  Math.round(type.getBoundingClientRect().left - a.getBoundingClientRect().left)].join(' '));
)");
    write(dest() / "measured.html", page);
    const std::string dom = rendered_dom(dest() / "measured.html", "");
    EXPECT_NE(dom.find("data-measured=\"isolate whole 0\""), std::string::npos) << dom.substr(0, 400);
}
