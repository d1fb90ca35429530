#include "export_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/export.hpp"
#include "kennis/filename.hpp"
#include "kennis/sync.hpp"
#include "kennis/tags.hpp"
#include "stocked_store.hpp"

#include <fmt/format.h>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

TEST_F(SeededExportTest, ASecondRunWritesNothingAndAChangedFileIsReplaced) {
    run();
    const auto before = fs::last_write_time(dest() / "index.html");
    auto again = run();
    EXPECT_EQ(again.written, 0u);
    EXPECT_EQ(again.unchanged, files_under(dest()).size());
    EXPECT_EQ(fs::last_write_time(dest() / "index.html"), before);

    const auto handbook = find_document(library(), "VO Handboek Leerplicht versie augustus 2020");
    test::stock(library(), handbook.id, "%PDF-1.4\nde nieuwe versie\n%%EOF\n");
    again = run();
    EXPECT_EQ(again.written, handbook.themes.size()) << "one file per theme folder";
    for (const auto& theme : handbook.themes)
        EXPECT_EQ(test::read_file(dest() / safe_file_name(theme, "") / "VO Handboek Leerplicht versie augustus 2020.pdf"),
                  "%PDF-1.4\nde nieuwe versie\n%%EOF\n");
    EXPECT_EQ(std::system(fmt::format("cd '{}' && sha256sum --quiet -c SHA256SUMS", dest().string()).c_str()), 0);
}

TEST_F(SeededExportTest, AFileSomeoneRemovedIsWrittenAgainAndOneSomeoneChangedIsKept) {
    ExportOptions o;
    o.link = LinkMode::copy; // a hard link would change the store's bytes too
    run(o);
    const auto files = files_under(dest());
    const fs::path removed = dest() / *files.begin();
    const fs::path changed = dest() / *files.rbegin();
    const std::string bytes = test::read_file(changed);
    fs::remove(removed);
    write(changed, "iemand schreef hier\n");
    fs::last_write_time(changed, fs::last_write_time(changed) - std::chrono::hours(1));
    const auto r = run(o);
    EXPECT_EQ(r.written, 1u) << "the removed file";
    EXPECT_TRUE(fs::exists(removed));
    ASSERT_EQ(r.failed.size(), 1u) << "a file changed since kennis wrote it is someone's now";
    EXPECT_EQ(r.failed[0].path, fs::relative(changed, dest()).string());
    EXPECT_EQ(test::read_file(changed), "iemand schreef hier\n");
    EXPECT_NE(bytes, test::read_file(changed));
}

// Copies are not synced one by one: a power cut can leave one holding only its beginning.
TEST_F(SeededExportTest, AFileCutShortByAPowerCutIsKennisAndIsWrittenAgain) {
    ExportOptions o;
    o.link = LinkMode::copy;
    run(o);
    const auto files = files_under(dest());
    const fs::path empty = dest() / *files.begin();
    const fs::path half = dest() / *std::next(files.begin());
    const std::string bytes = test::read_file(half);
    fs::resize_file(empty, 0);
    fs::resize_file(half, bytes.size() / 2);
    const auto r = run(o);
    EXPECT_TRUE(r.failed.empty()) << r.failed.front().path;
    EXPECT_EQ(r.written, 2u);
    EXPECT_EQ(test::read_file(half), bytes);
    EXPECT_EQ(std::system(fmt::format("cd '{}' && sha256sum --quiet -c SHA256SUMS", dest().string()).c_str()), 0);
}

TEST_F(SeededExportTest, LinksWhoseStateAPowerCutEmptiedAreStillKennis) {
    ExportOptions o;
    o.link = LinkMode::hardlink;
    const auto first = run(o);
    ASSERT_GT(first.linked, 0u);
    fs::resize_file(dest() / ".kennis-export", 0); // what a power cut can leave of a state written without a sync
    const auto again = run(o);
    EXPECT_TRUE(again.failed.empty()) << again.failed.front().path;
    EXPECT_EQ(again.written, 0u);
    EXPECT_EQ(again.unchanged, first.written);
    // And the state knows them again: a narrower export with --delete removes the rest.
    o.filter.themes = {"Thuiszitters"};
    o.delete_stale = true;
    o.max_delete = first.written;
    const auto narrowed = run(o);
    EXPECT_TRUE(narrowed.failed.empty());
    EXPECT_EQ(narrowed.removed + narrowed.unchanged, first.written);
    EXPECT_GT(narrowed.removed, 0u);
    o.dest = dir() / "fresh";
    run(o);
    EXPECT_EQ(files_under(dest()), files_under(o.dest));
}

TEST_F(SeededExportTest, ListingsAreDrawnAgainWhenWhatTheyShowChangesOrSomeoneTouchedThem) {
    run();
    const std::string csv = test::read_file(dest() / "catalogue.csv");
    const std::string html = test::read_file(dest() / "index.html");
    fs::remove(dest() / "index.html");
    write(dest() / "catalogue.csv", "leeg\n");
    run();
    EXPECT_EQ(test::read_file(dest() / "index.html"), html);
    EXPECT_EQ(test::read_file(dest() / "catalogue.csv"), csv);

    // A tag changes no document file, only what the listings show.
    const auto handbook = find_document(library(), "VO Handboek Leerplicht versie augustus 2020");
    TagTarget target;
    target.documents = {std::to_string(handbook.id)};
    add_tag(library(), "regio/zaanstad", target);
    EXPECT_EQ(run().written, 0u);
    EXPECT_NE(test::read_file(dest() / "index.html").find("regio/zaanstad"), std::string::npos);
    EXPECT_NE(test::read_file(dest() / "catalogue.csv").find("regio/zaanstad"), std::string::npos);
}

// A team share that two libraries (a laptop and a server) export into: each run sees what the
// other one's catalogue holds, also after the same number of different changes on each side.
TEST_F(SeededExportTest, TwoLibrariesExportingIntoOneFolderEachSeeTheirOwnCatalogue) {
    Library other(Context{dir() / "other-home", false, std::nullopt, {}});
    seed_if_empty(other);
    test::stock_all(other, [](std::int64_t id) { return fmt::format("%PDF-1.4\ndocument {}\n%%EOF\n", id); });
    const auto tag = [](Library& library, const std::string& name, std::int64_t id) {
        TagTarget target;
        target.documents = {std::to_string(id)};
        add_tag(library, name, target);
    };
    tag(library(), "hier", 10);
    tag(other, "daar", 11);
    run();
    ExportOptions o;
    o.dest = dest();
    EXPECT_EQ(export_documents(other, o).written, 0u);
    const std::string csv = test::read_file(dest() / "catalogue.csv");
    EXPECT_NE(csv.find("daar"), std::string::npos);
    EXPECT_EQ(csv.find("hier"), std::string::npos);
}
