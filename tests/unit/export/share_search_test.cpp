#include "export_fixture.hpp"
#include "kennis/export.hpp"
#include "kennis/tags.hpp"
#include "search/search_index.hpp"

#include <fmt/format.h>
#include <map>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

namespace {

// The seeded catalogue with two pages of text for every document.
class ShareSearchTest : public SeededExportTest {
protected:
    void SetUp() override {
        SeededExportTest::SetUp();
        auto& db = library().impl().db;
        WriteTransaction tx(db);
        SQLite::Statement page(db.sql(), "INSERT INTO pages (sha256, page, text) SELECT sha256, ?, ? FROM versions WHERE document_id = ?");
        std::vector<std::int64_t> ids;
        SQLite::Statement all(db.sql(), "SELECT id FROM documents");
        while (all.executeStep())
            ids.push_back(all.getColumn(0).getInt64());
        for (auto id : ids)
            for (int p = 1; p <= 2; ++p) {
                page.bind(1, p);
                page.bind(2, fmt::format("Pagina {} van document {} over verzuim{}", p, id, id % 5 == 0 ? " en thuiszitters" : ""));
                page.bind(3, id);
                page.exec();
                page.reset();
            }
        reindex_documents(db, ids);
        tx.commit();
    }

    std::map<std::string, fs::file_time_type> index_files() const {
        std::map<std::string, fs::file_time_type> out;
        for (const auto& e : fs::recursive_directory_iterator(dest() / "zoekindex"))
            if (e.is_regular_file())
                out[fs::relative(e.path(), dest()).generic_string()] = e.last_write_time();
        return out;
    }

    static std::vector<std::string> changed(const std::map<std::string, fs::file_time_type>& before,
                                            const std::map<std::string, fs::file_time_type>& after) {
        std::vector<std::string> out;
        for (const auto& [path, time] : after)
            if (!before.contains(path) || before.at(path) != time)
                out.push_back(path);
        for (const auto& [path, time] : before)
            if (!after.contains(path))
                out.push_back(path);
        return out;
    }
};

} // namespace

TEST_F(ShareSearchTest, TheIndexHoldsTheStemsOfTheTextAndItsPagesAndScriptsTheBrowserMayRun) {
    run();
    const auto files = index_files();
    for (const char* f : {"zoekindex/index.txt", "zoekindex/woorden.txt", "zoekindex/page.txt", "zoekindex/search.txt",
                          "zoekindex/query.txt", "zoekindex/stemmer.txt"})
        EXPECT_TRUE(files.contains(f)) << f;
    EXPECT_TRUE(std::none_of(files.begin(), files.end(), [](const auto& f) { return f.first.ends_with(".js"); }))
        << "no file Windows would run when double-clicked";
    const std::string words = read_file(dest() / "zoekindex/woorden.txt");
    EXPECT_NE(words.find("\\nthuiszitter\\n"), std::string::npos) << "the stem, as the catalogue indexes it (a JavaScript string)";
    EXPECT_NE(read_file(dest() / "zoekindex/index.txt").find("\"voortijdig\",\"schoolverlaten\""), std::string::npos)
        << "the synonyms travel with the index";
    const std::string html = read_file(dest() / "index.html");
    EXPECT_NE(html.find("<script src=\"zoekindex/index.txt\"></script>"), std::string::npos);
    EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
    EXPECT_EQ(html.find("<script>"), std::string::npos) << "no inline script: the policy allows none";
}

TEST_F(ShareSearchTest, AReExportAfterOneChangeRewritesOnlyWhatItTouches) {
    run();
    const auto first = index_files();
    const auto again = run();
    EXPECT_EQ(again.written, 0u);
    EXPECT_TRUE(changed(first, index_files()).empty()) << "nothing changed, nothing written";

    TagTarget one;
    one.documents = {"17"};
    add_tag(library(), "regio/zaanstad", one);
    run();
    const auto touched = changed(first, index_files());
    EXPECT_FALSE(touched.empty());
    EXPECT_LE(touched.size(), 6u) << "the tag's words, the rows and the word list";
    EXPECT_TRUE(std::none_of(touched.begin(), touched.end(), [](const std::string& f) { return f.starts_with("zoekindex/x/"); }))
        << "the text of the pages did not change";
}

TEST_F(ShareSearchTest, WithoutSearchThePageOnlyListsAndAnEarlierIndexGoes) {
    run();
    ExportOptions o;
    o.share_search = false;
    run(o);
    EXPECT_FALSE(fs::exists(dest() / "zoekindex"));
    const std::string html = read_file(dest() / "index.html");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("<div id=\"listing\">"), std::string::npos) << "the listing shows without a script";
}

TEST_F(ShareSearchTest, UserSynonymsReachThePage) {
    ExportOptions o;
    o.synonyms = Synonyms::shipped();
    o.synonyms.add("lvs = leerlingvolgsysteem");
    run(o);
    EXPECT_NE(read_file(dest() / "zoekindex/index.txt").find("[[\"lvs\"],[\"leerlingvolgsysteem\"]]"), std::string::npos);
}
