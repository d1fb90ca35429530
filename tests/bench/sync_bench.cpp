// Sync benchmark: a listing page of N entries (default 100 000) served from 127.0.0.1, synced into
// an empty library by the kennis binary (parse and apply), median of a few runs, against the
// design's target of 10 s.
//
//   kennis_bench_sync KENNIS_BIN [N]
#include "bench_util.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <httplib.h>
#include <thread>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} KENNIS_BIN [N]\n", argv[0]);
        return 2;
    }
    const std::string kennis = argv[1];
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 100000;
    std::string page = "<html><head><meta charset=\"utf-8\"></head><body><h2>Downloadcentrum</h2><h3>Thuiszitters</h3><ul>";
    for (std::size_t i = 0; i < n; ++i)
        page += fmt::format("<li>Handreiking nummer {} over verzuim <a href=\"/media/doc-{}.pdf\">download</a></li>\n", i, i);
    page += "</ul></body></html>";

    httplib::Server server;
    // As bytes, so that the server does not spend seconds compressing the page for each run.
    server.Get("/kennisbank", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(page, "application/octet-stream");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    std::thread listener([&] { server.listen_after_bind(); });

    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-sync-{}", getpid());
    std::vector<double> seconds;
    for (int i = 0; i < 3; ++i) {
        fs::remove_all(work);
        seconds.push_back(kennis::bench::timed({kennis, "--home", work.string(), "-q", "sync", "--source",
                                                fmt::format("http://127.0.0.1:{}/kennisbank", port)}));
    }
    fs::remove_all(work);
    server.stop();
    listener.join();
    const double took = kennis::bench::median(seconds);
    fmt::print("sync benchmark: {} entries ({:.1f} MB page)\n  kennis sync {:7.3f} s   target 10 s   ratio {:.2f} (target <= 1.0)\n",
               n, static_cast<double>(page.size()) / 1e6, took, took / 10.0);
    // No command does what a sync does; the reference is the time the design allows.
    kennis::bench::record(fmt::format("sync {}k", n / 1000), took, "10 s budget", 10.0, 1.0);
    return 0;
}
