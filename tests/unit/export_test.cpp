#include "catalogue_fixture.hpp"
#include "export/layout.hpp"
#include "export/state.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/export.hpp"
#include "kennis/filename.hpp"
#include "kennis/sync.hpp"
#include "kennis/tags.hpp"
#include "pdf_fixture.hpp"
#include "stocked_store.hpp"
#include "test_server.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <clocale>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <sys/stat.h>

using namespace kennis;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// Every file under `dir`, relative, without kennis's own files in the top folder.
std::set<std::string> files_under(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (!e.is_directory())
            out.insert(fs::relative(e.path(), dir).string());
    for (const char* own : {"catalogue.csv", "SHA256SUMS", "index.html", "WAT-IS-NIEUW.html", "WAT-IS-NIEUW.csv", ".kennis-export"})
        out.erase(own);
    return out;
}

class ExportTest : public test::CatalogueTest {
protected:
    fs::path dest() const { return dir() / "share"; }

    ExportReport run(ExportOptions o = {}) {
        if (o.dest.empty())
            o.dest = dest();
        return export_documents(library(), o);
    }

    void listed(std::vector<ListingEntry> entries) {
        apply_listings(library(), {{"https://example.test/kennisbank", "html", std::nullopt, std::move(entries)}}, true);
    }

    ino_t inode(const fs::path& p) {
        struct stat st {};
        EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
        return st.st_ino;
    }
};

class SeededExportTest : public ExportTest {
protected:
    void SetUp() override {
        seed_if_empty(library());
        test::stock_all(library(), [](std::int64_t id) { return fmt::format("%PDF-1.4\ndocument {}\n%%EOF\n", id); });
    }
};

} // namespace

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
    EXPECT_EQ(html.find("http"), std::string::npos) << "no external assets, no absolute links";
    std::size_t links = 0;
    for (auto at = html.find("<li data-doc"); at != std::string::npos; at = html.find("<li data-doc", at + 1))
        ++links;
    EXPECT_EQ(links, expected) << "every exported file is listed";
}

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

TEST_F(SeededExportTest, KilledRunsLeaveNothingTheNextRunCannotFinish) {
    ExportOptions o;
    o.filter.themes = {"Thuiszitters"};
    o.link = LinkMode::copy;
    run(o);
    // As a run killed after renaming a file but before recording it leaves things: a pending
    // entry, the complete file, and a temp file of the next one.
    std::string state = test::read_file(dest() / ".kennis-export");
    const auto line = state.find("Thuiszitters/");
    const auto tab = state.find('\t', state.find('\t', state.find('\t', line) + 1) + 1);
    state.replace(tab + 1, state.find('\t', tab + 1) - tab - 1, "-1");
    write(dest() / ".kennis-export", state);
    write(dest() / "Thuiszitters" / ".kennis-part-0123456789abcdef", "half");
    const auto r = run(o);
    EXPECT_EQ(r.written, 0u) << "the complete file is recognised by its bytes";
    EXPECT_FALSE(fs::exists(dest() / "Thuiszitters" / ".kennis-part-0123456789abcdef"));
    EXPECT_EQ(test::read_file(dest() / ".kennis-export").find("\t-1\t"), std::string::npos);
    EXPECT_EQ(std::system(fmt::format("cd '{}' && sha256sum --quiet -c SHA256SUMS", dest().string()).c_str()), 0);
}

