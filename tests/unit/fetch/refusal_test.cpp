#include "export_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/fetch.hpp"
#include "kennis/filename.hpp"
#include "office_fixture.hpp"
#include "pdf_fixture.hpp"
#include "test_server.hpp"

#include <map>
#include <memory>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

namespace {

// What a hostile or mistaken page can link to under a document's title, with the reason kennis
// gives for refusing it.
const std::map<std::string, std::pair<std::string, std::string>>& hostile() {
    static const std::map<std::string, std::pair<std::string, std::string>> files{
        {"pe", {std::string("MZ\x90\0\3\0\0\0", 8) + "This program cannot be run in DOS mode.", "refused: a Windows program"}},
        {"elf", {std::string("\x7F" "ELF\2\1\1\0", 8) + std::string(56, '\0'), "refused: a Linux program"}},
        {"lnk", {std::string("L\0\0\0\1\x14\2\0\0\0\0\0\xC0\0\0\0\0\0\0F", 20) + std::string(60, '\0'), "refused: a Windows shortcut (.lnk)"}},
        {"bat", {"@echo off\r\nstart calc.exe\r\n", "refused: a script"}},
        {"hta", {"<html><head><hta:application id=\"app\"/><script>new ActiveXObject('WScript.Shell')</script></head></html>",
                 "refused: an HTML application (a Windows program)"}},
        {"zip", {zip_of({{"setup.exe", "MZ program"}}), "refused: a zip file that is not an Office or OpenDocument file"}},
    };
    return files;
}

class RefusalTest : public ExportTest {
protected:
    void SetUp() override {
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        for (const auto& [name, file] : hostile()) {
            serve("/media/" + name + ".pdf", file.first, "application/pdf");
            l.entries.push_back({"Thema", "Handboek " + name, server.url("/media/" + name + ".pdf")});
        }
        serve("/media/echt.pdf", test::make_pdf({"Een echt handboek over verzuim"}), "application/pdf");
        l.entries.push_back({"Thema", "Handboek echt", server.url("/media/echt.pdf")});
        serve("/media/model.pdf",
              zip_of({{"[Content_Types].xml", content_types}, {"word/document.xml", "<w:document/>"}, {"word/vbaProject.bin", "VBA"}}),
              "application/octet-stream");
        l.entries.push_back({"Thema", "Modelbrief met macro", server.url("/media/model.pdf")});
        serve("/media/brief", zip_of({{"[Content_Types].xml", content_types}, {"word/document.xml", "<w:document/>"}}),
              "application/octet-stream");
        l.entries.push_back({"Thema", "Modelbrief", server.url("/media/brief")});
        apply_listings(library(), {l}, true);
    }

    void serve(const std::string& path, std::string body, std::string type) {
        server.server().Get(path, [body = std::move(body), type = std::move(type)](const httplib::Request&, httplib::Response& res) {
            res.set_content(body, type);
        });
    }

    FetchReport fetch_all() {
        FetchOptions o;
        o.network.retries = 0;
        return fetch(library(), o);
    }

    Document named(const std::string& title) { return find_document(library(), title); }

    TestServer server;
};

} // namespace

TEST_F(RefusalTest, ProgramsScriptsShortcutsAndZippedProgramsAreRefusedNeverStoredNeverExported) {
    const FetchReport r = fetch_all();
    std::map<std::string, std::string> why;
    for (const auto& f : r.failed)
        why[named(std::to_string(f.id)).title] = f.error;
    for (const auto& [name, file] : hostile()) {
        EXPECT_EQ(why["Handboek " + name], file.second) << name;
        const Document d = named("Handboek " + name);
        EXPECT_FALSE(d.path.has_value()) << name; // nothing stored
        EXPECT_EQ(d.urls.at(0).last_status, 200);
    }
    EXPECT_EQ(r.failed.size(), hostile().size());
    EXPECT_EQ(r.downloaded, 3u); // the PDF and the two Word files
    EXPECT_EQ(count("SELECT count(*) FROM blobs"), 3);
    for (const auto& entry : fs::recursive_directory_iterator(library().store_dir())) {
        if (entry.is_regular_file()) {
            EXPECT_NE(read_file(entry.path()).substr(0, 2), "MZ") << entry.path();
        }
    }

    run();
    const auto files = files_under(dest());
    EXPECT_EQ(files, (std::set<std::string>{"Thema/Handboek echt.pdf", "Thema/Modelbrief.docx"}));
}

