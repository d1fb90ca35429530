#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/fetch.hpp>
#include <kennis/error.hpp>
#include "json.hpp"

namespace kennis::cli {

void note_fetch_failures(Globals& globals, const FetchReport& report) {
    if (!report.failed.empty())
        globals.exit_code = static_cast<int>(ExitCode::partial);
}

void print_merges(const std::vector<MergeNote>& merged) {
    for (const auto& m : merged)
        fmt::print("merged     {:>5}  {} ({} as {})\n", m.id, shown(m.title), m.reason, m.into);
}

void report_fetch(Globals& globals, const FetchReport& report) {
    note_fetch_failures(globals, report);
    const Output out = globals.output();
    if (print_report_for_scripts(out, [&] { return to_json(report); }, "failed", {"id", "url", "error"}))
        return;
    if (!out.quiet) {
        print_merges(report.merged);
        fmt::print("{} downloaded, {} unchanged, {} not modified, {} merged, {} failed\n", report.downloaded,
                   report.unchanged, report.not_modified, report.merged.size(), report.failed.size());
    }
    for (const auto& f : report.failed)
        fmt::print(stderr, "kennis: failed {:>5}  {}  {}\n", f.id, f.url.empty() ? "-" : f.url, f.error);
}

void register_fetch(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("fetch", "Download documents into the store and read their text");
    auto options = std::make_shared<FetchOptions>();
    cmd->add_option("DOC", options->documents, "Only these documents (id, slug or title)");
    auto* missing = cmd->add_flag_callback(
        "--missing", [options] { options->mode = FetchOptions::Mode::missing; },
        "Documents without a stored file (the default)");
    auto* all = cmd->add_flag_callback(
        "--all", [options] { options->mode = FetchOptions::Mode::all; },
        "Every active document; unchanged files cost a 304 and nothing more");
    auto* refresh = cmd->add_flag_callback(
        "--refresh", [options] { options->mode = FetchOptions::Mode::refresh; },
        "Every active document, downloaded again in full");
    missing->excludes(all)->excludes(refresh);
    all->excludes(refresh);
    cmd->add_option("-j,--jobs", options->jobs, "Transfers at once (at most 8 to one host)")
        ->type_name("N")
        ->check(CLI::Range(1, 64));
    cmd->add_option("--max-size", options->max_size, "Refuse files larger than SIZE (e.g. 200M, 1G)")
        ->type_name("SIZE")
        ->transform(CLI::AsSizeValue(false));
    auto ocr = std::make_shared<std::string>("auto");
    choose_from(cmd->add_option("--ocr", *ocr, "Read pages without a text layer (scans) by OCR: auto (those pages), never, always (every page)"),
                choices::ocr)
        ->type_name("MODE");
    cmd->add_option("--ocr-timeout", options->ocr_page_seconds, "Give up a page that OCR has not read in SECONDS (default 120)")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 3600));
    add_network_options(*cmd, options->network);
    cmd->footer("Exit status 3 when some downloads failed; the others are stored and recorded, and the next\n"
                "run tries the failed ones again.\n\nExamples:\n  kennis fetch\n  kennis fetch --all -j 8\n"
                "  kennis fetch vo-handboek-leerplicht-versie-augustus-2020 --refresh");
    cmd->callback([&globals, options, ocr] {
        options->allow_types = globals.allow_types;
        options->ocr = parse_ocr_mode(*ocr);
        auto library = open_writer(globals);
        report_fetch(globals, fetch(library, *options));
    });
}

} // namespace kennis::cli