// A run records the paths it is about to write in a journal, and writes its state file only at
// the end: a run killed half-way leaves the journal, whose paths are kennis's.
TEST_F(SeededExportTest, TheJournalOfAKilledRunMakesItsPathsKennis) {
    ExportOptions o;
    o.filter.themes = {"Thuiszitters"};
    o.link = LinkMode::copy;
    run(o);
    EXPECT_FALSE(fs::exists(dest() / ".kennis-export-journal")) << "a finished run leaves none";
    // As the first run would have left things had it been killed: no state file, a journal
    // whose last line was being written, one copy whole and one cut short by a power cut.
    std::string journal = "#kennis-export-journal 1\n";
    std::vector<std::string> paths;
    const std::string first_state = test::read_file(dest() / ".kennis-export");
    for (const auto line : split(first_state, '\n')) {
        const auto f = split(line, '\t');
        if (f.size() == 5 && !line.starts_with("#")) {
            journal += fmt::format("{}\t{}\t{}\n", f[0], f[1], f[4]);
            paths.emplace_back(f[0]);
        }
    }
    ASSERT_GE(paths.size(), 2u);
    write(dest() / ".kennis-export-journal", journal + "Thuiszitters/Half geschreven.pdf\t12ab");
    fs::remove(dest() / ".kennis-export");
    const std::string bytes = test::read_file(dest() / paths[1]);
    fs::resize_file(dest() / paths[1], bytes.size() / 2);

    const auto r = run(o);
    EXPECT_TRUE(r.failed.empty()) << r.failed.front().path << ": " << r.failed.front().error;
    EXPECT_EQ(r.written, 1u) << "the copy cut short; the whole ones are recognised by their bytes";
    EXPECT_EQ(test::read_file(dest() / paths[1]), bytes);
    EXPECT_FALSE(fs::exists(dest() / ".kennis-export-journal"));
    const std::string state = test::read_file(dest() / ".kennis-export");
    EXPECT_EQ(state.find("\t-1\t"), std::string::npos) << "nothing is left pending";
    EXPECT_EQ(state.find("Half geschreven"), std::string::npos);
    EXPECT_EQ(std::system(fmt::format("cd '{}' && sha256sum --quiet -c SHA256SUMS", dest().string()).c_str()), 0);

    write(dest() / ".kennis-export-journal", "#kennis-export-journal 1\nThuiszitters/iets\tgeen sha\n");
    try {
        run(o);
        ADD_FAILURE() << "a damaged journal is refused";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find(".kennis-export-journal:2"), std::string::npos) << e.what();
    }
}