TEST_F(RefusalTest, AWordFileWithMacrosIsKeptMarkedAndExportedOnlyWhenAllowed) {
    fetch_all();
    const Document docm = named("Modelbrief met macro");
    ASSERT_TRUE(docm.current());
    EXPECT_TRUE(docm.current()->macros);
    EXPECT_EQ(docm.current()->mime, "application/vnd.ms-word.document.macroEnabled.12");
    EXPECT_FALSE(named("Modelbrief").current()->macros);

    const ExportReport kept_out = run();
    ASSERT_EQ(kept_out.skipped.size(), hostile().size() + 1);
    EXPECT_TRUE(std::any_of(kept_out.skipped.begin(), kept_out.skipped.end(), [&](const ExportSkip& s) {
        return s.id == docm.id && s.reason == "carries macros (export them with --allow-macros)";
    }));
    EXPECT_FALSE(fs::exists(dest() / "Thema/Modelbrief met macro.docm"));

    ExportOptions allowed;
    allowed.allow_macros = true;
    run(allowed);
    // Named for what the bytes are, not for the .pdf its address ends in.
    EXPECT_TRUE(fs::exists(dest() / "Thema/Modelbrief met macro.docm"));
    EXPECT_NE(read_file(dest() / "index.html").find("bevat macro's"), std::string::npos);
}

TEST_F(RefusalTest, AnAdministratorCanAllowATypeByName) {
    FetchOptions o;
    o.network.retries = 0;
    o.allow_types = {"application/zip"};
    const FetchReport r = fetch(library(), o);
    EXPECT_EQ(r.failed.size(), hostile().size() - 1);
    EXPECT_TRUE(named("Handboek zip").path.has_value());
}

TEST_F(RefusalTest, ATitleWithAnOverrideExportsUnderANameWithoutItAndTheExtensionOfTheBytes) {
    Listing l{"https://example.test/other", "html", std::nullopt, {}};
    l.entries.push_back({"Verzuim 18-", "Handboek Leerplicht 2025 \u202Efdp", server.url("/media/model.pdf")});
    apply_listings(library(), {l}, true);
    fetch_all();
    ExportOptions o;
    o.allow_macros = true;
    run(o);
    EXPECT_TRUE(fs::exists(dest() / "Verzuim 18-/Handboek Leerplicht 2025 fdp.docm"));
    for (const auto& entry : fs::recursive_directory_iterator(dest()))
        EXPECT_EQ(entry.path().string().find("\u202E"), std::string::npos) << entry.path();
}

// A title that ends in a right-to-left override and "fdp" shows as "… exe.pdf" in Explorer when
// the name keeps the override; kennis drops it, and the extension is what the file is.
TEST(HonestNames, FormatCharactersLeaveNamesAndReservedNamesAreBroken) {
    EXPECT_EQ(safe_file_name("Handboek Leerplicht 2025 \u202Efdp", ".pdf"), "Handboek Leerplicht 2025 fdp.pdf");
    EXPECT_EQ(safe_file_name("Zero\u200Bwidth \u2066isolate\u2069 \uFEFFbom", ".pdf"), "Zerowidth isolate bom.pdf");
    EXPECT_EQ(safe_file_name("\u202E\u200B\u2066", ".pdf", max_name_bytes, "document 12"), "document 12.pdf");
    for (std::string_view reserved : {"CONIN$", "conout$", "COM\u00B9", "LPT\u00B2", "com\u00B3"}) {
        const std::string name = safe_file_name(reserved, ".pdf");
        EXPECT_TRUE(windows_name_problem(name).empty()) << name;
        EXPECT_NE(name, std::string(reserved) + ".pdf");
    }
}

TEST(HonestNames, TheCheckFlagsWhatWindowsReservesOrWhatCouldMislead) {
    for (std::string_view name : {"COM\u00B9.pdf", "LPT\u00B2.pdf", "CONIN$.pdf", "CONOUT$", "COM\u00B3"})
        EXPECT_EQ(windows_name_problem(name), "is a name Windows reserves for a device") << name;
    EXPECT_EQ(windows_name_problem("Handboek \u202Efdp.exe"),
              "contains U+202E, an invisible character that can change how the name reads");
    EXPECT_EQ(windows_name_problem("Handboek.pdf.exe"), "ends in .exe, the extension of a program");
    EXPECT_EQ(windows_name_problem("COM10.pdf"), "");
    EXPECT_EQ(windows_name_problem("Handboek.pdf"), "");
}
