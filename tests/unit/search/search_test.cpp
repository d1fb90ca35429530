#include "catalogue_fixture.hpp"
#include "search/dutch_tokenizer.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/fetch.hpp"
#include "kennis/search.hpp"
#include "kennis/sync.hpp"
#include "pdf_fixture.hpp"
#include "test_server.hpp"
#include "util/unicode.hpp"

#include <set>

using namespace kennis;

namespace {

class SearchTest : public test::CatalogueTest {
protected:
    std::vector<std::string> titles(const std::string& query, Filter filter = {}) {
        std::vector<std::string> out;
        for (const auto& hit : search(library(), query, filter))
            out.push_back(hit.document.title);
        return out;
    }
    std::set<std::string> title_set(const std::string& query, Filter filter = {}) {
        const auto v = titles(query, std::move(filter));
        return {v.begin(), v.end()};
    }
    void listed(std::vector<ListingEntry> entries) {
        apply_listings(library(), {{"https://example.test/kennisbank", "html", std::nullopt, std::move(entries)}}, true);
    }
    std::string usage_error(const std::string& query) {
        try {
            search(library(), query, {});
        } catch (const UsageError& e) {
            return e.what();
        }
        return "no error";
    }
};

class SeededSearchTest : public SearchTest {
protected:
    void SetUp() override { seed_if_empty(library()); }
};

} // namespace

TEST(DutchStemmer, FoldsPluralsAndInflections) {
    EXPECT_EQ(dutch_stem("handreikingen"), dutch_stem("handreiking"));
    EXPECT_EQ(dutch_stem("vrijstellingen"), dutch_stem("vrijstelling"));
    EXPECT_EQ(dutch_stem("leerlingen"), dutch_stem("leerling"));
    EXPECT_NE(dutch_stem("leerplicht"), dutch_stem("leerling"));
    EXPECT_EQ(stemmer_fingerprint().size(), 16u);
}

// The translation without synonyms.
std::string translated(std::string_view query) { return translate_query(query, Synonyms{}); }

TEST(QueryLanguage, QuotesEveryWordAndKeepsTheStructure) {
    EXPECT_EQ(translated("verzuim"), "\"verzuim\"");
    EXPECT_EQ(translated("verzuim leerplicht"), "\"verzuim\" AND \"leerplicht\"");
    EXPECT_EQ(translated("\"snel terug\" handr*"), "\"snel terug\" AND \"handr\" *");
    EXPECT_EQ(translated("vavo OR mbo handboek"), "(\"vavo\" OR \"mbo\") AND \"handboek\"");
    EXPECT_EQ(translated("leerplicht -handboek NOT folder"), "\"leerplicht\" NOT \"handboek\" NOT \"folder\"");
    EXPECT_EQ(translated("a b -c"), "(\"a\" AND \"b\") NOT \"c\"");
    EXPECT_EQ(translated("title:gamen theme:\"verzuim 18\" tag:regio type:rapport"),
              "title : \"gamen\" AND themes : \"verzuim 18\" AND tags : \"regio\" AND type : \"rapport\"");
    EXPECT_EQ(translated("Notitie: positie"), "\"Notitie\" AND \"positie\"");
    EXPECT_EQ(translated("say \"\"\"\" it"), "\"say\" AND \"it\"");
    EXPECT_EQ(translated("'; DROP TABLE documents; --"), "\"DROP\" AND \"TABLE\" AND \"documents;\"");
    EXPECT_EQ(translated(std::string("ver\0zuim\x01x", 11)), "\"ver\" AND \"zuim\" AND \"x\"")
        << "control characters separate words; a NUL would end FTS5's string";
}

