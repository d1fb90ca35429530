#include "catalogue/catalogue.hpp"
#include "catalogue_fixture.hpp"
#include "child_process.hpp"
#include "kennis/sync.hpp"
#include "pdf_fixture.hpp"
#include "util/sha256.hpp"
#include "test_server.hpp"

#include <algorithm>
#include <set>
#include <sys/resource.h>
#include <thread>

using namespace kennis;
namespace fs = std::filesystem;

// The disk fills up, the share goes away: each fault gives a clear message and a non-zero exit,
// corrupts nothing, and the next run (with the fault gone) finishes the work.
namespace {

// In the child: no file may grow past `bytes`, as on a full disk (EFBIG instead of a signal).
std::function<void()> file_size_limit(rlim_t bytes) {
    return [bytes] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, bytes};
        setrlimit(RLIMIT_FSIZE, &limit);
    };
}

class IoFaultTest : public test::CatalogueTest {
protected:
    void SetUp() override {
        // Three large documents and two small ones.
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        for (int i = 1; i <= 5; ++i) {
            const std::string path = "/doc-" + std::to_string(i) + ".pdf";
            const std::size_t padding = i <= 3 ? 3 << 20 : 0;
            server.server().Get(path, [i, padding](const httplib::Request&, httplib::Response& res) {
                res.set_content(test::make_pdf({"Document " + std::to_string(i)}, padding), "application/pdf");
            });
            l.entries.push_back({"Thema", "Document " + std::to_string(i), server.url(path)});
        }
        apply_listings(library(), {l}, true);
        reopen();
    }

    std::vector<std::string> args(std::vector<std::string> more) {
        std::vector<std::string> all{"--home", (dir() / "home").string(), "-q", "--wait", "30"};
        all.insert(all.end(), more.begin(), more.end());
        return all;
    }

    int kennis(std::vector<std::string> more, const std::function<void()>& prepare = {}) {
        const std::string errors = (dir() / "stderr").string();
        const int code = test::wait_exit(test::spawn_kennis(args(std::move(more)), [&] {
            if (prepare)
                prepare();
            std::freopen(errors.c_str(), "w", stderr);
        }));
        said = test::read_file(errors);
        return code;
    }

    std::string said; // what the last run printed on stderr

    void expect_whole() {
        reopen();
        EXPECT_EQ(db().sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
        SQLite::Statement q(db().sql(), "SELECT sha256 FROM blobs");
        while (q.executeStep()) {
            const std::string sha = q.getColumn(0).getString();
            EXPECT_EQ(sha256_hex(test::read_file(store_path(dir() / "home", sha))), sha);
        }
        EXPECT_TRUE(fs::is_empty(library().tmp_dir())) << "a failed download leaves no temporary file";
    }

    // Files under a real name in DEST whose bytes are not those of any stored file.
    std::vector<fs::path> partial_files(const fs::path& dest) {
        std::set<std::string> blobs;
        SQLite::Statement q(db().sql(), "SELECT sha256 FROM blobs");
        while (q.executeStep())
            blobs.insert(q.getColumn(0).getString());
        std::vector<fs::path> out;
        for (const auto& e : fs::recursive_directory_iterator(dest))
            if (e.is_regular_file() && e.path().extension() == ".pdf" && !blobs.contains(sha256_hex(test::read_file(e.path()))))
                out.push_back(e.path());
        return out;
    }

    test::TestServer server;
};

} // namespace

TEST_F(IoFaultTest, ADiskFullDuringDownloadsFailsThoseClearlyAndTheNextRunFetchesThem) {
    EXPECT_EQ(kennis({"fetch", "-j", "2"}, file_size_limit(1 << 20)), 3) << "partly done";
    expect_whole();
    EXPECT_EQ(count("SELECT count(DISTINCT document_id) FROM versions"), 2) << "the small ones are stored";
    EXPECT_EQ(count("SELECT count(*) FROM urls WHERE last_error LIKE '%File too large%'"), 3);
    EXPECT_EQ(kennis({"fetch"}), 0);
    expect_whole();
    EXPECT_EQ(count("SELECT count(DISTINCT document_id) FROM versions"), 5);
}

TEST_F(IoFaultTest, ADiskFullDuringAnExportStopsItClearlyWithNoPartialFileAndTheNextRunCompletes) {
    ASSERT_EQ(kennis({"fetch"}), 0);
    const fs::path dest = dir() / "share";
    EXPECT_EQ(kennis({"export", dest.string(), "--link", "copy"}, file_size_limit(1 << 20)), 1);
    EXPECT_NE(said.find("File too large"), std::string::npos) << said;
    EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1) << "one line: " << said;
    reopen();
    EXPECT_TRUE(partial_files(dest).empty());
    EXPECT_EQ(kennis({"export", dest.string(), "--link", "copy"}), 0) << said;
    EXPECT_TRUE(partial_files(dest).empty());
    std::size_t pdfs = 0;
    for (const auto& e : fs::recursive_directory_iterator(dest)) {
        pdfs += e.path().extension() == ".pdf";
        EXPECT_FALSE(e.path().filename().string().starts_with(".kennis-part-")) << e.path();
    }
    EXPECT_EQ(pdfs, 5u);
}

TEST_F(IoFaultTest, ADestRemovedDuringAnExportStopsItAndTheNextRunRebuildsIt) {
    ASSERT_EQ(kennis({"fetch"}), 0);
    // Every document under twenty themes: a hundred copies, time enough to pull DEST away.
    Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
    for (int t = 1; t <= 20; ++t)
        for (int i = 1; i <= 5; ++i)
            l.entries.push_back({"Thema " + std::to_string(t), "Document " + std::to_string(i),
                                 server.url("/doc-" + std::to_string(i) + ".pdf")});
    apply_listings(library(), {l}, true);
    reopen();
    const fs::path dest = dir() / "share";
    const std::string errors = (dir() / "stderr").string();
    const pid_t child = test::spawn_kennis(args({"export", dest.string(), "--link", "copy"}),
                                           [&] { std::freopen(errors.c_str(), "w", stderr); });
    // Stop it as soon as its first document is in DEST, take DEST away, and let it go on.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    const auto has_a_document = [&] {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(dest, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->path().extension() == ".pdf")
                return true;
        return false;
    };
    while (!has_a_document() && std::chrono::steady_clock::now() < give_up)
        std::this_thread::yield();
    ASSERT_EQ(kill(child, SIGSTOP), 0);
    int status = 0; // stopped only once every thread of it is: a write under way still lands
    ASSERT_EQ(waitpid(child, &status, WUNTRACED), child);
    ASSERT_TRUE(WIFSTOPPED(status));
    fs::remove_all(dest);
    kill(child, SIGCONT);
    EXPECT_EQ(test::wait_exit(child), 1);
    said = test::read_file(errors);
    EXPECT_NE(said.find("went away during the export"), std::string::npos) << said;
    EXPECT_FALSE(fs::exists(dest)) << "DEST is not made again with part of what it held";
    reopen();
    EXPECT_EQ(db().sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(kennis({"export", dest.string(), "--link", "copy"}), 0) << said;
    std::size_t pdfs = 0;
    for (const auto& e : fs::recursive_directory_iterator(dest))
        pdfs += e.path().extension() == ".pdf";
    EXPECT_EQ(pdfs, 100u);
}
