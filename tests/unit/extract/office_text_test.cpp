#include "extract/text_extract.hpp"
#include "legacy_office_fixture.hpp"
#include "office_fixture.hpp"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

namespace {

class OfficeTextTest : public ::testing::Test {
protected:
    fs::path write(const std::string& name, const std::string& bytes) {
        const fs::path p = m_dir / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // Reads the file, and fails the test when that takes more than a few seconds.
    ExtractedText read(const fs::path& file, const std::string& mime) {
        const auto start = std::chrono::steady_clock::now();
        ExtractedText t = extract_text(file, mime);
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << file;
        return t;
    }

private:
    fs::path m_dir = fs::temp_directory_path() / ("kennis-office-" + std::to_string(::getpid()));
    bool m_made = fs::create_directories(m_dir);
};

constexpr const char* docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* xlsx_mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* pptx_mime = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

} // namespace

TEST_F(OfficeTextTest, AWordFileIsReadPageByPageAsWordLaidItOut) {
    const auto t = read(write("brief.docx", make_docx({{"Geachte ouders,", "uw kind verzuimt."}, {"Met vriendelijke groet"}})), docx_mime);
    ASSERT_TRUE(t.has_text()) << t.reason;
    ASSERT_EQ(t.pages.size(), 2u);
    EXPECT_EQ(t.pages[0], "Geachte ouders,\nuw kind verzuimt.\n");
    EXPECT_EQ(t.pages[1], "Met vriendelijke groet\n");
    EXPECT_TRUE(t.parts.empty()) << "pages are numbered, not named";
}

TEST_F(OfficeTextTest, AnExcelFileIsReadSheetBySheet) {
    const auto t = read(write("lijst.xlsx", make_xlsx({{"Leerlingen", {{"naam", "school"}, {"Anna", "Het Baken"}}},
                                                        {"Verzuim", {{"uren", "16"}}}})),
                        xlsx_mime);
    ASSERT_TRUE(t.has_text()) << t.reason;
    ASSERT_EQ(t.parts, (std::vector<std::string>{"blad: Leerlingen", "blad: Verzuim"}));
    EXPECT_NE(t.pages[0].find("Het Baken"), std::string::npos);
    EXPECT_NE(t.pages[1].find("uren\t16"), std::string::npos);
}

TEST_F(OfficeTextTest, APowerPointFileIsReadSlideBySlide) {
    const auto t = read(write("les.pptx", make_pptx({{"Thuiszitters"}, {"Aanpak", "Samenwerkingsverband"}})), pptx_mime);
    ASSERT_TRUE(t.has_text()) << t.reason;
    ASSERT_EQ(t.parts, (std::vector<std::string>{"dia 1", "dia 2"}));
    EXPECT_EQ(t.pages[1], "Aanpak\nSamenwerkingsverband\n");
}

TEST_F(OfficeTextTest, OpenDocumentFilesAreReadByPageSheetAndSlide) {
    const auto odt = read(write("brief.odt", make_odf("text", "<office:text><text:p>Eerste <text:span>pagina</text:span> hier</text:p>"
                                                              "<text:soft-page-break/><text:h>Tweede</text:h></office:text>")),
                          "application/vnd.oasis.opendocument.text");
    ASSERT_TRUE(odt.has_text()) << odt.reason;
    ASSERT_EQ(odt.pages.size(), 2u);
    EXPECT_EQ(odt.pages[0], "Eerste pagina hier\n") << "text in order, spans and all";
    EXPECT_EQ(odt.pages[1], "Tweede\n");

    const auto ods = read(write("lijst.ods", make_odf("spreadsheet", "<office:spreadsheet><table:table table:name=\"Scholen\"><table:table-row>"
                                                                     "<table:table-cell><text:p>Het Baken</text:p></table:table-cell>"
                                                                     "</table:table-row></table:table></office:spreadsheet>")),
                          "application/vnd.oasis.opendocument.spreadsheet");
    ASSERT_EQ(ods.parts, (std::vector<std::string>{"blad: Scholen"}));
    EXPECT_NE(ods.pages[0].find("Het Baken"), std::string::npos);

    const auto odp = read(write("les.odp", make_odf("presentation", "<office:presentation><draw:page draw:name=\"a\"><text:p>Een</text:p></draw:page>"
                                                                    "<draw:page draw:name=\"b\"><text:p>Twee</text:p></draw:page></office:presentation>")),
                          "application/vnd.oasis.opendocument.presentation");
    ASSERT_EQ(odp.parts, (std::vector<std::string>{"dia 1", "dia 2"}));
    EXPECT_EQ(odp.pages[1], "Twee\n");
}

TEST_F(OfficeTextTest, AnOldExcelFileIsReadSheetBySheet) {
    const auto t = read(write("lijst.xls", make_xls({{"Leerlingen", {{"naam", "school"}, {"Anna", "Het Baken"}}},
                                                      {"Verzuim", {{"geoorloofd", "ongeoorloofd"}}}})),
                        "application/vnd.ms-excel");
    ASSERT_TRUE(t.has_text()) << t.reason;
    ASSERT_EQ(t.parts, (std::vector<std::string>{"blad: Leerlingen", "blad: Verzuim"}));
    EXPECT_EQ(t.pages[0], "naam\tschool\t\nAnna\tHet Baken\t\n");
    EXPECT_NE(t.pages[1].find("ongeoorloofd"), std::string::npos);
}

TEST_F(OfficeTextTest, AnOldWordFileIsReadAsOnePartWithItsAccents) {
    const auto t = read(write("brief.doc", make_doc({{"Geachte ouders,", "uw kind verzuimt."}, {"Met vriendelijke groet,", "de leerplichtambtenaar van Zuidwolde-Oost"},
                                                     {"Bijlage: café-regeling"}})),
                        "application/msword");
    ASSERT_TRUE(t.has_text()) << t.reason;
    ASSERT_EQ(t.pages.size(), 1u);
    EXPECT_TRUE(t.parts.empty());
    for (const char* words : {"Geachte ouders,", "uw kind verzuimt.", "Zuidwolde-Oost", "café-regeling"})
        EXPECT_NE(t.pages[0].find(words), std::string::npos) << words;
}

TEST_F(OfficeTextTest, AnRtfFileIsReadPageByPageWithoutItsHiddenGroups) {
    const std::string rtf = R"({\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;})"
                            R"({\stylesheet{\s0 Normal;}}{\info{\author Verborgen Auteur}{\title Verborgen titel}})"
                            R"({\header\pard Koptekst\par}{\*\generator Msftedit;})"
                            R"(\pard\plain Geachte ouders,\par Uw kind is leerplichtig tot en met het schooljaar waarin het 16 wordt.\par)"
                            "\n"
                            R"(\page Cr\'e8che en caf\'e9 \u8364?5 {\field{\*\fldinst HYPERLINK "https://x"}{\fldrslt de link}})"
                            R"(\par {\uc2\u25991\'3f\'3f}{\pict\wmetafile8 0102ABCDEF}\bin3 {}} en \{haakjes\}\par\page})";
    const auto t = read(write("brief.rtf", rtf), "application/rtf");
    ASSERT_TRUE(t.has_text()) << t.reason;
    ASSERT_EQ(t.pages.size(), 2u) << "a last \\page begins no page";
    EXPECT_EQ(t.pages[0], "Geachte ouders,\nUw kind is leerplichtig tot en met het schooljaar waarin het 16 wordt.\n");
    EXPECT_EQ(t.pages[1], "Crèche en café €5 de link\n文 en {haakjes}\n");
}

TEST_F(OfficeTextTest, AHostileRtfFileEndsQuickly) {
    // Nesting a million deep, a \bin past the end of the file, and a \page a hundred thousand times.
    std::string rtf = "{\\rtf1 " + std::string(1'000'000, '{') + "diep" + std::string(1'000'000, '}');
    for (int i = 0; i < 200'000; ++i)
        rtf += "x\\page ";
    rtf += "\\bin999999999 }";
    const auto t = read(write("vijandig.rtf", rtf), "application/rtf");
    ASSERT_TRUE(t.has_text()) << t.reason;
    EXPECT_EQ(t.pages[0], "diepx");
    EXPECT_LE(t.pages.size(), 100'001u) << "pages are capped";
    EXPECT_FALSE(read(write("nep.rtf", "{\\rt nothing"), "application/rtf").has_text());
}

TEST_F(OfficeTextTest, AZipBombEndsWithAReasonAndNoText) {
    // 100 MiB of spaces in one part, deflated to a tenth of a megabyte.
    const std::string bomb = make_docx({{std::string(100u << 20, ' ')}});
    ASSERT_LT(bomb.size(), 1u << 20);
    const auto t = read(write("bom.docx", bomb), docx_mime);
    EXPECT_FALSE(t.has_text());
    EXPECT_NE(t.reason.find("zip bomb"), std::string::npos) << t.reason;
    EXPECT_TRUE(t.pages.empty());
}

TEST_F(OfficeTextTest, AZipOfTooManyEntriesEndsWithAReason) {
    std::vector<std::pair<std::string, std::string>> parts{{"[Content_Types].xml", content_types}};
    for (int i = 0; i < 10001; ++i)
        parts.emplace_back(fmt::format("word/media/{}.bin", i), "");
    parts.emplace_back("word/document.xml", "<w:document/>");
    const auto t = read(write("veel.docx", zip_of(parts)), docx_mime);
    EXPECT_FALSE(t.has_text());
    EXPECT_NE(t.reason.find("more than 10000 entries"), std::string::npos) << t.reason;
}

TEST_F(OfficeTextTest, XmlEntitiesAreNeitherExpandedNorFetched) {
    fs::path secret = write("geheim.txt", "GEHEIM-WACHTWOORD");
    std::string laughs = "<!DOCTYPE w:document [<!ENTITY a \"hahahahahahahahaha\">";
    for (char c = 'b'; c <= 'k'; ++c)
        laughs += fmt::format("<!ENTITY {} \"&{};&{};&{};&{};&{};&{};&{};&{};&{};&{};\">", c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1,
                              c - 1, c - 1, c - 1);
    laughs += fmt::format("<!ENTITY x SYSTEM \"file://{}\">]>", secret.string());
    const std::string document = laughs + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                          "<w:body><w:p><w:r><w:t>voor &k; &x; na</w:t></w:r></w:p></w:body></w:document>";
    const auto t = read(write("entiteiten.docx", zip_of({{"[Content_Types].xml", content_types}, {"word/document.xml", document}})), docx_mime);
    std::string all;
    for (const auto& p : t.pages)
        all += p;
    EXPECT_EQ(all.find("GEHEIM"), std::string::npos) << "no file outside the document is read";
    EXPECT_EQ(all.find("hahaha"), std::string::npos) << "no entity is expanded";
    EXPECT_LT(all.size(), 1000u);
}

TEST_F(OfficeTextTest, DamagedFilesEndWithAReason) {
    for (const auto& [name, bytes, mime] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"kapot.docx", "PK\x03\x04 nothing more", docx_mime},
             {"leeg.xlsx", zip_of({{"[Content_Types].xml", content_types}}), xlsx_mime},
             {"fout.pptx", zip_of({{"[Content_Types].xml", content_types}, {"ppt/presentation.xml", "<p:presentation"}}), pptx_mime},
             {"kapot.xls", "\xD0\xCF\x11\xE0 not really", "application/vnd.ms-excel"},
             {"kapot.doc", "\xD0\xCF\x11\xE0 not really", "application/msword"}}) {
        const auto t = read(write(name, bytes), mime);
        EXPECT_FALSE(t.has_text()) << name;
        EXPECT_FALSE(t.reason.empty()) << name;
    }
}
