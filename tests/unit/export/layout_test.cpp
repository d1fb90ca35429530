#include "export_fixture.hpp"
#include "export/layout.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/export.hpp"
#include "kennis/filename.hpp"
#include "pdf_fixture.hpp"
#include "stocked_store.hpp"
#include "test_server.hpp"

#include <fmt/format.h>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

TEST(ExportTemplate, FieldsMakeFoldersAndSafeNames) {
    Document d;
    d.title = "Rapport: verzuim <PO/VO>?";
    d.slug = "rapport-verzuim";
    d.themes = {"Verzuim 18-", "Thuiszitters"};
    d.tags = {"regio/zaanstad"};
    d.type = "Rapport";
    d.date = "2021-05";
    EXPECT_EQ(PathTemplate::for_layout("theme").paths(d, ".pdf", 200),
              (std::vector<std::string>{"Verzuim 18-/Rapport - verzuim PO-VO.pdf", "Thuiszitters/Rapport - verzuim PO-VO.pdf"}));
    EXPECT_EQ(PathTemplate::for_layout("tag").paths(d, ".pdf", 200),
              std::vector<std::string>{"regio/zaanstad/Rapport - verzuim PO-VO.pdf"})
        << "a tag's levels are nested folders";
    EXPECT_EQ(PathTemplate("{year}/{type}/{slug}{ext}").paths(d, ".pdf", 200),
              std::vector<std::string>{"2021/Rapport/rapport-verzuim.pdf"});
    EXPECT_EQ(PathTemplate("{publisher} - {date}{ext}").paths(d, ".pdf", 200), std::vector<std::string>{"onbekend - 2021-05.pdf"});
    EXPECT_EQ(PathTemplate::for_layout("flat").paths(d, "", 200), std::vector<std::string>{"Rapport - verzuim PO-VO"});
    EXPECT_THROW(PathTemplate("{thema}/{title}"), UsageError);
    EXPECT_THROW(PathTemplate("{theme/{title}"), UsageError);
    EXPECT_THROW(PathTemplate("../{title}"), UsageError);
    EXPECT_THROW(PathTemplate::for_layout("year"), UsageError);

    d.title = std::string(300, 'a');
    const auto path = PathTemplate::for_layout("theme").paths(d, ".pdf", 200).front();
    EXPECT_LE(path.size(), 200u);
    EXPECT_TRUE(path.ends_with("aaa.pdf")) << "a shortened name keeps its extension";
}

TEST_F(SeededExportTest, ByThemeEveryFolderHoldsItsDocumentsWithSafeNames) {
    const auto r = run();
    EXPECT_EQ(r.documents, 123u);
    EXPECT_TRUE(r.skipped.empty());
    std::size_t expected = 0;
    for (const auto& theme : list_themes(library())) {
        Filter f;
        f.themes = {theme.name};
        const auto docs = list_documents(library(), f);
        expected += docs.size();
        std::size_t in_folder = 0;
        for (const auto& e : fs::directory_iterator(dest() / safe_file_name(theme.name, "")))
            in_folder += e.is_regular_file() ? 1 : 0;
        EXPECT_EQ(in_folder, docs.size()) << theme.name;
    }
    EXPECT_EQ(r.written, expected);
    EXPECT_EQ(r.linked, expected) << "the store and DEST share a file system: hard links";
    EXPECT_EQ(files_under(dest()).size(), expected);
    EXPECT_TRUE(check_windows_names(dest()).empty());
    EXPECT_EQ(std::system(fmt::format("cd '{}' && sha256sum --quiet -c SHA256SUMS", dest().string()).c_str()), 0);

    const std::string csv = test::read_file(dest() / "catalogue.csv");
    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFid,title,themes,tags,date,sha256,path\r\n"));
    EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), expected + 1);
    const std::string html = test::read_file(dest() / "index.html");
    EXPECT_EQ(html.find("http:"), std::string::npos) << "no external assets, no absolute links";
    EXPECT_EQ(html.find("https:"), std::string::npos);
    std::size_t links = 0;
    for (auto at = html.find("<li data-doc"); at != std::string::npos; at = html.find("<li data-doc", at + 1))
        ++links;
    EXPECT_EQ(links, expected) << "every exported file is listed";
}

