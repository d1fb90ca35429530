#include "catalogue_fixture.hpp"
#include "child_process.hpp"
#include "kennis/sync.hpp"
#include "seed_kennisbank.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

using namespace kennis;
namespace fs = std::filesystem;

// Writers (sync and fetch, tag, export) and readers (search, list, show) at once, as kennis
// processes: readers never see "database is locked", a writer that waits gets its turn, one that
// does not exits 4, and nothing a writer reported done is lost. 5 s in the suite; a minute with
// KENNIS_LONG_TESTS=1.
namespace {

std::chrono::seconds duration() {
    const char* long_mode = std::getenv("KENNIS_LONG_TESTS");
    return std::chrono::seconds(long_mode && std::string(long_mode) == "1" ? 60 : 5);
}

struct Outcome {
    int code = 0;
    std::string stderr_text;
};

class ConcurrencyTest : public test::CatalogueTest {
protected:
    void SetUp() override {
        test::serve_seed_kennisbank(server, 40);
        ASSERT_EQ(run({"sync", "--source", server.url("/kennisbank"), "--fetch"}, "setup").code, 0);
    }

    Outcome run(std::vector<std::string> args, const std::string& who) {
        const std::string errors = (dir() / ("stderr-" + who)).string();
        args.insert(args.begin(), {"--home", (dir() / "home").string(), "-q"});
        Outcome o;
        o.code = test::wait_exit(test::spawn_kennis(args, [&] { std::freopen(errors.c_str(), "w", stderr); }));
        o.stderr_text = test::read_file(errors);
        return o;
    }

    test::TestServer server;
};

} // namespace

TEST_F(ConcurrencyTest, TwoWritersAndEightReadersAtOnce) {
    const auto until = std::chrono::steady_clock::now() + duration();
    std::mutex mutex;
    std::vector<std::string> problems;
    std::atomic<int> reads{0}, writes{0}, refused{0};
    std::vector<std::string> tags_done; // tags a writer was told it added
    const auto problem = [&](const std::string& what) {
        std::lock_guard lock(mutex);
        problems.push_back(what);
    };
    std::vector<std::thread> threads;
    for (int r = 0; r < 8; ++r)
        threads.emplace_back([&, r] {
            const std::vector<std::vector<std::string>> commands{
                {"search", "verzuim"}, {"list", "--theme", "verzuim 18-"}, {"show", "1"}, {"search", "leerplicht -handboek"}};
            for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
                const auto& args = commands[static_cast<std::size_t>(i + r) % commands.size()];
                const Outcome o = run(args, "reader-" + std::to_string(r));
                ++reads;
                if (o.code != 0 || o.stderr_text.find("locked") != std::string::npos)
                    problem(args[0] + " exited " + std::to_string(o.code) + ": " + o.stderr_text);
            }
        });
    threads.emplace_back([&] { // the nightly job, waiting its turn
        const std::string dest = (dir() / "share").string();
        for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
            const std::vector<std::string> args =
                i % 3 == 0   ? std::vector<std::string>{"--wait", "60", "sync", "--source", server.url("/kennisbank"), "--fetch"}
                : i % 3 == 1 ? std::vector<std::string>{"--wait", "60", "fetch", "--all"}
                             : std::vector<std::string>{"--wait", "60", "export", dest, "--delete"};
            const Outcome o = run(args, "writer-1");
            ++writes;
            if (o.code != 0)
                problem(args[2] + " exited " + std::to_string(o.code) + ": " + o.stderr_text);
        }
    });
    threads.emplace_back([&] { // a colleague tagging, sometimes without waiting
        for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
            const std::string tag = "ronde/" + std::to_string(i);
            const bool waits = i % 2 == 0;
            std::vector<std::string> args{"tag", "add", tag, std::to_string(1 + i % 30)};
            if (waits)
                args.insert(args.begin(), {"--wait", "60"});
            const Outcome o = run(args, "writer-2");
            ++writes;
            if (o.code == 0) {
                std::lock_guard lock(mutex);
                tags_done.push_back(tag);
            } else if (o.code == 4 && !waits) {
                ++refused;
            } else {
                problem("tag add exited " + std::to_string(o.code) + ": " + o.stderr_text);
            }
        }
    });
    for (auto& t : threads)
        t.join();
    for (const auto& p : problems)
        ADD_FAILURE() << p;
    reopen();
    for (const auto& tag : tags_done)
        EXPECT_EQ(count("SELECT count(*) FROM tags WHERE name = '" + tag + "'"), 1) << tag << " was lost";
    EXPECT_EQ(db().sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_GT(reads.load(), 8);
    EXPECT_GT(writes.load(), 2);
    std::printf("%d reads, %d writes (%d tag runs that did not wait were turned away) in %lld s\n", reads.load(),
                writes.load(), refused.load(), static_cast<long long>(duration().count()));
}
