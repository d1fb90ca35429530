#include "catalogue/catalogue.hpp"
#include "catalogue_fixture.hpp"
#include "child_process.hpp"
#include "kennis/fetch.hpp"
#include "kennis/sync.hpp"
#include "listing_pages.hpp"
#include "seed_kennisbank.hpp"
#include "util/sha256.hpp"
#include "test_server.hpp"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kennis;

namespace {

using test::spawn_kennis;
using test::wait_exit;

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

namespace {

// How many kill points: a few in the normal suite, a hundred with KENNIS_LONG_TESTS=1.
int kill_points() {
    const char* long_mode = std::getenv("KENNIS_LONG_TESTS");
    return long_mode && std::string(long_mode) == "1" ? 100 : 4;
}

// The nightly job as one process group: sync and fetch, tag, export with copies and --delete.
pid_t spawn_nightly(const std::string& home, const std::string& page, const std::string& dest) {
    // --wait: a killed run's process may still be going away, holding the lock, when the next begins.
    const std::string k = std::string(KENNIS_BIN) + " -q --wait 30 --home " + home;
    const std::string script = k + " sync --source " + page + " --fetch -j 4 && " + k +
                               " tag add nacht --query verzuim && " + k + " export " + dest +
                               " --link copy --delete --max-delete 1000";
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    setpgid(pid, pid);
    return pid;
}

class KillPointTest : public CrashTest {
protected:
    void SetUp() override { test::serve_seed_kennisbank(server, 40, 200000); }

    std::string dest() { return (dir() / "share").string(); }

    // What a killed run may leave: a whole catalogue, a whole store, and in the export only whole
    // files under their real names (a half-written one only under a hidden temporary name).
    void expect_consistent_after_kill() {
        expect_store_whole(true);
        std::set<std::string> blobs;
        SQLite::Statement q(db().sql(), "SELECT sha256 FROM blobs");
        while (q.executeStep())
            blobs.insert(q.getColumn(0).getString());
        if (!std::filesystem::exists(dest()))
            return;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dest())) {
            const std::string name = e.path().filename().string();
            if (!e.is_regular_file() || name.starts_with(".") || !name.ends_with(".pdf"))
                continue;
            EXPECT_TRUE(blobs.contains(sha256_hex(test::read_file(e.path())))) << "a partial file: " << e.path();
        }
    }

    // After a run that was not interrupted: everything listed is fetched and exported, the
    // checksums hold, and nothing temporary is left anywhere.
    void expect_finished() {
        expect_store_whole();
        EXPECT_EQ(count("SELECT count(DISTINCT document_id) FROM versions"), count("SELECT count(*) FROM documents"));
        EXPECT_TRUE(std::filesystem::is_empty(library().tmp_dir()));
        const auto sums = test::read_file(std::filesystem::path(dest()) / "SHA256SUMS");
        std::istringstream lines(sums);
        std::size_t checked = 0;
        for (std::string line; std::getline(lines, line); ++checked)
            EXPECT_EQ(sha256_hex(test::read_file(std::filesystem::path(dest()) / line.substr(66))), line.substr(0, 64))
                << line;
        EXPECT_GT(checked, 30u);
        for (const auto& e : std::filesystem::recursive_directory_iterator(dest()))
            EXPECT_FALSE(e.path().filename().string().starts_with(".kennis-part-")) << e.path();
    }
};

} // namespace

TEST_F(KillPointTest, SyncFetchTagAndExportKilledAnywhereLoseNothingAndTheNextRunFinishes) {
    // How long an uninterrupted run takes, so the kill points can spread over all of it: the
    // quickest of three, since other tests may share the machine for a moment.
    double full = 1e9;
    for (int run = 0; run < 3; ++run) {
        const std::string name = "-timing-" + std::to_string(run);
        const auto start = std::chrono::steady_clock::now();
        ASSERT_EQ(wait_exit(spawn_nightly(home() + name, server.url("/kennisbank"), dest() + name)), 0);
        full = std::min(full, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const int points = kill_points();
    int interrupted = 0; // kill points that left work undone for the next run
    for (int i = 0, tries = 0; i < points && tries < 4 * points; ++i, ++tries) {
        SCOPED_TRACE("kill point " + std::to_string(i + 1) + " of " + std::to_string(points));
        reopen();
        std::filesystem::remove_all(home());
        std::filesystem::remove_all(dest());
        const pid_t child = spawn_nightly(home(), server.url("/kennisbank"), dest());
        // The kill point: a moment spread evenly over the run (this sleep chooses when to kill,
        // it does not wait for anything).
        std::this_thread::sleep_for(std::chrono::duration<double>(full * (i + 0.5) / points));
        kill(-child, SIGKILL);
        if (wait_exit(child) == 0) {
            full /= 2; // it had finished before the kill: runs are quicker now than when timed; again
            --i;
            continue;
        }
        if (!std::filesystem::exists(std::filesystem::path(home()) / "catalogue.db"))
            continue; // killed before it began
        reopen();
        expect_consistent_after_kill();
        if (!std::filesystem::exists(std::filesystem::path(dest()) / "SHA256SUMS"))
            ++interrupted;
        ASSERT_EQ(wait_exit(spawn_nightly(home(), server.url("/kennisbank"), dest())), 0);
        reopen();
        expect_finished();
        if (HasFailure())
            break;
    }
    std::printf("%d kill points over a %.2f s run; %d interrupted it before the export was done\n", points, full,
                interrupted);
    EXPECT_GT(interrupted, 0);
}