TEST_F(ExportTest, HostileTitlesStayInsideDestWithWindowsSafeDistinctNames) {
    const std::string nfd = "Coo\xCC\x88rdinatie";
    listed({{"Thema", "../../etc/passwd", "https://x.test/1.pdf"},
            {"Thema", "CON", "https://x.test/2.pdf"},
            {"Thema", "aux.pdf", "https://x.test/3.pdf"},
            {"Thema", std::string(300, 'x'), "https://x.test/4.pdf"},
            {"Thema", "Verzuim \xF0\x9F\x93\x9A", "https://x.test/5.pdf"},
            {"Thema", nfd, "https://x.test/6.pdf"},
            {"Thema", "Rapport", "https://x.test/7.pdf"},
            {"Thema", "RAPPORT", "https://x.test/8.pdf"},
            {"Thema", "Trailing dots...", "https://x.test/9.pdf"},
            {"Thema", "Wat? <ja>|nee* \"zeker\"", "https://x.test/10.pdf"}});
    for (std::int64_t id = 1; id <= 10; ++id)
        test::stock(library(), id, fmt::format("%PDF-1.4 {}", id));
    const auto r = run();
    EXPECT_EQ(r.written, 10u);
    EXPECT_TRUE(check_windows_names(dest()).empty());
    const auto files = files_under(dest());
    EXPECT_EQ(files.size(), 10u);
    for (const auto& f : files)
        EXPECT_TRUE(f.starts_with("Thema/") && std::count(f.begin(), f.end(), '/') == 1) << f;
    EXPECT_TRUE(files.contains("Thema/-..-etc-passwd.pdf"));
    EXPECT_TRUE(files.contains("Thema/CON_.pdf"));
    EXPECT_TRUE(files.contains("Thema/Aux_.pdf.pdf"));
    EXPECT_TRUE(files.contains("Thema/Rapport.pdf"));
    EXPECT_TRUE(files.contains("Thema/RAPPORT (2).pdf")) << "Samba compares names without case";
    EXPECT_TRUE(files.contains("Thema/Co\xC3\xB6rdinatie.pdf")) << "names are NFC";
    EXPECT_TRUE(files.contains("Thema/Verzuim \xF0\x9F\x93\x9A.pdf"));
    EXPECT_TRUE(files.contains("Thema/Trailing dots.pdf"));
    for (const auto& f : files)
        EXPECT_EQ(windows_name_problem(fs::path(f).filename().string()), "") << f;
}

TEST_F(ExportTest, DocumentsWithoutAStoredFileAreSkipped) {
    listed({{"Thema", "Niet opgehaald", "https://x.test/1.pdf"}, {"Thema", "Opgehaald", "https://x.test/2.pdf"}});
    test::stock(library(), 2, "%PDF-1.4 twee");
    ExportOptions plan;
    plan.dry_run = true;
    EXPECT_EQ(run(plan).changes.size(), 1u);
    EXPECT_FALSE(fs::exists(dest())) << "a dry run does not even make DEST";
    for (int i = 0; i < 2; ++i) { // the second run has nothing to do, and says the same
        const auto r = run();
        EXPECT_EQ(r.written, i == 0 ? 1u : 0u);
        EXPECT_EQ(r.documents, 1u);
        ASSERT_EQ(r.skipped.size(), 1u);
        EXPECT_EQ(r.skipped[0].title, "Niet opgehaald");
        EXPECT_EQ(r.skipped[0].reason, "not fetched");
    }
}

TEST_F(ExportTest, FetchFirstStoresWhatIsMissingAndExportsIt) {
    test::TestServer server;
    const std::string body = test::make_pdf({"opgehaald voor de export"});
    server.server().Get("/a.pdf", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, "application/pdf"); });
    listed({{"Thema", "Op te halen", server.url("/a.pdf")}, {"Thema", "Zonder link", {}}});
    ExportOptions o;
    o.fetch = true;
    o.fetch_options.network.retries = 0;
    const auto r = run(o);
    ASSERT_TRUE(r.fetch);
    EXPECT_EQ(r.fetch->downloaded, 1u);
    EXPECT_EQ(r.written, 1u);
    EXPECT_EQ(test::read_file(dest() / "Thema" / "Op te halen.pdf"), body);
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].reason, "no download link");
}
