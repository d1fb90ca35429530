// Text comparison benchmark, each measure the median of several runs with its spread:
//   near-duplicates  `kennis dupes` over N documents (default 10 000) of about 2 KB of Dutch-like
//                    text, among them 50 edited copies (one word in twenty changed) and 20
//                    factsheets inside a report, all of which must be found      budget 5 s
//   fingerprint      what keeping a text's identity (fingerprint and shingle sample) costs a fetch:
//                    text_identity over the text of F fetched 10-page PDFs on one core, against
//                    the wall time of `kennis fetch` of them from a loopback server: an upper
//                    bound, since a fetch works it out on the threads that read the files
//                                                                                 at most 0.05
//
//   kennis_bench_compare KENNIS_BIN [N] [F]
#include "bench_util.hpp"
#include "compare/text_identity.hpp"
#include "dutch_like_words.hpp"
#include "kennis/library.hpp"
#include "kennis/sync.hpp"
#include "library/library_impl.hpp"
#include "pdf_fixture.hpp"
#include "stocked_store.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <httplib.h>
#include <set>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using kennis::bench::median;
using kennis::bench::timed;

namespace {

std::string words_of(kennis::bench::Words& words, std::size_t bytes) {
    std::string text;
    while (text.size() < bytes)
        text += words.next() + " ";
    return text;
}

// Every twentieth word replaced.
std::string edited(const std::string& text) {
    std::string out;
    std::size_t n = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t space = std::min(text.find(' ', at), text.size());
        out += (n++ % 20 == 0 ? "gewijzigd" + std::to_string(n) : text.substr(at, space - at)) + " ";
        at = space + 1;
    }
    return out;
}

// A catalogue of n documents with text, as a fetch would leave it; returns the planted pairs
// ("a-b", lower id first) that `dupes` must find.
std::set<std::string> plant_catalogue(const fs::path& home, std::size_t n) {
    kennis::Library library(kennis::Context{home, false, std::nullopt, {}});
    std::mt19937_64 rng(11);
    kennis::bench::Words words(rng);
    // Titles as unlike as the Kennisbank's: words drawn at random, so that no title is a suspect.
    kennis::Listing listing{"https://bench.test/kennisbank", "html", std::nullopt, {}};
    for (std::size_t i = 1; i <= n; ++i)
        listing.entries.push_back({"Verzuim 18-", words_of(words, 30), fmt::format("https://bench.test/{}.pdf", i)});
    kennis::apply_listings(library, {listing}, true);
    kennis::test::stock_all(library, [](std::int64_t id) { return fmt::format("%PDF-1.4 {}\n%%EOF\n", id); });
    std::vector<std::string> texts(n + 1);
    for (std::size_t i = 1; i <= n; ++i)
        texts[i] = words_of(words, 2000);
    std::set<std::string> planted;
    for (std::size_t i = 1; i <= 50; ++i) {
        texts[n - 50 + i] = edited(texts[i]);
        planted.insert(fmt::format("{}-{}", i, n - 50 + i));
    }
    for (std::size_t i = 1; i <= 20; ++i) {
        const std::size_t report = 100 + i, factsheet = 200 + i;
        texts[report] = words_of(words, 3000) + texts[factsheet] + words_of(words, 3000);
        planted.insert(fmt::format("{}-{}", report, factsheet)); // the report has the lower id
    }
    auto& db = library.impl().db;
    kennis::WriteTransaction tx(db);
    SQLite::Statement sha_of(db.sql(), "SELECT sha256 FROM versions WHERE document_id = ?");
    SQLite::Statement page(db.sql(), "INSERT INTO pages (sha256, page, text) VALUES (?, 1, ?)");
    SQLite::Statement ok(db.sql(), "UPDATE blobs SET text_status = 'ok', text_reason = NULL WHERE sha256 = ?");
    for (std::size_t i = 1; i <= n; ++i) {
        sha_of.bind(1, static_cast<std::int64_t>(i));
        sha_of.executeStep();
        const std::string sha = sha_of.getColumn(0).getString();
        sha_of.reset();
        page.bind(1, sha);
        page.bind(2, texts[i]);
        page.exec();
        page.reset();
        ok.bind(1, sha);
        ok.exec();
        ok.reset();
        kennis::store_identity(db, sha, kennis::text_identity({texts[i]}));
    }
    tx.commit();
    return planted;
}