// A run that finds a journal ending in the line a killed run was writing drops that line before
// it adds its own, so that the journal two killed runs leave still reads.
TEST_F(ExportTest, AJournalEndingInAHalfWrittenLineGoesOnFromAWholeLine) {
    fs::create_directories(dest());
    const std::string sha(64, 'a');
    write(dest() / ".kennis-export-journal",
          "#kennis-export-journal 1\nThema/Een.pdf\t" + sha + "\t1\nThema/Twee.pdf\t" + sha.substr(0, 10));
    ExportJournal journal(dest());
    journal.append({{"Thema/Drie.pdf", sha, 3}}, false);
    const ExportState state = ExportState::load(dest());
    EXPECT_EQ(state.files.size(), 2u);
    EXPECT_TRUE(state.files.contains("Thema/Een.pdf"));
    ASSERT_TRUE(state.files.contains("Thema/Drie.pdf"));
    EXPECT_EQ(state.files.at("Thema/Drie.pdf").mtime_ns, ExportedFile::pending);
    EXPECT_EQ(state.files.at("Thema/Drie.pdf").document, 3);
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

TEST_F(SeededExportTest, LinkModesAndTheZipArchive) {
    ExportOptions o;
    o.filter.themes = {"Thuiszitters"};
    o.link = LinkMode::copy;
    auto r = run(o);
    EXPECT_EQ(r.copied, r.written);
    const auto handbook = find_document(library(), "32");
    const std::string name = safe_file_name(handbook.title, ".pdf");
    const fs::path file = dest() / "Thuiszitters" / name;
    ASSERT_TRUE(handbook.path);
    EXPECT_NE(inode(file), inode(*handbook.path));

    o.dest = dir() / "symlinks";
    o.link = LinkMode::symlink;
    run(o);
    EXPECT_EQ(fs::read_symlink(o.dest / "Thuiszitters" / name), *handbook.path);

    o.dest = dir() / "links";
    o.link = LinkMode::hardlink;
    run(o);
    EXPECT_EQ(inode(o.dest / "Thuiszitters" / name), inode(*handbook.path));

    o.dest = dir() / "thuiszitters.zip";
    o.zip = true;
    r = run(o);
    std::map<std::string, std::string> entries;
    std::unique_ptr<archive, decltype(&archive_read_free)> zip(archive_read_new(), archive_read_free);
    archive_read_support_format_zip_seekable(zip.get());
    ASSERT_EQ(archive_read_open_filename(zip.get(), o.dest.c_str(), 65536), ARCHIVE_OK);
    archive_entry* entry = nullptr;
    std::setlocale(LC_CTYPE, "C.UTF-8"); // for the reader; the writer needs no locale
    while (archive_read_next_header(zip.get(), &entry) == ARCHIVE_OK) {
        std::string content;
        char buffer[65536];
        for (la_ssize_t n; (n = archive_read_data(zip.get(), buffer, sizeof buffer)) > 0;)
            content.append(buffer, static_cast<std::size_t>(n));
        entries[archive_entry_pathname_utf8(entry)] = content;
    }
    std::setlocale(LC_CTYPE, "C");
    EXPECT_EQ(entries.size(), r.written + 3);
    EXPECT_EQ(entries["Thuiszitters/" + name], test::read_file(*handbook.path));
    EXPECT_TRUE(entries.contains("SHA256SUMS") && entries.contains("index.html") && entries.contains("catalogue.csv"));
}

TEST_F(SeededExportTest, AutoOnAnotherFileSystemCopiesOnceAndLinksTheRest) {
    struct stat shm {}, here {};
    if (::stat("/dev/shm", &shm) != 0 || ::stat(dir().c_str(), &here) != 0 || shm.st_dev == here.st_dev)
        GTEST_SKIP() << "needs /dev/shm on a file system of its own";
    const test::TempDir other("/dev/shm");
    ExportOptions o;
    o.dest = other.path() / "share";
    const auto r = run(o);
    const auto handbook = find_document(library(), "VO Handboek Leerplicht versie augustus 2020");
    ASSERT_GE(handbook.themes.size(), 2u);
    const auto first = inode(o.dest / safe_file_name(handbook.themes[0], "") / "VO Handboek Leerplicht versie augustus 2020.pdf");
    for (const auto& theme : handbook.themes)
        EXPECT_EQ(inode(o.dest / safe_file_name(theme, "") / "VO Handboek Leerplicht versie augustus 2020.pdf"), first);
    EXPECT_EQ(r.copied, 123u) << "one copy per document";
    EXPECT_EQ(r.linked, r.written - 123u);
    o.link = LinkMode::hardlink;
    EXPECT_THROW(run(o), InputError) << "hard links from the store cannot cross file systems";
}

TEST_F(SeededExportTest, ADestThatIsAFileOrNotWritableIsRefusedWithoutDamage) {
    write(dir() / "a-file", "x");
    ExportOptions o;
    o.dest = dir() / "a-file";
    EXPECT_THROW(run(o), InputError);
    EXPECT_EQ(test::read_file(dir() / "a-file"), "x");
    o.dest = dir() / "a-file" / "below";
    EXPECT_THROW(run(o), InputError);

    // root writes anywhere a mode allows; sysfs refuses even root.
    const fs::path locked = ::geteuid() == 0 ? fs::path("/sys") : dir() / "locked";
    if (::geteuid() != 0) {
        fs::create_directories(locked);
        fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    }
    o.dest = locked;
    try {
        run(o);
        ADD_FAILURE() << "exported into a folder that cannot be written";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot write into the export folder"), std::string::npos) << e.what();
    }
    o.dest = dir() / "home" / "export";
    EXPECT_THROW(run(o), UsageError) << "not into the library itself";
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

namespace {

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// The DOM of a page after its scripts ran, from headless Chromium.
std::string rendered_dom(const fs::path& page, const std::string& fragment) {
    const std::string command =
        fmt::format("chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://{}{}' 2>/dev/null", page.string(), fragment);
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
    std::string dom;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;)
        dom.append(buffer, n);
    return dom;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_F(SeededExportTest, TheIndexPageFiltersAsOneTypesInABrowser) {
    TagTarget two;
    two.documents = {"12", "14"};
    add_tag(library(), "regio/zaanstad", two);
    run();
    if (!have_chromium())
        GTEST_SKIP() << "needs chromium (make deps installs it)";
    const fs::path page = dest() / "index.html";
    const std::string all = rendered_dom(page, "");
    const std::size_t items = count_of(all, "<li data-doc=");
    EXPECT_EQ(items, files_under(dest()).size());
    EXPECT_EQ(count_of(all, "<section id=\"thema-"), 5u);
    EXPECT_EQ(count_of(all, "hidden=\"\""), 1u) << "only the 'nothing found' line is hidden";
    EXPECT_NE(all.find("id=\"count\">123</span>"), std::string::npos);

    const std::string tagged = rendered_dom(page, "#q=Zaanstad%20regio");
    EXPECT_NE(tagged.find("id=\"count\">2 van 123</span>"), std::string::npos) << "two documents carry the tag";
    EXPECT_EQ(items - count_of(tagged, "<li data-doc=\"12\"") - count_of(tagged, "<li data-doc=\"14\""),
              count_of(tagged, "\" hidden=\"\"><a href")) << "every other entry is hidden";

    const std::string accents = rendered_dom(page, "#q=coordinatiefunctie");
    EXPECT_NE(accents.find("id=\"count\">1 van 123</span>"), std::string::npos) << "coördinatie is found without its accent";

    const std::string none = rendered_dom(page, "#q=xyzzy");
    EXPECT_NE(none.find("id=\"count\">0 van 123</span>"), std::string::npos);
    EXPECT_NE(none.find("<p id=\"none\">"), std::string::npos) << "the 'nothing found' line shows";
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
