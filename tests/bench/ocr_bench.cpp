// OCR benchmark: a scan of N pages (default 50) of the field's Dutch, made by rendering text PDF
// pages at 300 dpi into an image-only PDF, fetched by the kennis binary from a loopback server
// (which renders every page again and reads it with Tesseract, a page to a thread on every core),
// against the `tesseract` command reading the same rendered images, as many at once as there are
// cores. Reported: the ratio of the times (kennis also renders), and kennis's peak RSS.
//
//   kennis_bench_ocr KENNIS_BIN [N]
#include "bench_util.hpp"
#include "dutch_text.hpp"
#include "pdf_fixture.hpp"
#include "scan_fixture.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <httplib.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using kennis::bench::median;
using kennis::bench::timed;

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} KENNIS_BIN [N]\n", argv[0]);
        return 2;
    }
    const std::string kennis = argv[1];
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 50;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-ocr-{}", getpid());
    fs::create_directories(work / "images");

    std::vector<kennis::test::ScanPage> pages;
    for (std::size_t i = 0; i < n; ++i) {
        std::string text;
        for (std::size_t k = 0; k < 3; ++k)
            text += std::string(kennis::test::dutch_paragraphs[(i + k) % kennis::test::dutch_paragraphs.size()]) + " ";
        pages.push_back(kennis::test::render(kennis::test::make_pdf({kennis::test::wrapped(text)})));
        // The same image for the reference, as a PGM file Tesseract reads.
        std::ofstream pgm(work / "images" / fmt::format("{:03}.pgm", i), std::ios::binary);
        pgm << fmt::format("P5\n{} {}\n255\n", pages.back().width, pages.back().height) << pages.back().gray;
    }
    const std::string scan = kennis::test::image_only_pdf(pages);
    pages = {};
    fmt::print("OCR benchmark: a scan of {} pages ({:.1f} MB), {} cores\n", n, static_cast<double>(scan.size()) / 1e6, cores);

    httplib::Server server;
    const int port = server.bind_to_any_port("127.0.0.1");
    server.Get("/scan.pdf", [&](const httplib::Request&, httplib::Response& res) { res.set_content(scan, "application/pdf"); });
    std::thread serving([&] { server.listen_after_bind(); });
    const std::string tsv = (work / "listing.tsv").string();
    std::ofstream(tsv) << "#kennis-snapshot 1\nThema\tUitspraak\thttp://127.0.0.1:" << port << "/scan.pdf\n";

    std::vector<double> kennis_s, tesseract_s;
    long rss_kib = 0;
    constexpr int runs = 3;
    for (int r = 0; r < runs; ++r) {
        const std::string home = (work / fmt::format("home-{}", r)).string();
        timed({kennis, "--home", home, "-q", "sync", "--source", tsv});
        const auto run = kennis::bench::run({kennis, "--home", home, "-q", "fetch"}, true);
        if (run.exit_code != 0)
            throw std::runtime_error("kennis fetch failed");
        kennis_s.push_back(run.seconds);
        rss_kib = std::max(rss_kib, run.max_rss_kib);
        tesseract_s.push_back(timed({"sh", "-c", fmt::format("cd '{}' && ls *.pgm | OMP_THREAD_LIMIT=1 xargs -P {} -I{{}} tesseract {{}} {{}} -l nld+eng "
                                                             "> /dev/null 2>&1",
                                                             (work / "images").string(), cores)}));
    }
    server.stop();
    serving.join();
    const double k = median(kennis_s), t = median(tesseract_s);
    fmt::print("  kennis fetch (render + OCR)   {:7.2f} s  ({:.2f}–{:.2f})  {:.2f} pages/s per core\n", k,
               *std::min_element(kennis_s.begin(), kennis_s.end()), *std::max_element(kennis_s.begin(), kennis_s.end()),
               static_cast<double>(n) / k / cores);
    fmt::print("  tesseract, {} at once          {:7.2f} s  ({:.2f}–{:.2f})  {:.2f} pages/s per core\n", cores, t,
               *std::min_element(tesseract_s.begin(), tesseract_s.end()), *std::max_element(tesseract_s.begin(), tesseract_s.end()),
               static_cast<double>(n) / t / cores);
    fmt::print("  ratio {:.2f} (target <= 1.1); kennis's peak RSS {} MB (target < 400)\n", k / t, rss_kib / 1024);
    kennis::bench::record(fmt::format("ocr {} pages", n), k, "tesseract on the same images, one per core", t, 1.1);
    kennis::bench::record(fmt::format("ocr {} pages peak RSS", n), static_cast<double>(rss_kib) / 1024, "400 MB budget", 400, 1.0);
    if (!std::getenv("KENNIS_BENCH_KEEP"))
        fs::remove_all(work);
    return 0;
}
