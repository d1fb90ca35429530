// Share search benchmark: N documents (default 10 000) with about 2 KB of Dutch-like text each,
// exported by the kennis binary, and index.html opened from file:// in headless Chromium, each
// measure the median of several runs with its spread:
//   page ready      from opening index.html to the search taking queries    budget 500 ms
//   rare word       from the query to its first hits on the page             budget 100 ms
//   common word     the same for a word in most documents                    budget 500 ms
//   index size      the index's files against the text they index            at most 1.0
//   nothing to do   kennis export (again)  vs  rsync -a TREE/ COPY/          at most 1.0
// and how many of the index's files a re-export after one changed document rewrites.
//
//   kennis_bench_share KENNIS_BIN [N]
#include "bench_util.hpp"
#include "dutch_like_words.hpp"
#include "kennis/library.hpp"
#include "kennis/sync.hpp"
#include "library/library_impl.hpp"
#include "search/search_index.hpp"
#include "stocked_store.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <random>
#include <regex>
#include <unistd.h>

namespace fs = std::filesystem;
using kennis::bench::median;
using kennis::bench::timed;

namespace {

constexpr const char* rare_word = "kwartiermaker";  // in 3 documents
constexpr const char* common_word = "leerplicht";   // in about 90 % of them

// Milliseconds the page reported: data-ready-ms (opening to ready) and data-hits-ms (query to hits).
std::pair<double, double> open_page(const fs::path& page, const std::string& query) {
    const fs::path dom = fs::path(page).replace_filename("dom.html");
    timed({"sh", "-c", fmt::format("chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://{}#q={}' >'{}' 2>/dev/null",
                                   page.string(), query, dom.string())});
    std::ifstream in(dom);
    const std::string html((std::istreambuf_iterator<char>(in)), {});
    std::smatch ready, hits;
    if (!std::regex_search(html, ready, std::regex("data-ready-ms=\"([0-9.]+)\"")) ||
        !std::regex_search(html, hits, std::regex("data-hits-ms=\"([0-9.]+)\"")))
        throw std::runtime_error("the page did not report its times for " + query);
    return {std::stod(ready[1]), std::stod(hits[1])};
}

std::uintmax_t bytes_under(const fs::path& dir, const std::function<bool(const fs::path&)>& counted) {
    std::uintmax_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && counted(fs::relative(e.path(), dir)))
            total += e.file_size();
    return total;
}

