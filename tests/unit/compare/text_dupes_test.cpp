#include "catalogue_fixture.hpp"
#include "compare/text_identity.hpp"
#include "kennis/browse.hpp"
#include "kennis/dupes.hpp"
#include "kennis/fetch.hpp"
#include "kennis/search.hpp"
#include "kennis/sync.hpp"
#include "test_server.hpp"
#include "text_documents.hpp"

#include <gtest/gtest.h>

using namespace kennis;
using namespace kennis::test;

namespace {

// A Kennisbank whose documents' files the test chooses, fetched into a fresh catalogue.
class TextDupesTest : public CatalogueTest {
protected:
    // Serves each (title, file) behind a link of its own, syncs and fetches them.
    FetchReport fetch_files(const std::vector<std::pair<std::string, std::string>>& files) {
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        for (const auto& [title, bytes] : files) {
            const std::string path = "/media/" + std::to_string(m_served++) + ".pdf";
            server.server().Get(path, [body = bytes](const httplib::Request&, httplib::Response& res) { res.set_content(body, "application/pdf"); });
            l.entries.push_back({"Thema", title, server.url(path)});
        }
        apply_listings(library(), {l}, true);
        FetchOptions o;
        o.network.retries = 0;
        o.ocr = OcrMode::never; // the files without text are to stay without text
        return fetch(library(), o);
    }
    std::int64_t id_of(const std::string& title) { return find_document(library(), title).id; }
    // The text suspects as "title a | title b | reason".
    std::vector<std::pair<std::string, double>> text_suspects() {
        std::vector<std::pair<std::string, double>> out;
        for (const auto& s : find_dupes(library(), {}).suspects)
            if (s.reason.find("text") != std::string::npos || s.reason.find("contains") != std::string::npos)
                out.emplace_back(s.a.title + " | " + s.b.title + " | " + s.reason, s.similarity);
        return out;
    }

    TestServer server;

private:
    int m_served = 0;
};

} // namespace

TEST(TextIdentityTest, TheFingerprintIgnoresCaseAccentsAndHowLinesAreBroken) {
    const auto a = text_identity({"De Leerplichtambtenaar  en de\nSCHOOL", "Crèche"});
    const auto b = text_identity({"de leerplichtambtenaar en de school creche"});
    EXPECT_EQ(a.fingerprint, b.fingerprint);
    EXPECT_EQ(a.words, 6);
    EXPECT_NE(a.fingerprint, text_identity({"de leerplichtambtenaar en de school"}).fingerprint);
    EXPECT_EQ(decode_sample(encode_sample(a.sample)), a.sample);
}

TEST_F(TextDupesTest, TheSameTextInTwoDifferentFilesMergesAsSameText) {
    const auto words = dutch_words(400, 1);
    const auto pdf_a = pdf_of_words(words, 12), pdf_b = pdf_of_words(words, 7);
    ASSERT_NE(pdf_a, pdf_b);
    const FetchReport r = fetch_files({{"Handreiking thuiszitters", pdf_a}, {"Thuiszitterspact uitleg 2021", pdf_b}});
    ASSERT_TRUE(r.failed.empty());
    ASSERT_EQ(r.merged.size(), 1u);
    EXPECT_EQ(r.merged[0].reason, "same text");
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 1);
    const auto report = find_dupes(library(), {});
    ASSERT_EQ(report.merged.size(), 1u);
    ASSERT_EQ(report.merged[0].absorbed.size(), 1u);
    EXPECT_EQ(report.merged[0].absorbed[0].reason, "same text");

    // Taken apart by a person, they stay apart through later fetches.
    unmerge(library(), std::to_string(r.merged[0].id));
    FetchOptions again;
    again.mode = FetchOptions::Mode::refresh;
    again.network.retries = 0;
    EXPECT_TRUE(fetch(library(), again).merged.empty());
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 2);
}

TEST_F(TextDupesTest, EmptyAndShortTextsNeverMerge) {
    const auto fifty = dutch_words(50, 2);
    const FetchReport r = fetch_files({{"Scan zonder tekst A", make_pdf({""})},
                                       {"Scan zonder tekst B", make_pdf({""}, 64)},
                                       {"Korte brief A", pdf_of_words(fifty, 12)},
                                       {"Korte brief B", pdf_of_words(fifty, 5)}});
    ASSERT_TRUE(r.failed.empty());
    EXPECT_TRUE(r.merged.empty());
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 4);
    EXPECT_EQ(count("SELECT count(DISTINCT text_fingerprint) FROM blobs WHERE text_words = 50"), 1) << "the same text, too short to merge";
}

