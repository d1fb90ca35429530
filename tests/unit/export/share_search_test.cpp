#include "chromium.hpp"
#include "dutch_text.hpp"
#include "export_fixture.hpp"
#include "kennis/export.hpp"
#include "kennis/tags.hpp"
#include "search/dutch_tokenizer.hpp"
#include "search/search_index.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

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

// The page stems a query word as the catalogue stemmed the text: its stemmer, run in Chromium,
// gives libstemmer's stem for every word of the exported text and titles, and for words made to
// reach every rule (vowel runs, doubled consonants, accents, the suffixes, short words).
TEST_F(ShareSearchTest, ThePagesStemmerGivesLibstemmersStemForEveryWord) {
    run();
    if (!have_chromium())
        GTEST_SKIP() << "needs chromium (make deps installs it)";
    std::set<std::string> words;
    const auto add_text = [&](const std::string& text) {
        for (auto& w : split_words(unicode::fold(text)))
            words.insert(w);
    };
    for (const char* paragraph : dutch_paragraphs)
        add_text(paragraph);
    SQLite::Statement titles(library().impl().db.sql(), "SELECT title FROM documents UNION ALL SELECT text FROM pages");
    while (titles.executeStep())
        add_text(titles.getColumn(0).getString());
    const char* pieces[] = {"a", "e", "i", "o", "u", "y", "aa", "ee", "oo", "uu", "ie", "ij", "ei", "ui", "b", "d", "g", "k",
                            "t", "s", "j", "m", "n", "l", "r", "heden", "heid", "en", "ene", "se", "end", "ing", "ig", "lijk",
                            "baar", "bar", "gem", "kk", "dd", "tt", "c", "\u00e8", "\u00eb", "\u00e9", "\u00ef", "\u00fc", "1"};
    std::mt19937 rng(3);
    std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1), length(1, 7);
    while (words.size() < 30000) {
        std::string w;
        for (std::size_t k = length(rng); k > 0; --k)
            w += pieces[piece(rng)];
        words.insert(w);
    }
    const nlohmann::json list(std::vector<std::string>(words.begin(), words.end()));
    write(dest() / "stems.txt", "var words = " + list.dump() + ";\n"
          "document.body.setAttribute('data-stems', JSON.stringify(words.map(function (w) { return kennisZoek.stem(w); })));\n");
    write(dest() / "stems.html", "<!DOCTYPE html><meta charset=\"utf-8\"><body><script src=\"zoekindex/stemmer.txt\"></script>"
                                 "<script src=\"stems.txt\"></script></body>");
    const std::string dom = rendered_dom(dest() / "stems.html");
    const auto at = dom.find("data-stems=\"");
    ASSERT_NE(at, std::string::npos) << dom.substr(0, 500);
    std::string attribute = dom.substr(at + 12, dom.find('"', at + 12) - at - 12);
    for (const auto& [entity, c] : {std::pair{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
        for (std::size_t p; (p = attribute.find(entity)) != std::string::npos;)
            attribute.replace(p, std::string_view(entity).size(), c);
    const auto stems = nlohmann::json::parse(attribute).get<std::vector<std::string>>();
    ASSERT_EQ(stems.size(), words.size());
    std::size_t differ = 0, i = 0;
    for (const auto& w : words) {
        if (stems[i] != dutch_stem(w) && ++differ <= 10)
            ADD_FAILURE() << w << ": the page gives " << stems[i] << ", libstemmer " << dutch_stem(w);
        ++i;
    }
    EXPECT_EQ(differ, 0u) << "of " << words.size() << " words";
}