TEST(QueryLanguage, AWordOrRunOfWordsThatIsASynonymAlsoFindsItsOtherForms) {
    Synonyms s;
    s.add("vsv = voortijdig schoolverlaten = Voortijdige schoolverlaters");
    s.add("RMC = regionale meld- en coördinatiefunctie");
    EXPECT_EQ(translate_query("VSV verzuim", s), "(\"VSV\" OR \"voortijdig schoolverlaten\" OR \"voortijdige schoolverlaters\") AND \"verzuim\"");
    EXPECT_EQ(translate_query("voortijdig schoolverlaten", s),
              "((\"voortijdig\" AND \"schoolverlaten\") OR \"vsv\" OR \"voortijdige schoolverlaters\")")
        << "the words as typed keep their meaning (both, anywhere), the other forms are phrases";
    EXPECT_EQ(translate_query("Regionale MELD- en Coördinatiefunctie", s),
              "((\"Regionale\" AND \"MELD-\" AND \"en\" AND \"Coördinatiefunctie\") OR \"rmc\")");
    EXPECT_EQ(translate_query("vsv OR rmc", s), "(\"vsv\" OR \"voortijdig schoolverlaten\" OR \"voortijdige schoolverlaters\" OR \"rmc\" OR "
                                                "\"regionale meld en coordinatiefunctie\")");
    EXPECT_EQ(translate_query("\"voortijdig schoolverlaten\" -vsv title:rmc vsv*", s),
              "(\"voortijdig schoolverlaten\" AND title : \"rmc\" AND \"vsv\" *) NOT \"vsv\"")
        << "phrases, excluded words, fields and prefixes are taken as typed";
    EXPECT_EQ(translate_query("voortijdig OR schoolverlaten", s), "(\"voortijdig\" OR \"schoolverlaten\")") << "an OR splits the run";
}

TEST(QueryLanguage, SynonymGroupsThatShareAFormAreOne) {
    Synonyms s;
    s.add("lvs = leerlingvolgsysteem");
    s.add("leerling volgsysteem = LVS");
    s.add("ovp = onderwijsvolgplan");
    s.add("onderwijsvolgplan = leerlingvolgsysteem");
    ASSERT_EQ(s.groups().size(), 1u);
    EXPECT_EQ(s.groups().front().size(), 5u);
    for (const auto* bad : {"lvs", "lvs = ", " = lvs", "!! = lvs"})
        EXPECT_THROW(s.add(bad), UsageError) << bad;
    const auto vsv = Synonyms::shipped().group_of({"vsv"});
    ASSERT_NE(vsv, nullptr);
    EXPECT_NE(std::find(vsv->begin(), vsv->end(), Synonyms::Form{"voortijdig", "schoolverlaten"}), vsv->end());
}

TEST(QueryLanguage, ExplainingAQueryShowsItsSynonymsAndStems) {
    const auto e = explain_query("vsv handreikingen", Synonyms::shipped());
    ASSERT_EQ(e.expansions.size(), 1u);
    EXPECT_EQ(e.expansions[0].typed, "vsv");
    EXPECT_EQ(e.expansions[0].forms.front(), "voortijdig schoolverlaten");
    EXPECT_NE(std::find(e.stems.begin(), e.stems.end(), std::pair<std::string, std::string>{"handreikingen", "handreik"}), e.stems.end());
}

TEST_F(SeededSearchTest, HostileQueriesGetResultsOrAClearUsageError) {
    const std::map<std::string, std::string> errors{
        {"verzuim OR", "bad query: OR needs a word after it (at column 9 of 'verzuim OR')"},
        {"OR verzuim", "bad query: OR needs a word before it (at column 1 of 'OR verzuim')"},
        {"\"snel terug", "bad query: a quote is not closed (at column 1 of '\"snel terug')"},
        {"*", "bad query: a '*' must follow the start of a word (at column 1 of '*')"},
        {"ab*cd", "bad query: a '*' can only end a word (at column 3 of 'ab*cd')"},
        {"^", "bad query: there is no word to search for (at column 1 of '^')"},
        {"foo:bar", "bad query: there is no field 'foo:'; the fields are title:, theme:, tag: and type: (at column 1 of 'foo:bar')"},
        {"title:", "bad query: 'title:' needs a word or a \"phrase\" right after it (at column 1 of 'title:')"},
        {"-handboek", "bad query: there is no word to search for besides the excluded ones (at column 1 of '-handboek')"},
        {"a OR -b", "bad query: an excluded word cannot be one side of an OR (at column 6 of 'a OR -b')"},
        {"- a", "bad query: a '-' must stand right before the word it excludes (at column 1 of '- a')"},
        {"", "bad query: there is no word to search for (at column 1 of '')"},
        {"a \xff", "bad query: the query is not valid UTF-8 (at column 1 of 'a \xff')"},
    };
    for (const auto& [query, message] : errors)
        EXPECT_EQ(usage_error(query), message) << query;
    for (const char* fine : {"NEAR(verzuim", "verzuim)", "a AND AND b", "'; DROP TABLE documents; --",
                             "\"\"", "verzuim ^ leerplicht", "x:y:z verzuim", "{title}: verzuim", "\\ verzuim"}) {
        try {
            search(library(), fine, {});
        } catch (const UsageError& e) {
            EXPECT_EQ(std::string(e.what()).find("fts5"), std::string::npos) << fine << ": " << e.what();
            EXPECT_EQ(std::string(e.what()).find("SQL"), std::string::npos) << fine << ": " << e.what();
        }
    }
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 123);
}

