#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/json.hpp>
#include <kennis/sync.hpp>

namespace kennis::cli {
namespace {

void print_report(const Output& out, const SyncReport& report) {
    if (out.quiet)
        return;
    const auto json = to_json(report);
    if (out.format == Format::json) {
        fmt::print("{}\n", json.dump(2));
        return;
    }
    if (out.format != Format::table) {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& s : json["sources"])
            for (auto c : s["changes"]) {
                c["source"] = s["source"];
                rows.push_back(c);
            }
        print_records(out, rows, {}, {"source", "change", "id", "slug", "title", "details"});
        return;
    }
    for (const auto& s : report.sources) {
        fmt::print("{}: {} entries\n", s.source, s.entries);
        for (const auto& c : s.changes) {
            if (c.kind == "updated" && out.verbose == 0 && c.details.empty())
                continue;
            fmt::print("  {:<9} {:>5}  {}{}\n", c.kind, c.id, c.title,
                       c.details.empty() ? "" : fmt::format(" ({})", fmt::join(c.details, "; ")));
        }
    }
    fmt::print("{} added, {} updated, {} withdrawn, {} unchanged; {} active documents\n", report.added,
               report.updated, report.withdrawn, report.unchanged, report.documents);
}

} // namespace

void register_sync(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("sync", "Read Downloadcentrum listings and update the catalogue");
    auto options = std::make_shared<SyncOptions>();
    cmd->add_option("--source", options->sources, "A snapshot FILE to read (repeatable)")
        ->type_name("URL|FILE")
        ->allow_extra_args(false);
    cmd->add_flag("--force", options->force,
                  "Accept a listing with fewer than half the entries of the last sync of its source");
    cmd->footer("Every source is read before anything changes; a source with an error changes nothing.\n"
                "Documents a source no longer lists are marked withdrawn, never deleted.\n\n"
                "Examples:\n  kennis sync --source downloadcentrum.tsv\n"
                "  kennis sync --source a.tsv --source b.tsv --format json");
    cmd->callback([&globals, options] {
        auto library = open_writer(globals);
        print_report(globals.output(), sync(library, *options));
    });
}

} // namespace kennis::cli
