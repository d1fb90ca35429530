#include "catalogue_fixture.hpp"
#include "legacy_office_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/export.hpp"
#include "kennis/fetch.hpp"
#include "kennis/search.hpp"
#include "kennis/sync.hpp"
#include "office_fixture.hpp"
#include "test_server.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <iterator>

using namespace kennis;
using namespace kennis::test;

namespace {

// Office and OpenDocument files behind links, served as application/octet-stream (as many
// servers do): their type is taken from their bytes and their words are searchable by part.
class OfficeSearchTest : public CatalogueTest {
protected:
    void SetUp() override {
        const std::vector<std::tuple<std::string, std::string, std::string>> files{
            {"Modelbrief verzuim", "brief", make_docx({{"Geachte ouders"}, {"kwalificatieplichtig tot achttien"}})},
            {"Registratieformulier", "lijst", make_xlsx({{"Toelichting", {{"lees dit"}}}, {"Leerlingen", {{"naam", "Zwaluwschool"}}}})},
            {"Presentatie aanpak", "dia", make_pptx({{"Welkom"}, {"Doorzettingsmacht"}, {"Vragen"}})},
            {"Verslag overleg", "odt", make_odf("text", "<office:text><text:p>Klokkenluidersregeling</text:p></office:text>")},
            {"Rooster", "ods", make_odf("spreadsheet", "<office:spreadsheet><table:table table:name=\"Maandag\"><table:table-row><table:table-cell>"
                                                       "<text:p>Gymzaalrooster</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>")},
            {"Workshop", "odp", make_odf("presentation", "<office:presentation><draw:page><text:p>Intro</text:p></draw:page><draw:page>"
                                                         "<text:p>Schoolmaatschappelijk</text:p></draw:page></office:presentation>")},
            {"Oude aanmeldlijst", "xls", make_xls({{"Blad1", {{"leeg"}}}, {"Scholen", {{"naam"}, {"Dorpsschool Eikenhorst"}}}})},
            {"Oude modelbrief", "doc", make_doc({{"Geachte heer, mevrouw,", "uw zoon is meerderjarig geworden."}})},
            {"Uitnodiging", "rtf", "{\\rtf1\\ansi Voorblad\\page Uitnodiging voor het verzuimspreekuur\\par}"},
        };
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        for (const auto& [title, name, bytes] : files) {
            server.server().Get("/media/" + name, [body = bytes](const httplib::Request&, httplib::Response& res) {
                res.set_content(body, "application/octet-stream");
            });
            l.entries.push_back({"Thema", title, server.url("/media/" + name)});
        }
        apply_listings(library(), {l}, true);
        FetchOptions o;
        o.network.retries = 0;
        const FetchReport r = fetch(library(), o);
        ASSERT_EQ(r.downloaded, files.size());
        ASSERT_TRUE(r.failed.empty());
    }

    TestServer server;
};

} // namespace

TEST_F(OfficeSearchTest, AWordFromEachFormatIsFoundInItsDocumentAndPart) {
    const std::vector<std::tuple<std::string, std::string, std::optional<int>, std::optional<std::string>>> expected{
        {"kwalificatieplichtig", "Modelbrief verzuim", 2, std::nullopt},
        {"zwaluwschool", "Registratieformulier", 2, "blad: Leerlingen"},
        {"doorzettingsmacht", "Presentatie aanpak", 2, "dia 2"},
        {"klokkenluidersregeling", "Verslag overleg", 1, std::nullopt},
        {"gymzaalrooster", "Rooster", 1, "blad: Maandag"},
        {"schoolmaatschappelijk", "Workshop", 2, "dia 2"},
        {"eikenhorst", "Oude aanmeldlijst", 2, "blad: Scholen"},
        {"meerderjarig", "Oude modelbrief", 1, std::nullopt},
        {"verzuimspreekuur", "Uitnodiging", 2, std::nullopt},
    };
    for (const auto& [word, title, page, part] : expected) {
        const auto hits = search(library(), word, {});
        ASSERT_EQ(hits.size(), 1u) << word;
        EXPECT_EQ(hits[0].document.title, title) << word;
        EXPECT_EQ(hits[0].page, page) << word;
        EXPECT_EQ(hits[0].part, part) << word;
    }
    EXPECT_EQ(find_document(library(), "Registratieformulier").current()->mime,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        << "the type is the bytes', not the server's";
}

TEST_F(OfficeSearchTest, TheShareNamesTheSheetOrSlideOfAHit) {
    ExportOptions o;
    o.dest = dir() / "share";
    export_documents(library(), o);
    std::ifstream in(o.dest / "zoekindex/index.txt");
    const std::string index((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(index.find("\"blad: Leerlingen\""), std::string::npos);
    EXPECT_NE(index.find("\"dia 2\""), std::string::npos);
}