TEST_F(TextDupesTest, AnEditedCopyIsASuspectAndARewriteIsNot) {
    const auto original = dutch_words(400, 3);
    const FetchReport r = fetch_files({{"Handboek verzuim", pdf_of_words(original)},
                                       {"Werkwijze schoolverzuim regio", pdf_of_words(edited(original, 20))},
                                       {"Notitie aanpak", pdf_of_words(edited(original, 2))}});
    ASSERT_TRUE(r.failed.empty());
    const auto suspects = text_suspects();
    ASSERT_EQ(suspects.size(), 1u);
    EXPECT_EQ(suspects[0].first, "Handboek verzuim | Werkwijze schoolverzuim regio | nearly the same text");
    EXPECT_GT(suspects[0].second, 0.6);
    EXPECT_LT(suspects[0].second, 0.9) << "one word in twenty changed";
}

TEST_F(TextDupesTest, AReportThatHoldsAnotherWholeIsFoundAsContainingIt) {
    const auto appendix = dutch_words(300, 4);
    auto report = dutch_words(600, 5);
    report.insert(report.begin() + 300, appendix.begin(), appendix.end());
    const auto other = dutch_words(900, 6);
    const FetchReport r = fetch_files({{"Jaarverslag RMC", pdf_of_words(report)},
                                       {"Factsheet voortijdig schoolverlaten", pdf_of_words(appendix)},
                                       {"Monitor", pdf_of_words(other)}});
    ASSERT_TRUE(r.failed.empty());
    const auto suspects = text_suspects();
    ASSERT_EQ(suspects.size(), 1u);
    EXPECT_EQ(suspects[0].first, "Factsheet voortijdig schoolverlaten | Jaarverslag RMC | one contains the other");
    EXPECT_GE(suspects[0].second, 0.99);
}

TEST_F(TextDupesTest, FilesReadBeforeIdentitiesWereKeptGetThemOnTheNextFetch) {
    const auto words = dutch_words(400, 7);
    fetch_files({{"Protocol A", pdf_of_words(words, 12)}});
    db().sql().exec("UPDATE blobs SET text_fingerprint = NULL, text_words = NULL, text_sample = NULL");
    const FetchReport r = fetch_files({{"Protocol B", pdf_of_words(words, 8)}});
    ASSERT_EQ(r.merged.size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM blobs WHERE text_fingerprint IS NULL"), 0);
}

TEST_F(TextDupesTest, TheDocumentsMostAlikeComeFirstAndShowListsThem) {
    const auto text = dutch_words(400, 8);
    auto half = text;
    half.resize(200);
    const auto other = dutch_words(400, 9);
    const FetchReport r = fetch_files({{"Handreiking verzuimregistratie", pdf_of_words(text)},
                                       {"Werkwijze scholen", pdf_of_words(edited(text, 10))},
                                       {"Samenvatting", pdf_of_words(edited(half, 3))},
                                       {"Jaarverslag", pdf_of_words(other)}});
    ASSERT_TRUE(r.failed.empty());
    Filter all;
    const auto hits = search_like(library(), "Handreiking verzuimregistratie", all);
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(hits[0].document.title, "Werkwijze scholen");
    EXPECT_EQ(hits[1].document.title, "Samenvatting");
    for (const auto& h : hits) {
        EXPECT_NE(h.document.title, "Handreiking verzuimregistratie") << "the document itself is left out";
        ASSERT_TRUE(h.likeness);
        EXPECT_GE(*h.likeness, 0);
        EXPECT_LE(*h.likeness, 1);
    }
    EXPECT_GT(*hits[0].likeness, *hits.back().likeness);

    const Document shown = find_document(library(), "Handreiking verzuimregistratie");
    ASSERT_FALSE(shown.related.empty());
    EXPECT_EQ(shown.related[0].title, "Werkwijze scholen");
    EXPECT_LE(shown.related.size(), 5u);
}
