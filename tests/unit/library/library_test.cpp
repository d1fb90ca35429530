#include "kennis/error.hpp"
#include "kennis/library.hpp"
#include "library/lock.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

using namespace kennis;

TEST(Home, FlagThenKennisHomeThenXdgThenHome) {
    Environment env{"/k", "/xdg", std::nullopt, "/home/u"};
    EXPECT_EQ(resolve_home(std::filesystem::path("/flag"), env), "/flag");
    EXPECT_EQ(resolve_home(std::nullopt, env), "/k");
    env.kennis_home = "";
    EXPECT_EQ(resolve_home(std::nullopt, env), "/xdg/kennis");
    env.xdg_data_home.reset();
    EXPECT_EQ(resolve_home(std::nullopt, env), "/home/u/.local/share/kennis");
    env.home.reset();
    EXPECT_THROW(resolve_home(std::nullopt, env), Error);
}

TEST(Home, SaysWhatDecidedIt) {
    Environment env{"/k", "/xdg", "/cfg", "/home/u"};
    EXPECT_EQ(choose_home(std::filesystem::path("/flag"), env).source, "--home");
    EXPECT_EQ(choose_home(std::nullopt, env).source, "$KENNIS_HOME");
    env.kennis_home.reset();
    EXPECT_EQ(choose_home(std::nullopt, env).source, "$XDG_DATA_HOME");
    env.xdg_data_home.reset();
    EXPECT_EQ(choose_home(std::nullopt, env).source, "$HOME");
    EXPECT_EQ(choose_config_file(env).source, "$XDG_CONFIG_HOME");
    env.xdg_config_home.reset();
    EXPECT_EQ(choose_config_file(env).source, "$HOME");
}

TEST(Home, ConfigFileFollowsXdg) {
    EXPECT_EQ(default_config_file({std::nullopt, std::nullopt, "/cfg", "/home/u"}), "/cfg/kennis/config.toml");
    EXPECT_EQ(default_config_file({std::nullopt, std::nullopt, std::nullopt, "/home/u"}),
              "/home/u/.config/kennis/config.toml");
}

TEST(Library, CreatesItsHomeWithStoreAndTmp) {
    test::TempDir dir;
    Library lib(Context{dir.path() / "a" / "b", false, std::nullopt, {}});
    EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "a/b/store"));
    EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "a/b/tmp"));
    EXPECT_TRUE(std::filesystem::exists(lib.catalogue_file()));
}

TEST(WriterLock, ASecondWriterIsToldWhoHoldsTheLock) {
    test::TempDir dir;
    std::optional<WriterLock> first(std::in_place, dir.path(), std::nullopt);
    try {
        WriterLock second(dir.path(), std::nullopt);
        FAIL() << "two writers held the lock";
    } catch (const LockedError& e) {
        EXPECT_EQ(e.code(), ExitCode::locked);
        EXPECT_NE(std::string(e.what()).find("kennis pid " + std::to_string(::getpid())), std::string::npos) << e.what();
    }
    first.reset();
    EXPECT_NO_THROW(WriterLock again(dir.path(), std::nullopt));
}

TEST(WriterLock, AWaitingWriterGivesUpAtItsDeadline) {
    test::TempDir dir;
    WriterLock first(dir.path(), std::nullopt);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(WriterLock(dir.path(), 0.2), LockedError);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
}
