// Export benchmark: N documents (default 10 000) of about SIZE KiB each (default 100, so ~1 GB)
// under five themes, exported by the kennis binary and copied by the reference commands on the
// same file system, each timed as the median of a few runs:
//   hard links      kennis export --link hardlink   vs  cp -al TREE
//   copies          kennis export --link copy       vs  cp -r TREE  (and cp -r TREE; sync)
//   nothing to do   kennis export (again)           vs  rsync -a TREE/ COPY/ (already equal)
// kennis does not sync its copies (a copy cut short by a power cut is noticed and made again by
// the next run), so the copies compare with plain cp -r; cp -r; sync is shown beside it.
//
//   kennis_bench_export KENNIS_BIN [N] [SIZE_KIB]
#include "bench_util.hpp"
#include "kennis/library.hpp"
#include "kennis/sync.hpp"
#include "stocked_store.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <cstdlib>
#include <random>
#include <unistd.h>

namespace fs = std::filesystem;
using kennis::bench::median;
using kennis::bench::timed;

namespace {

using Command = std::function<std::vector<std::string>(const std::string& target)>;

// The medians of `repeats` runs of `a` and of `b`, taken in turns after one untimed run of each,
// each into a new target folder under `work` (named after `name`) and starting with nothing
// waiting to be written. Nothing is removed until the end: for minutes after files are removed,
// ext4 looks past their inodes when it creates files, which slows whoever runs next by an amount
// that depends on the order of the runs.
std::pair<double, double> medians(const std::string& name, int repeats, const fs::path& work, const Command& a, const Command& b) {
    ::sync();
    timed(a((work / fmt::format("{}-a-warm", name)).string()));
    ::sync();
    timed(b((work / fmt::format("{}-b-warm", name)).string()));
    std::vector<double> sa, sb;
    for (int i = 0; i < repeats; ++i) {
        ::sync();
        sa.push_back(timed(a((work / fmt::format("{}-a-{}", name, i)).string())));
        ::sync();
        sb.push_back(timed(b((work / fmt::format("{}-b-{}", name, i)).string())));
    }
    return {median(sa), median(sb)};
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} KENNIS_BIN [N] [SIZE_KIB]\n", argv[0]);
        return 2;
    }
    const std::string kennis = argv[1];
    const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 10000;
    const std::size_t size = (argc > 3 ? std::stoul(argv[3]) : 100) * 1024;
    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-export-{}", getpid());
    const fs::path home = work / "home";
    fs::create_directories(work);

    {
        kennis::Library library(kennis::Context{home, false, std::nullopt, {}});
        const std::vector<std::string> themes{"Verzuim 18-", "Verzuim 18+", "Thuiszitters", "Voortijdig schoolverlaten",
                                              "Jongeren 16-27"};
        kennis::Listing listing{"https://bench.test/kennisbank", "html", std::nullopt, {}};
        for (std::size_t i = 1; i <= n; ++i)
            listing.entries.push_back({themes[i % themes.size()], fmt::format("Handreiking nummer {} over verzuim", i),
                                       fmt::format("https://bench.test/{}.pdf", i)});
        kennis::apply_listings(library, {listing}, true);
        std::mt19937_64 rng(7);
        std::string block(size, '\0');
        for (auto& c : block)
            c = static_cast<char>(rng());
        kennis::test::stock_all(library, [&](std::int64_t id) { return fmt::format("%PDF-1.4 {}\n", id) + block; });
    }
    fmt::print("export benchmark: {} files of {} KiB ({:.2f} GB) in 5 theme folders\n", n, size / 1024,
               static_cast<double>(n * size) / 1e9);

    const std::string k = kennis;
    const std::string h = home.string();
    const fs::path tree = work / "tree"; // a plain copy of the export, the references' source
    timed({k, "--home", h, "-q", "export", tree.string(), "--link", "copy"});
    // Links and the re-run take a fraction of a second, and a few more runs steady their medians;
    // each copy run writes another gigabyte.
    constexpr int repeats_quick = 9;
    constexpr int repeats_copies = 3;
    const auto export_with = [&](const char* link) {
        return [&, link](const std::string& target) { return std::vector<std::string>{k, "--home", h, "-q", "export", target, "--link", link}; };
    };
    const auto [kennis_links, cp_links] = medians("links", repeats_quick, work, export_with("hardlink"), [&](const std::string& target) {
        return std::vector<std::string>{"cp", "-al", tree.string(), target};
    });
    const auto [kennis_copies, cp_copies] = medians("copies", repeats_copies, work, export_with("copy"), [&](const std::string& target) {
        return std::vector<std::string>{"cp", "-r", tree.string(), target};
    });
    ::sync();
    const double cp_copies_synced = timed({"sh", "-c", fmt::format("cp -r '{0}' '{1}' && sync -f '{1}'", tree.string(), (work / "synced").string())});
    const fs::path mirror = work / "rsync";
    timed({"rsync", "-a", tree.string() + "/", mirror.string() + "/"});
    const auto [kennis_again, rsync_again] = medians("again", repeats_quick, work, [&](const std::string&) {
        return std::vector<std::string>{k, "--home", h, "-q", "export", tree.string(), "--link", "copy"};
    }, [&](const std::string&) { return std::vector<std::string>{"rsync", "-a", tree.string() + "/", mirror.string() + "/"}; });

    fmt::print("  hard links     kennis {:7.3f} s   cp -al {:7.3f} s           ratio {:.2f} (target <= 1.2)\n", kennis_links, cp_links, kennis_links / cp_links);
    fmt::print("  copies         kennis {:7.3f} s   cp -r  {:7.3f} s           ratio {:.2f} (target <= 1.2)\n", kennis_copies, cp_copies, kennis_copies / cp_copies);
    fmt::print("                                    cp -r; sync {:7.3f} s      ratio {:.2f}\n", cp_copies_synced, kennis_copies / cp_copies_synced);
    fmt::print("  nothing to do  kennis {:7.3f} s   rsync -a {:7.3f} s         ratio {:.2f} (target <= 1.0)\n", kennis_again, rsync_again, kennis_again / rsync_again);
    kennis::bench::record("export hard links", kennis_links, "cp -al", cp_links, 1.2);
    kennis::bench::record("export copies", kennis_copies, "cp -r", cp_copies, 1.2);
    kennis::bench::record("export nothing to do", kennis_again, "rsync -a", rsync_again, 1.0);
    if (!std::getenv("KENNIS_BENCH_KEEP"))
        fs::remove_all(work);
    return 0;
}
