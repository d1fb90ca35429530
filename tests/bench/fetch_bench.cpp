// Fetch benchmark: 200 files of 1 MB from a loopback server with ~30 ms to first byte, fetched by
// `kennis fetch -j 8` and by `curl --parallel --parallel-max 8` into files, median over several
// runs; then the peak RSS of kennis fetching one 1 GiB file.
//
//   kennis_bench_fetch KENNIS_BIN [RUNS]
#include "bench_util.hpp"
#include "pdf_fixture.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <httplib.h>
#include <thread>

namespace fs = std::filesystem;
using kennis::bench::median;
using kennis::bench::run;

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} KENNIS_BIN [RUNS]\n", argv[0]);
        return 2;
    }
    const std::string kennis = argv[1];
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    constexpr int files = 200;
    constexpr std::size_t file_size = 1 << 20;
    constexpr std::size_t big_size = std::size_t{1} << 30;

    httplib::Server server;
    server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    const int port = server.bind_to_any_port("127.0.0.1");
    server.Get("/big.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(big_size, "application/pdf", [&](size_t offset, size_t, httplib::DataSink& sink) {
            static const std::string chunk = [] {
                std::string c = "%PDF-1.4\n";
                c.resize(1 << 16, 'y');
                return c;
            }();
            sink.write(chunk.data(), std::min(chunk.size(), big_size - offset));
            return true;
        });
    });
    std::vector<std::string> bodies; // filled after the 1 GiB run, before the first request for them
    server.Get(R"(/f/(\d+)\.pdf)", [&](const httplib::Request& req, httplib::Response& res) {
        std::this_thread::sleep_for(std::chrono::milliseconds(30)); // time to first byte
        res.set_content(bodies.at(std::stoul(req.matches[1].str())), "application/pdf");
    });
    std::thread listener([&] { server.listen_after_bind(); });

    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-fetch-{}", getpid());
    fs::create_directories(work);
    const std::string base = fmt::format("http://127.0.0.1:{}", port);
    {
        std::ofstream snap(work / "listing.tsv");
        snap << "#kennis-snapshot 1\n";
        for (int i = 0; i < files; ++i)
            snap << "Bench\tDocument " << i << "\t" << base << "/f/" << i << ".pdf\n";
        std::ofstream big(work / "big.tsv");
        big << "#kennis-snapshot 1\nBench\tGroot document\t" << base << "/big.pdf\n";
        std::ofstream config(work / "curl.cfg");
        for (int i = 0; i < files; ++i)
            config << "url = \"" << base << "/f/" << i << ".pdf\"\noutput = \"" << (work / "curl" / std::to_string(i)).string()
                   << "\"\n";
    }

    // First the 1 GiB download, while this process is still small: a forked child's peak RSS
    // counts what it shared with its parent before exec.
    const fs::path big_home = work / "home-big";
    run({kennis, "-q", "--home", big_home.string(), "sync", "--source", (work / "big.tsv").string()});
    const auto big = run({kennis, "-q", "--home", big_home.string(), "fetch", "--max-size", "2G"}, true);
    fmt::print("fetch: one 1 GiB file: {:.1f} s, exit {}, peak RSS {:.1f} MiB  (target < 64 MiB)\n", big.seconds,
               big.exit_code, static_cast<double>(big.max_rss_kib) / 1024);

    // Real PDFs of 1 MiB, each with its own text, so kennis reads text as it would in use.
    for (int i = 0; i < files; ++i) {
        const std::string text = fmt::format("Document {} over schoolverzuim en leerplicht", i);
        bodies.push_back(kennis::test::make_pdf({text}, file_size - kennis::test::make_pdf({text}).size() - 64));
    }
    std::vector<double> kennis_times, curl_times, ratios, kennis_cpu, curl_cpu;
    for (int r = 0; r < runs; ++r) {
        const fs::path home = work / fmt::format("home-{}", r);
        run({kennis, "-q", "--home", home.string(), "sync", "--source", (work / "listing.tsv").string()});
        // kennis makes its files durable with a sync of their file system, which would also write
        // out what curl left in the page cache the run before: each starts with nothing dirty.
        ::sync();
        const auto k = run({kennis, "-q", "--home", home.string(), "fetch", "-j", "8"});
        fs::remove_all(work / "curl");
        fs::create_directories(work / "curl");
        ::sync();
        const auto c = run({"curl", "-s", "--parallel", "--parallel-max", "8", "-K", (work / "curl.cfg").string()});
        if (k.exit_code != 0 || c.exit_code != 0) {
            fmt::print(stderr, "run {} failed: kennis exit {}, curl exit {}\n", r, k.exit_code, c.exit_code);
            return 1;
        }
        kennis_times.push_back(k.seconds);
        kennis_cpu.push_back(k.cpu_seconds);
        curl_cpu.push_back(c.cpu_seconds);
        curl_times.push_back(c.seconds);
        ratios.push_back(k.seconds / c.seconds);
        fs::remove_all(home);
    }
    fmt::print("fetch: {} files x 1 MiB, 30 ms to first byte, 8 parallel, {} runs\n", files, runs);
    fmt::print("  kennis fetch -j 8                     median {:.3f} s  (cpu {:.3f} s)\n", median(kennis_times),
               median(kennis_cpu));
    fmt::print("  curl --parallel --parallel-max 8      median {:.3f} s  (cpu {:.3f} s)\n", median(curl_times),
               median(curl_cpu));
    fmt::print("  ratio kennis/curl                     median {:.2f}  (target <= 1.0)\n", median(ratios));
    kennis::bench::record("fetch 200x1MiB", median(kennis_times), "curl --parallel --parallel-max 8", median(curl_times), 1.0);

    fs::remove_all(work);
    server.stop();
    listener.join();
    return 0;
}
