#include "export_fixture.hpp"
#include "export/state.hpp"
#include "kennis/error.hpp"
#include "kennis/export.hpp"
#include "util/words.hpp"

#include <fmt/format.h>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

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