TEST_F(SeededSearchTest, APluralFindsEveryTitleWithTheSingular) {
    std::set<std::string> expected;
    for (const auto& d : list_documents(library(), {}))
        if (unicode::fold(d.title).find("handreiking") != std::string::npos)
            expected.insert(d.title);
    EXPECT_EQ(expected.size(), 14u);
    EXPECT_EQ(title_set("handreikingen"), expected);
    EXPECT_EQ(title_set("HANDREIKING"), expected);
}

TEST_F(SeededSearchTest, FiltersNarrowTheHits) {
    Filter f;
    f.themes = {"Thuiszitters"};
    EXPECT_EQ(titles("handreiking", f), std::vector<std::string>{"Handreiking Onderwijs, zorgen de leerplichtwet, mei 2021"});
    f = {};
    f.year = 2020;
    f.type = "handreiking";
    EXPECT_EQ(title_set("handreiking", f),
              (std::set<std::string>{"Handreiking implementatie MAS versie april 2020",
                                     "Handreiking aanwezigheidsregistratie - Ingrado, november 2020",
                                     "Handreiking vavo - Ingrado, juni 2020"}));
    f = {};
    f.limit = 3;
    EXPECT_EQ(titles("leerplicht", f).size(), 3u);
}

TEST_F(SeededSearchTest, ExclusionRemovesEveryHandbook) {
    const auto hits = titles("leerplicht -handboek");
    EXPECT_FALSE(hits.empty());
    for (const auto& t : hits)
        EXPECT_EQ(unicode::fold(t).find("handboek"), std::string::npos) << t;
    EXPECT_EQ(titles("leerplicht NOT handboek"), hits);
}

TEST_F(SeededSearchTest, TitlesRankAboveThemesAndFieldsLimitWhereToLook) {
    // Every title with the word comes before the documents that only sit under the theme.
    const auto ranked = titles("thuiszitters");
    std::size_t in_title = 0;
    while (in_title < ranked.size() && unicode::fold(ranked[in_title]).find("thuiszitters") != std::string::npos)
        ++in_title;
    EXPECT_EQ(in_title, 4u);
    for (std::size_t i = in_title; i < ranked.size(); ++i)
        EXPECT_EQ(unicode::fold(ranked[i]).find("thuiszitters"), std::string::npos) << ranked[i];
    Filter many;
    many.limit = 200;
    EXPECT_EQ(titles("theme:thuiszitters", many).size(), 31u);
    EXPECT_EQ(title_set("title:gamen"), std::set<std::string>{"Handreiking gamen - Ingrado, november 2018"});
    EXPECT_EQ(title_set("type:checklist").size(), 3u);
    EXPECT_EQ(title_set("\"snel terug naar school\""),
              std::set<std::string>{"Handreiking Snel terug naar school is veel beter"});
    EXPECT_TRUE(title_set("\"terug snel\"").empty()) << "a phrase keeps its order";
    EXPECT_EQ(title_set("schimmelpenn*"), std::set<std::string>{"Boekje Schimmelpennincklezing 2016"});
    EXPECT_EQ(title_set("vavo OR lecso").size(), 2u);
}

TEST_F(SearchTest, AccentsAndCaseNeverMatter) {
    listed({{"Thema", "Regionale coördinatie van verzuim", "https://x.test/1.pdf"},
            {"Thema", "Eén loket voor jongeren", "https://x.test/2.pdf"}});
    EXPECT_EQ(titles("coordinatie"), std::vector<std::string>{"Regionale coördinatie van verzuim"});
    EXPECT_EQ(titles("COÖRDINATIE"), std::vector<std::string>{"Regionale coördinatie van verzuim"});
    EXPECT_EQ(titles("een loket"), std::vector<std::string>{"Eén loket voor jongeren"});
}

