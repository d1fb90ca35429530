#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include "json.hpp"
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
            fmt::print("  {:<9} {:>5}  {}{}\n", c.kind, c.id, shown(c.title),
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
    auto fetch = std::make_shared<FetchOptions>();
    auto then_fetch = std::make_shared<bool>(false);
    cmd->add_option("--source", options->sources,
                    "A page URL, a saved HTML page or a snapshot file (repeatable; default: the live page)")
        ->type_name("URL|FILE")
        ->allow_extra_args(false);
    cmd->add_option("--default-source", options->default_source,
                    "The live Kennisbank page; also the base for links in saved pages")
        ->type_name("URL");
    cmd->add_flag("--force", options->force,
                  "Accept a listing with fewer than half the entries of the last sync of its source");
    cmd->add_flag("--fetch", *then_fetch, "Then download what is missing (as kennis fetch)");
    cmd->add_option("-j,--jobs", fetch->jobs, "With --fetch: transfers at once")->type_name("N")->check(CLI::Range(1, 64));
    add_network_options(*cmd, options->network);
    cmd->footer("Every source is read before anything changes; a source with an error changes nothing.\n"
                "Documents a source no longer lists are marked withdrawn, never deleted.\n\n"
                "Examples:\n  kennis sync\n  kennis sync --fetch\n  kennis sync --source saved-page.html\n"
                "  kennis sync --source downloadcentrum.tsv --format json");
    cmd->callback([&globals, options, fetch, then_fetch] {
        auto library = open_writer(globals);
        if (*then_fetch) {
            fetch->network = options->network;
            fetch->allow_types = globals.allow_types;
            options->fetch = *fetch;
        }
        const auto report = sync(library, *options);
        print_report(globals.output(), report);
        if (report.fetch && globals.output().format == Format::json)
            note_fetch_failures(globals, *report.fetch); // the JSON above already holds the fetch
        else if (report.fetch)
            report_fetch(globals, *report.fetch);
    });
}

} // namespace kennis::cli
