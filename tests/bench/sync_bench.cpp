// Sync benchmark: a listing page of N entries (default 100 000) served from 127.0.0.1, synced into
// an empty library by the kennis binary (parse and apply), median of five runs, against the
// sqlite3 shell importing the same entries (title, theme, address) from a TSV file into a table
// with an FTS5 index on the title, and against a budget of 5 s. Beside them, the floor of kennis's
// own schema: the rows a sync writes, copied by the sqlite3 shell from a synced catalogue into an
// empty one with the same tables and indexes (the full-text rows with SQLite's own tokenizer). It
// shows how much of kennis's time is the catalogue's rows, and how much the sync's own work.
//
//   kennis_bench_sync KENNIS_BIN [N]
#include "bench_util.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
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
    std::string tsv;
    for (std::size_t i = 0; i < n; ++i) {
        page += fmt::format("<li>Handreiking nummer {} over verzuim <a href=\"/media/doc-{}.pdf\">download</a></li>\n", i, i);
        tsv += fmt::format("Handreiking nummer {} over verzuim\tThuiszitters\thttp://127.0.0.1/media/doc-{}.pdf\n", i, i);
    }
    page += "</ul></body></html>";

    httplib::Server server;
    // As bytes, so that the server does not spend seconds compressing the page for each run.
    server.Get("/kennisbank", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(page, "application/octet-stream");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    std::thread listener([&] { server.listen_after_bind(); });

    // The reference: the same entries into SQLite with a full-text index on the title, by the
    // sqlite3 shell, from a file it reads as fast as it can. The two run in turns, five times
    // each, so that the shared machine's slow moments fall on both alike.
    const fs::path work = fs::temp_directory_path() / fmt::format("kennis-bench-sync-{}", getpid());
    const fs::path reference_work = work.string() + "-reference";
    fs::create_directories(reference_work);
    std::ofstream(reference_work / "entries.tsv") << tsv;
    std::ofstream(reference_work / "import.sql") << "PRAGMA journal_mode = WAL;\n"
                                                    "CREATE TABLE entries (title TEXT, theme TEXT, address TEXT);\n"
                                                    "CREATE VIRTUAL TABLE entries_title USING fts5(title, content = 'entries');\n"
                                                    ".mode tabs\n"
                                                    ".import entries.tsv entries\n"
                                                    "INSERT INTO entries_title (rowid, title) SELECT rowid, title FROM entries;\n";
    // The floor's rows come from a catalogue synced from the same page, its schema made from
    // that catalogue's (no triggers: a sync leaves them out while it inserts).
    const fs::path floor_work = work.string() + "-floor";
    const std::string source = fmt::format("http://127.0.0.1:{}/kennisbank", port);
    kennis::bench::timed({kennis, "--home", (floor_work / "home").string(), "-q", "sync", "--source", source});
    const std::string rows = (floor_work / "home" / "catalogue.db").string();
    kennis::bench::timed(
        {"sh", "-c",
         fmt::format("cd '{}' && sqlite3 '{}' \"SELECT sql || ';' FROM sqlite_schema WHERE sql IS NOT NULL AND type IN ('table', 'index') "
                     "AND name NOT LIKE 'search_index%'; "
                     "SELECT 'INSERT INTO main.' || name || ' SELECT * FROM rows.' || name || ';' FROM sqlite_schema "
                     "WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'\" > tables.sql",
                     floor_work.string(), rows)});
    std::ofstream(floor_work / "floor.sql")
        << "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\nPRAGMA foreign_keys = ON;\nPRAGMA cache_size = -524288;\n"
        << "ATTACH '" << rows << "' AS rows;\nBEGIN;\nPRAGMA defer_foreign_keys = ON;\n.read tables.sql\n"
        << "CREATE VIRTUAL TABLE search_index USING fts5(title, themes, tags, type, body);\n"
           "INSERT INTO search_index (rowid, title, themes) SELECT d.id * 1048576, d.title, t.name FROM rows.documents d "
           "JOIN rows.memberships m ON m.document_id = d.id JOIN rows.themes t ON t.id = m.theme_id;\n"
           "COMMIT;\n";
    std::vector<double> seconds, reference, floor;
    for (int i = 0; i < 5; ++i) {
        fs::remove_all(work);
        seconds.push_back(kennis::bench::timed({kennis, "--home", work.string(), "-q", "sync", "--source", source}));
        fs::remove(reference_work / "reference.db");
        reference.push_back(kennis::bench::timed(
            {"sh", "-c", fmt::format("cd '{}' && sqlite3 reference.db < import.sql", reference_work.string())}));
        fs::remove(floor_work / "floor.db");
        floor.push_back(kennis::bench::timed({"sh", "-c", fmt::format("cd '{}' && sqlite3 floor.db < floor.sql", floor_work.string())}));
    }
    server.stop();
    listener.join();
    fs::remove_all(work);
    fs::remove_all(reference_work);
    fs::remove_all(floor_work);

    const double took = kennis::bench::median(seconds);
    const double ref = kennis::bench::median(reference);
    const double bare = kennis::bench::median(floor);
    fmt::print("sync benchmark: {} entries ({:.1f} MB page)\n"
               "  kennis sync {:7.3f} s (spread {:.3f}-{:.3f})   sqlite3 .import + FTS5 {:.3f} s (spread {:.3f}-{:.3f})   "
               "ratio {:.2f} (target <= 3.0)\n"
               "  against the 5 s budget: {:.2f} (target <= 1.0)\n"
               "  the same rows into kennis's schema by sqlite3: {:.3f} s (spread {:.3f}-{:.3f}), {:.2f} times the import; "
               "kennis takes {:.2f} times that\n",
               n, static_cast<double>(page.size()) / 1e6, took, *std::min_element(seconds.begin(), seconds.end()),
               *std::max_element(seconds.begin(), seconds.end()), ref, *std::min_element(reference.begin(), reference.end()),
               *std::max_element(reference.begin(), reference.end()), took / ref, took / 5.0, bare,
               *std::min_element(floor.begin(), floor.end()), *std::max_element(floor.begin(), floor.end()), bare / ref,
               took / bare);
    kennis::bench::record(fmt::format("sync {}k", n / 1000), took, "sqlite3 .import TSV into a table with FTS5 on the title", ref, 3.0);
    kennis::bench::record(fmt::format("sync {}k budget", n / 1000), took, "5 s budget", 5.0, 1.0);
    kennis::bench::record(fmt::format("sync {}k schema floor", n / 1000), took,
                          "sqlite3 copying the same rows into kennis's tables, FTS5 with unicode61", bare, std::nullopt);
    return 0;
}
