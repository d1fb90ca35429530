#include "util/file_io.hpp"
#include "util/sha256.hpp"
#include "util/unique_fd.hpp"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <system_error>

using namespace kennis;
namespace fs = std::filesystem;

namespace {

class FileIo : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("kennis-util-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    const fs::path& dir() const { return m_dir; }
    static std::string read(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    std::size_t files() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(m_dir), {})); }

private:
    fs::path m_dir;
};

} // namespace

TEST_F(FileIo, ATempFileDroppedUncommittedLeavesNothing) {
    {
        TempFile temp(dir(), ".part-");
        temp.write("half a download");
        EXPECT_EQ(files(), 1u);
    }
    EXPECT_EQ(files(), 0u);
}

TEST_F(FileIo, ACommittedTempFileAppearsWholeUnderItsName) {
    TempFile temp(dir(), ".part-");
    temp.write("de hele ");
    temp.write("inhoud");
    EXPECT_EQ(temp.size(), 14);
    temp.commit_as(dir() / "klaar.txt");
    EXPECT_EQ(read(dir() / "klaar.txt"), "de hele inhoud");
    EXPECT_EQ(files(), 1u);
}

TEST_F(FileIo, CopyFromAppendsAWholeFile) {
    std::ofstream(dir() / "bron") << std::string(3 << 20, 'x');
    TempFile temp(dir(), ".part-");
    temp.write("kop:");
    temp.copy_from(dir() / "bron");
    temp.commit_as(dir() / "doel");
    EXPECT_EQ(fs::file_size(dir() / "doel"), 4u + (3u << 20));
    EXPECT_EQ(sha256_file(dir() / "doel"), sha256_hex("kop:" + std::string(3 << 20, 'x')));
}

TEST_F(FileIo, WriteIfChangedWritesOnlyNewContent) {
    const fs::path file = dir() / "index.html";
    EXPECT_TRUE(write_if_changed(file, "een", ".tmp-", true));
    EXPECT_FALSE(write_if_changed(file, "een", ".tmp-", true));
    EXPECT_TRUE(write_if_changed(file, "twee", ".tmp-", false));
    EXPECT_EQ(read(file), "twee");
    EXPECT_EQ(files(), 1u);
}

TEST_F(FileIo, IsBeginningOfComparesBytes) {
    std::ofstream(dir() / "heel") << "abcdef";
    std::ofstream(dir() / "begin") << "abc";
    std::ofstream(dir() / "anders") << "abd";
    EXPECT_TRUE(is_beginning_of(dir() / "begin", dir() / "heel"));
    EXPECT_TRUE(is_beginning_of(dir() / "heel", dir() / "heel"));
    EXPECT_FALSE(is_beginning_of(dir() / "anders", dir() / "heel"));
    EXPECT_FALSE(is_beginning_of(dir() / "weg", dir() / "heel"));
}

TEST_F(FileIo, FailuresNameThePathAndCarryTheSystemError) {
    try {
        TempFile temp(dir() / "bestaat-niet", ".part-");
        FAIL() << "a temp file in a missing folder";
    } catch (const std::system_error& e) {
        EXPECT_EQ(e.code(), std::errc::no_such_file_or_directory);
        EXPECT_NE(std::string(e.what()).find((dir() / "bestaat-niet").string()), std::string::npos) << e.what();
    }
    EXPECT_THROW(sha256_file(dir() / "weg"), std::system_error);
}

TEST_F(FileIo, PiecesOfAFileArriveInOrder) {
    const std::string content(2'500'000, 'k');
    std::ofstream(dir() / "groot") << content;
    const UniqueFd fd(::open((dir() / "groot").c_str(), O_RDONLY | O_CLOEXEC));
    std::string seen;
    std::size_t pieces = 0;
    read_pieces(fd.get(), dir() / "groot", [&](std::string_view piece) {
        seen += piece;
        ++pieces;
    });
    EXPECT_EQ(seen, content);
    EXPECT_GE(pieces, 3u);
}

// The store names files by these digests, so they must be SHA-256's own (FIPS 180-4's examples),
// in one piece or many.
TEST(Sha256, GivesTheStandardDigests) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 pieces;
    for (int i = 0; i < 1000; ++i)
        pieces.update(std::string(1000, 'a'));
    EXPECT_EQ(pieces.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
