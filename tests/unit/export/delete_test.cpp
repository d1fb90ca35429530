#include "export_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/export.hpp"
#include "kennis/filename.hpp"
#include "stocked_store.hpp"

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

TEST_F(SeededExportTest, DeleteRemovesOnlyWhatKennisWroteAndNoLongerSelects) {
    ExportOptions o;
    o.filter.themes = {"Thuiszitters"};
    run(o);
    const fs::path folder = dest() / "Thuiszitters";
    write(folder / "notities van een collega.docx", "eigen werk");
    fs::create_directories(dest() / "Eigen map");
    write(dest() / "Eigen map" / "lijst.xlsx", "van een collega");

    o.filter.type = "Handreiking";
    auto r = run(o);
    EXPECT_EQ(r.removed, 0u) << "without --delete nothing goes";
    EXPECT_GT(r.stale, 0u);
    const std::size_t stale = r.stale;
    const std::size_t left = files_under(dest()).size();

    o.delete_stale = true;
    o.max_delete = stale - 1;
    const auto in_folder = files_under(folder);
    const auto handreiking = *std::find_if(in_folder.begin(), in_folder.end(), [](const auto& f) { return f.starts_with("Handreiking"); });
    fs::remove(folder / handreiking); // to be written again by the run that is allowed
    EXPECT_THROW(run(o), InputError) << "more than --max-delete refuses the whole run";
    EXPECT_EQ(files_under(dest()).size(), left - 1) << "nothing removed, nothing written";
    EXPECT_FALSE(fs::exists(dest() / ".kennis-export-journal"));

    o.max_delete = stale;
    o.dry_run = true;
    r = run(o);
    EXPECT_EQ(files_under(dest()).size(), left - 1) << "a dry run touches nothing";
    EXPECT_EQ(static_cast<std::size_t>(std::count_if(r.changes.begin(), r.changes.end(), [](auto& c) { return c.action == "remove"; })), stale);

    o.dry_run = false;
    r = run(o);
    EXPECT_EQ(r.removed, stale);
    EXPECT_EQ(r.written, 1u);
    EXPECT_TRUE(fs::exists(folder / handreiking));
    EXPECT_EQ(test::read_file(folder / "notities van een collega.docx"), "eigen werk");
    EXPECT_EQ(test::read_file(dest() / "Eigen map" / "lijst.xlsx"), "van een collega");
    for (const auto& f : files_under(folder))
        EXPECT_TRUE(f.starts_with("Handreiking") || f == "notities van een collega.docx") << f;
}

TEST_F(ExportTest, AWithdrawnDocumentLeavesWithDeleteAndAChangedFileStays) {
    listed({{"Thuiszitters", "Handreiking een", "https://example.test/1.pdf"},
            {"Thuiszitters", "Handreiking twee", "https://example.test/2.pdf"},
            {"Verzuim 18-", "Handreiking twee", "https://example.test/2.pdf"}});
    const auto one = find_document(library(), "Handreiking een").id;
    const auto two = find_document(library(), "Handreiking twee").id;
    test::stock(library(), one, "een");
    test::stock(library(), two, "twee");
    ExportOptions o;
    run(o);
    ASSERT_TRUE(fs::exists(dest() / "Verzuim 18-" / "Handreiking twee.pdf"));
    write(dest() / "Thuiszitters" / "Handreiking een.pdf", "door een collega bewerkt");

    listed({{"Thuiszitters", "Handreiking een", "https://example.test/1.pdf"}}); // twee is withdrawn
    o.delete_stale = true;
    auto r = run(o);
    EXPECT_EQ(r.removed, 2u);
    EXPECT_FALSE(fs::exists(dest() / "Verzuim 18-")) << "a folder emptied by the export goes too";
    EXPECT_FALSE(fs::exists(dest() / "Thuiszitters" / "Handreiking twee.pdf"));
    EXPECT_EQ(r.failed.size(), 1u) << "a file changed on the share is not overwritten";
    EXPECT_EQ(test::read_file(dest() / "Thuiszitters" / "Handreiking een.pdf"), "door een collega bewerkt");
}

TEST_F(SeededExportTest, AForeignFileInTheWayIsReportedAndKept) {
    const std::string name = safe_file_name(find_document(library(), "32").title, ".pdf");
    fs::create_directories(dest() / "Thuiszitters");
    write(dest() / "Thuiszitters" / name, "van iemand anders");
    ExportOptions o;
    o.filter.themes = {"Thuiszitters"};
    const auto r = run(o);
    ASSERT_EQ(r.failed.size(), 1u);
    EXPECT_EQ(r.failed[0].path, "Thuiszitters/" + name);
    EXPECT_EQ(test::read_file(dest() / r.failed[0].path), "van iemand anders");
    EXPECT_EQ(test::read_file(dest() / "SHA256SUMS").find("Thuiszitters/" + name), std::string::npos)
        << "SHA256SUMS lists only files that hold their document";
}