struct Spread {
    double median, low, high;
};
Spread spread(std::vector<double> v) { return {median(v), *std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end())}; }

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} KENNIS_BIN [N]\n", argv[0]);
        return 2;
    }
    const std::string kennis = argv[1];
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 10000;
    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-share-{}", getpid());
    const fs::path home = work / "home";
    fs::create_directories(work);
    std::uintmax_t text_bytes = 0;
    {
        kennis::Library library(kennis::Context{home, false, std::nullopt, {}});
        const std::vector<std::string> themes{"Verzuim 18-", "Verzuim 18+", "Thuiszitters", "Voortijdig schoolverlaten", "Jongeren 16-27"};
        kennis::Listing listing{"https://bench.test/kennisbank", "html", std::nullopt, {}};
        for (std::size_t i = 1; i <= n; ++i)
            listing.entries.push_back({themes[i % themes.size()], fmt::format("Handreiking nummer {} over verzuim", i),
                                       fmt::format("https://bench.test/{}.pdf", i)});
        kennis::apply_listings(library, {listing}, true);
        kennis::test::stock_all(library, [](std::int64_t id) { return fmt::format("%PDF-1.4 {}\n%%EOF\n", id); });
        std::mt19937_64 rng(7);
        kennis::bench::Words words(rng);
        std::uniform_int_distribution<int> percent(0, 99);
        auto& db = library.impl().db;
        kennis::WriteTransaction tx(db);
        SQLite::Statement page(db.sql(), "INSERT INTO pages (sha256, page, text) SELECT sha256, 1, ? FROM versions WHERE document_id = ?");
        std::vector<std::int64_t> ids;
        for (std::size_t i = 1; i <= n; ++i) {
            std::string text;
            if (percent(rng) < 90)
                text += std::string(common_word) + " ";
            if (i % (n / 3) == 1)
                text += std::string(rare_word) + " ";
            while (text.size() < 2000)
                text += words.next() + (percent(rng) < 8 ? ". " : " ");
            text_bytes += text.size();
            page.bind(1, text);
            page.bind(2, static_cast<std::int64_t>(i));
            page.exec();
            page.reset();
            ids.push_back(static_cast<std::int64_t>(i));
        }
        kennis::reindex_documents(db, ids);
        tx.commit();
    }
    fmt::print("share search benchmark: {} documents, {:.1f} MB of text\n", n, static_cast<double>(text_bytes) / 1e6);

    const std::string h = home.string();
    const fs::path share = work / "share";
    const double first_export = timed({kennis, "--home", h, "-q", "export", share.string(), "--link", "copy"});
    const fs::path page = share / "index.html";
    const auto is_text = [](const fs::path& p) { return p.string().starts_with("zoekindex/x/"); };
    const auto is_script = [](const fs::path& p) {
        return p.parent_path() == "zoekindex" && p.filename() != "index.txt" && p.filename() != "woorden.txt";
    };
    const std::uintmax_t index_bytes = bytes_under(share / "zoekindex", [&](const fs::path& p) {
        const fs::path rel = fs::path("zoekindex") / p;
        return !is_text(rel) && !is_script(rel);
    });
    const std::uintmax_t shown_text_bytes = bytes_under(share / "zoekindex", [&](const fs::path& p) { return is_text(fs::path("zoekindex") / p); });

    constexpr int runs = 7;
    std::vector<double> ready, rare, common;
    for (int i = 0; i < runs; ++i) {
        const auto [r1, h1] = open_page(page, rare_word);
        const auto [r2, h2] = open_page(page, common_word);
        ready.push_back(r1);
        ready.push_back(r2);
        rare.push_back(h1);
        common.push_back(h2);
    }

    // Nothing to do, against rsync of the same tree to a copy that is already equal.
    const fs::path mirror = work / "rsync";
    timed({"rsync", "-a", share.string() + "/", mirror.string() + "/"});
    std::vector<double> again, rsync;
    for (int i = 0; i < 9; ++i) {
        again.push_back(timed({kennis, "--home", h, "-q", "export", share.string(), "--link", "copy"}));
        rsync.push_back(timed({"rsync", "-a", share.string() + "/", mirror.string() + "/"}));
    }

    // One document changed: how much of the index is written again.
    std::map<fs::path, fs::file_time_type> before;
    for (const auto& e : fs::recursive_directory_iterator(share / "zoekindex"))
        if (e.is_regular_file())
            before[e.path()] = e.last_write_time();
    timed({kennis, "--home", h, "-q", "tag", "add", "regio/zaanstad", "17"});
    const double changed_export = timed({kennis, "--home", h, "-q", "export", share.string(), "--link", "copy"});
    std::size_t rewritten = 0;
    for (const auto& [path, time] : before)
        rewritten += fs::last_write_time(path) != time;

    const Spread rd = spread(ready), ra = spread(rare), co = spread(common), ag = spread(again), rs = spread(rsync);
    fmt::print("  first export         {:8.3f} s\n", first_export);
    fmt::print("  page ready           {:8.1f} ms  ({:.1f}–{:.1f})   budget 500 ms\n", rd.median, rd.low, rd.high);
    fmt::print("  rare word hits       {:8.1f} ms  ({:.1f}–{:.1f})   budget 100 ms\n", ra.median, ra.low, ra.high);
    fmt::print("  common word hits     {:8.1f} ms  ({:.1f}–{:.1f})   budget 500 ms\n", co.median, co.low, co.high);
    fmt::print("  index files          {:8.2f} MB  against {:.2f} MB of text: ratio {:.2f} (target <= 1.0); the text shown in snippets {:.2f} MB\n",
               static_cast<double>(index_bytes) / 1e6, static_cast<double>(text_bytes) / 1e6,
               static_cast<double>(index_bytes) / static_cast<double>(text_bytes), static_cast<double>(shown_text_bytes) / 1e6);
    fmt::print("  nothing to do        kennis {:.3f} s ({:.3f}–{:.3f})   rsync -a {:.3f} s ({:.3f}–{:.3f})   ratio {:.2f} (target <= 1.0)\n",
               ag.median, ag.low, ag.high, rs.median, rs.low, rs.high, ag.median / rs.median);
    fmt::print("  one document changed {:8.3f} s; {} of the index's {} files written again\n", changed_export, rewritten, before.size());
    kennis::bench::record("share ready", rd.median / 1000, "500 ms budget", 0.5, 1.0);
    kennis::bench::record("share search rare", ra.median / 1000, "100 ms budget", 0.1, 1.0);
    kennis::bench::record("share search common", co.median / 1000, "500 ms budget", 0.5, 1.0);
    kennis::bench::record("share index size", static_cast<double>(index_bytes) / 1e6, "MB of text indexed",
                          static_cast<double>(text_bytes) / 1e6, 1.0);
    kennis::bench::record("share export nothing to do", ag.median, "rsync -a", rs.median, 1.0);
    if (!std::getenv("KENNIS_BENCH_KEEP"))
        fs::remove_all(work);
    return 0;
}
