#include "export_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/export.hpp"
#include "kennis/filename.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <clocale>
#include <map>
#include <set>
#include <sys/stat.h>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

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

// The export reads the catalogue in one snapshot, and its --query searches inside it.
TEST_F(SeededExportTest, AQueryChoosesTheDocumentsExported) {
    ExportOptions o;
    o.query = "\"Handboek Leerplicht\"";
    const auto chosen = run(o);
    ASSERT_GT(chosen.documents, 0u);
    const auto files = files_under(dest());
    ASSERT_FALSE(files.empty());
    for (const auto& file : files)
        EXPECT_NE(file.find("andboek"), std::string::npos) << file;
    o.query.reset();
    o.dest = dir() / "all";
    EXPECT_LT(chosen.documents, run(o).documents);
}
