#include "kennis/filename.hpp"
#include "kennis/snapshot.hpp"
#include "kennis/title.hpp"
#include "test_paths.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace kennis;

TEST(FileName, EverySeedTitleGivesANameWindowsAccepts) {
    NameAllocator names;
    std::set<std::string> seen;
    for (const auto& e : builtin_snapshot().entries) {
        if (!seen.insert(e.title).second)
            continue;
        const std::string name = names.claim(safe_file_name(display_title(e.title), ".pdf"));
        EXPECT_EQ(windows_name_problem(name), "") << name;
        EXPECT_TRUE(name.ends_with(".pdf")) << name;
    }
    EXPECT_EQ(seen.size(), 123u);
}

TEST(FileName, HostileTitlesBecomeSafeNames) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"../../etc/passwd", "-..-etc-passwd.pdf"},
        {"CON", "CON_.pdf"},
        {"com1", "com1_.pdf"},
        {"nul.txt", "nul_.txt.pdf"},
        {"Notitie: De positie van het RMC", "Notitie - De positie van het RMC.pdf"},
        {"Leerplicht/RMC", "Leerplicht-RMC.pdf"},
        {"Wat \"is\" <dit>?*", "Wat 'is' dit.pdf"},
        {"Eindigt op een punt.", "Eindigt op een punt.pdf"},
        {"  ...  ", "document.pdf"},
        {"Tab\there\x01", "Tab here.pdf"},
        {"Jongeren 🙂 en werk", "Jongeren 🙂 en werk.pdf"},
        {"Coo\xCC\x88rdinatie", "Co\xC3\xB6rdinatie.pdf"}, // NFD in, NFC out
    };
    for (const auto& [title, name] : cases) {
        EXPECT_EQ(safe_file_name(title, ".pdf"), name) << title;
        EXPECT_EQ(windows_name_problem(safe_file_name(title, ".pdf")), "") << title;
    }
}

TEST(FileName, LongTitlesAreCutOnACharacterBoundaryKeepingTheExtension) {
    const std::string title = std::string(150, 'a') + std::string(100, 'e') + "\xC3\xA9" + std::string(100, 'z');
    const std::string name = safe_file_name(title, ".pdf");
    EXPECT_LE(name.size(), max_name_bytes);
    EXPECT_TRUE(name.ends_with(".pdf"));
    std::string emoji;
    for (int i = 0; i < 100; ++i)
        emoji += "🙂";
    const std::string cut = safe_file_name(emoji, ".pdf");
    EXPECT_LE(cut.size(), max_name_bytes);
    EXPECT_EQ((cut.size() - 4) % 4, 0u) << "no emoji cut in half";
}

TEST(FileName, NamesThatDifferOnlyInCaseGetANumber) {
    NameAllocator names;
    EXPECT_EQ(names.claim("Rapport.pdf"), "Rapport.pdf");
    EXPECT_EQ(names.claim("RAPPORT.pdf"), "RAPPORT (2).pdf");
    EXPECT_EQ(names.claim("rapport.PDF"), "rapport (3).PDF");
    EXPECT_EQ(names.claim("Anders.pdf"), "Anders.pdf");
}

TEST(FileName, CheckFindsWhatWindowsCannotOpen) {
    test::TempDir dir;
    const auto touch = [&](const std::string& rel) {
        std::filesystem::create_directories((dir.path() / rel).parent_path());
        std::ofstream(dir.path() / rel) << "x";
    };
    touch("Thema/goed.pdf");
    touch("Thema/CON.pdf");
    touch("Thema/vraag?.pdf");
    touch("Thema/punt.");
    touch("Thema/Goed.pdf");
    touch("Diep/" + std::string(200, 'd') + "/" + std::string(100, 'e') + ".pdf");
    const auto problems = check_windows_names(dir.path());
    std::vector<std::string> found;
    for (const auto& p : problems)
        found.push_back(p.path.substr(0, 20) + ": " + p.problem);
    EXPECT_EQ(problems.size(), 5u);
    const auto has = [&](const std::string& needle) {
        return std::any_of(found.begin(), found.end(), [&](const std::string& f) { return f.find(needle) != std::string::npos; });
    };
    EXPECT_TRUE(has("Thema/CON.pdf: the name is a name Windows reserves for a device"));
    EXPECT_TRUE(has("Thema/vraag?.pdf: the name contains '?'"));
    EXPECT_TRUE(has("Thema/punt.: the name ends with a dot or a space"));
    EXPECT_TRUE(has("differs only in case from"));
    EXPECT_TRUE(has("the path is longer than 260 characters"));
}