TEST_F(SearchTest, FindsWordsInsideFetchedFilesWithTheirPage) {
    test::TestServer server;
    const std::string body = test::make_pdf({"Inleiding", "Over de schoolverzuimregistratie in het voortgezet onderwijs"});
    server.server().Get("/doc.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(body, "application/pdf");
    });
    listed({{"Thema", "Jaarverslag", server.url("/doc.pdf")}});
    EXPECT_TRUE(titles("schoolverzuimregistratie").empty());
    FetchOptions o;
    o.network.retries = 0;
    fetch(library(), o);
    const auto hits = search(library(), "schoolverzuimregistratie", {});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].page, 2);
    EXPECT_NE(hits[0].snippet.find(std::string(1, highlight_begin) + "schoolverzuimregistratie" + highlight_end),
              std::string::npos)
        << hits[0].snippet;
    EXPECT_EQ(search(library(), "jaarverslag", {}).front().page, std::nullopt) << "a title hit names no page";
}

TEST_F(SearchTest, TheIndexFollowsNewVersionsMergesAndWithdrawals) {
    test::TestServer server;
    std::string body = test::make_pdf({"eerste versie over fietsenstallingen"});
    server.server().Get("/a.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(body, "application/pdf");
    });
    const std::string same = test::make_pdf({"hetzelfde bestand"});
    server.server().Get("/b.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(same, "application/pdf");
    });
    server.server().Get("/c.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(same, "application/pdf");
    });
    listed({{"Thema", "Alfa", server.url("/a.pdf")},
            {"Thema", "Bravo", server.url("/b.pdf")},
            {"Ander thema", "Charlie", server.url("/c.pdf")}});
    FetchOptions o;
    o.network.retries = 0;
    fetch(library(), o);
    EXPECT_EQ(titles("fietsenstallingen"), std::vector<std::string>{"Alfa"});
    // Bravo and Charlie are one document now, shown under its longest title, found by both.
    EXPECT_EQ(title_set("bravo"), std::set<std::string>{"Charlie"});
    EXPECT_EQ(search(library(), "charlie", {}).front().document.id, 2);
    EXPECT_EQ(title_set("theme:\"ander thema\""), std::set<std::string>{"Charlie"});

    body = test::make_pdf({"tweede versie over parkeerplaatsen"});
    o.mode = FetchOptions::Mode::all;
    fetch(library(), o);
    EXPECT_TRUE(titles("fietsenstallingen").empty()) << "only the current version is searched";
    EXPECT_EQ(titles("parkeerplaatsen"), std::vector<std::string>{"Alfa"});

    listed({{"Thema", "Bravo", server.url("/b.pdf")}, {"Ander thema", "Charlie", server.url("/c.pdf")}});
    EXPECT_TRUE(titles("parkeerplaatsen").empty()) << "withdrawn documents are left out";
    Filter all;
    all.status = "all";
    EXPECT_EQ(titles("parkeerplaatsen", all), std::vector<std::string>{"Alfa"});
    EXPECT_EQ(db().sql().execAndGet("SELECT count(*) FROM search_index").getInt(),
              db().sql().execAndGet("SELECT count(*) FROM documents").getInt());
}

TEST_F(SearchTest, ARebuiltIndexHoldsEachDocumentOnceAndRanksAsBefore) {
    listed({{"Thema", "Handreikingen voor scholen", {}}, {"Thema", "Protocol verzuim", {}}});
    const std::string rank = db().sql().execAndGet("SELECT v FROM search_index_config WHERE k = 'rank'").getString();
    db().sql().exec("UPDATE meta SET value = 'old' WHERE key = 'search.stemmer_version'");
    Library reopened(Context{dir() / "home", false, std::nullopt, {}});
    auto& sql = reopened.impl().db.sql();
    EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM search_index").getInt(), 2);
    EXPECT_EQ(sql.execAndGet("SELECT v FROM search_index_config WHERE k = 'rank'").getString(), rank)
        << "titles still weigh most";
    EXPECT_EQ(sql.execAndGet("SELECT v FROM search_index_config WHERE k = 'hashsize'").getInt(), 32 << 20)
        << "new words are still gathered in memory in large runs";
    EXPECT_EQ(search(reopened, "handreiking", {}).size(), 1u);
}

TEST_F(SearchTest, AChangedStemmerRebuildsTheIndex) {
    listed({{"Thema", "Handreikingen voor scholen", {}}});
    db().sql().exec("UPDATE meta SET value = 'old' WHERE key = 'search.stemmer_version'");
    db().sql().exec("DELETE FROM search_index");
    EXPECT_TRUE(titles("handreiking").empty());
    Library reopened(Context{dir() / "home", false, std::nullopt, {}});
    EXPECT_EQ(search(reopened, "handreiking", {}).size(), 1u);
}