// The planted pairs among what `kennis dupes --format json` wrote.
std::size_t found(const fs::path& json, const std::set<std::string>& planted) {
    std::ifstream in(json);
    const auto report = nlohmann::json::parse(in);
    std::size_t n = 0;
    for (const auto& s : report["suspects"]) {
        const auto a = s["a"]["id"].get<std::int64_t>(), b = s["b"]["id"].get<std::int64_t>();
        n += planted.contains(fmt::format("{}-{}", std::min(a, b), std::max(a, b)));
    }
    return n;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} KENNIS_BIN [N] [F]\n", argv[0]);
        return 2;
    }
    const std::string kennis = argv[1];
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 10000;
    const std::size_t files = argc > 3 ? std::stoul(argv[3]) : 100;
    if (n < 300) {
        fmt::print(stderr, "N must be at least 300: the planted pairs take documents up to 270\n");
        return 2;
    }
    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-compare-{}", getpid());
    fs::create_directories(work);

    // Near-duplicates.
    const fs::path home = work / "home";
    const auto planted = plant_catalogue(home, n);
    const fs::path json = work / "dupes.json";
    std::vector<double> dupes;
    for (int i = 0; i < 5; ++i)
        dupes.push_back(timed({"sh", "-c", fmt::format("'{}' --home '{}' dupes --format json > '{}'", kennis, home.string(), json.string())}));
    const std::size_t hits = found(json, planted);
    if (std::getenv("KENNIS_BENCH_KEEP"))
        fmt::print("catalogue kept in {}\n", home.string());

    // The fingerprint's share of a fetch: PDFs of 10 pages of text from a loopback server.
    std::mt19937_64 rng(13);
    kennis::bench::Words words(rng);
    std::vector<std::string> bodies;
    for (std::size_t f = 0; f < files; ++f) {
        std::vector<std::string> pages;
        for (int p = 0; p < 10; ++p) {
            std::string page;
            for (int line = 0; line < 40; ++line)
                page += words_of(words, 70) + "\n";
            pages.push_back(page);
        }
        bodies.push_back(kennis::test::make_pdf(pages));
    }
    httplib::Server server;
    const int port = server.bind_to_any_port("127.0.0.1");
    server.Get(R"(/f/(\d+)\.pdf)", [&](const httplib::Request& req, httplib::Response& res) {
        res.set_content(bodies.at(std::stoul(req.matches[1].str())), "application/pdf");
    });
    std::thread listener([&] { server.listen_after_bind(); });
    {
        std::ofstream snap(work / "listing.tsv");
        snap << "#kennis-snapshot 1\n";
        for (std::size_t i = 0; i < files; ++i)
            snap << "Bench\tDocument " << i << "\thttp://127.0.0.1:" << port << "/f/" << i << ".pdf\n";
    }
    std::vector<double> fetches, identities;
    for (int run = 0; run < 3; ++run) {
        const fs::path h = work / fmt::format("fetch-{}", run);
        timed({kennis, "--home", h.string(), "-q", "sync", "--source", (work / "listing.tsv").string()});
        fetches.push_back(timed({kennis, "--home", h.string(), "-q", "fetch", "--ocr", "never"}));
        kennis::Library library(kennis::Context{h, false, std::nullopt, {}});
        std::vector<std::vector<std::string>> texts;
        SQLite::Statement q(library.impl().db.sql(), "SELECT sha256, text FROM pages ORDER BY sha256, page");
        std::string last;
        while (q.executeStep()) {
            if (q.getColumn(0).getString() != last)
                texts.emplace_back();
            last = q.getColumn(0).getString();
            texts.back().push_back(q.getColumn(1).getString());
        }
        const auto start = std::chrono::steady_clock::now();
        std::size_t words_seen = 0;
        for (const auto& t : texts)
            words_seen += static_cast<std::size_t>(kennis::text_identity(t).words);
        identities.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (words_seen == 0)
            throw std::runtime_error("the fetched files have no text");
    }
    server.stop();
    listener.join();

    const auto lo = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
    const auto hi = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
    fmt::print("text comparison benchmark: {} documents, {} planted pairs; {} fetched PDFs of 10 pages, 2 cores\n", n, planted.size(), files);
    fmt::print("  kennis dupes          {:8.3f} s  ({:.3f}–{:.3f})   budget 5 s; {} of the {} planted pairs found\n", median(dupes), lo(dupes),
               hi(dupes), hits, planted.size());
    fmt::print("  fingerprints          {:8.3f} s  ({:.3f}–{:.3f})   of a fetch of {:.3f} s ({:.3f}–{:.3f}): {:.1f} % (target < 5 %)\n",
               median(identities), lo(identities), hi(identities), median(fetches), lo(fetches), hi(fetches),
               100 * median(identities) / median(fetches));
    kennis::bench::record("dupes 10k", median(dupes), "5 s budget", 5.0, 1.0);
    kennis::bench::record("text fingerprint", median(identities), "kennis fetch", median(fetches), 0.05);
    if (!std::getenv("KENNIS_BENCH_KEEP"))
        fs::remove_all(work);
    return hits == planted.size() ? 0 : 1;
}
