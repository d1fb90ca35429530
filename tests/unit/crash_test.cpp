#include "catalogue.hpp"
#include "catalogue_fixture.hpp"
#include "kennis/fetch.hpp"
#include "kennis/sync.hpp"
#include "listing_pages.hpp"
#include "sha256.hpp"
#include "test_server.hpp"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace kennis;

namespace {

// Runs the kennis binary as a child process, so it can be killed like a real run.
pid_t spawn_kennis(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string bin = KENNIS_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(stdout); // or the child would write out this process's buffered output
    std::fflush(stderr);
    const pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class CrashTest : public test::CatalogueTest {
protected:
    std::string home() { return (dir() / "home").string(); }

    // Every file in the store is whole (its bytes hash to its name) and every blob row has its
    // file. A run killed between storing a file and recording it may leave that file without a
    // row (the next run records it when it fetches the same bytes); a finished run leaves none.
    void expect_store_whole(bool killed = false) {
        std::size_t files = 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(library().store_dir())) {
            if (!e.is_regular_file())
                continue;
            ++files;
            const auto name = e.path().parent_path().filename().string() + e.path().filename().string();
            EXPECT_EQ(sha256_hex(test::read_file(e.path())), name) << e.path();
        }
        SQLite::Statement rows(db().sql(), "SELECT sha256 FROM blobs");
        while (rows.executeStep())
            EXPECT_TRUE(std::filesystem::is_regular_file(store_path(dir() / "home", rows.getColumn(0).getString())));
        if (killed)
            EXPECT_LE(count("SELECT count(*) FROM blobs"), static_cast<std::int64_t>(files));
        else
            EXPECT_EQ(count("SELECT count(*) FROM blobs"), static_cast<std::int64_t>(files));
        EXPECT_EQ(db().sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    }

    // A second, small document, listed with the big one.
    void serve_small() {
        server.server().Get("/small.pdf", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("%PDF-1.4\n% small\n", "application/pdf");
        });
        Listing l{"https://example.test/kennisbank", "html", std::nullopt,
                  {{"Thema", "Groot", server.url("/big.pdf")}, {"Thema", "Klein", server.url("/small.pdf")}}};
        apply_listings(library(), {l}, true);
    }

    test::TestServer server;
};

} // namespace

TEST_F(CrashTest, KilledMidTransferLeavesNoPartialFileAndTheNextRunCompletes) {
    const std::string big = "%PDF-1.4\n" + std::string(4 << 20, 'k');
    std::mutex m;
    std::condition_variable cv;
    bool half_sent = false;
    bool may_finish = false;
    server.server().Get("/big.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(big.size(), "application/pdf", [&](size_t offset, size_t, httplib::DataSink& sink) {
            const std::size_t chunk = std::min<std::size_t>(64 * 1024, big.size() - offset);
            if (offset >= big.size() / 2) {
                std::unique_lock lock(m);
                half_sent = true;
                cv.notify_all();
                // Until the killed client is gone, the rest of the body waits; later runs get it all.
                cv.wait_for(lock, std::chrono::seconds(30), [&] { return may_finish; });
            }
            sink.write(big.data() + offset, chunk);
            return true;
        });
    });
    serve_small();
    const pid_t child = spawn_kennis({"--home", home(), "fetch", "-j", "2"});
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return half_sent; }));
    }
    kill(child, SIGKILL);
    EXPECT_EQ(wait_exit(child), 128 + SIGKILL);
    {
        std::lock_guard lock(m);
        may_finish = true;
    }
    cv.notify_all();
    expect_store_whole(true);
    EXPECT_EQ(count("SELECT count(*) FROM versions v JOIN urls u ON u.id = v.url_id WHERE u.url LIKE '%big.pdf'"), 0);

    const pid_t again = spawn_kennis({"--home", home(), "fetch"});
    EXPECT_EQ(wait_exit(again), 0);
    expect_store_whole();
    EXPECT_EQ(count("SELECT count(DISTINCT document_id) FROM versions"), 2);
    EXPECT_TRUE(std::filesystem::is_empty(library().tmp_dir())) << "the next run clears what the killed one left";
}

TEST_F(CrashTest, KilledDuringSyncLosesNothing) {
    const std::string base = server.url("");
    const Listing listing = test::seed_listing_with_urls(base);
    const std::string page = test::list_markup(listing, base);
    std::mutex m;
    std::condition_variable cv;
    bool served = false;
    server.server().Get("/kennisbank", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(page, "text/html");
        std::lock_guard lock(m);
        served = true;
        cv.notify_all();
    });
    seed_if_empty(library());
    const auto before = count("SELECT count(*) FROM documents");
    const pid_t child = spawn_kennis({"--home", home(), "sync", "--source", server.url("/kennisbank")});
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return served; }));
    }
    kill(child, SIGKILL);
    wait_exit(child);
    // Either the whole sync happened or none of it.
    const auto urls = count("SELECT count(*) FROM urls");
    EXPECT_TRUE(urls == 0 || urls == 121) << urls;
    EXPECT_TRUE(urls != 0 || count("SELECT count(*) FROM documents") == before);
    expect_store_whole();
    const pid_t again = spawn_kennis({"--home", home(), "sync", "--source", server.url("/kennisbank")});
    EXPECT_EQ(wait_exit(again), 0);
    EXPECT_EQ(count("SELECT count(*) FROM urls"), 121);
}
