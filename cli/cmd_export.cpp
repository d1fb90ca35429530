#include "choice.hpp"
#include "commands.hpp"
#include "filter_options.hpp"

#include <CLI/CLI.hpp>
#include <kennis/choices.hpp>
#include <fmt/format.h>
#include <kennis/error.hpp>
#include <kennis/export.hpp>
#include <kennis/filename.hpp>
#include "json.hpp"

namespace kennis::cli {
namespace {

struct ExportArgs {
    ExportOptions options;
    std::optional<std::string> dest;
    std::optional<std::string> zip;
    std::optional<std::string> check;
    std::string link = "auto";
};

// Lines a person reads: what happened, then what did not.
void print_export(Globals& globals, const ExportReport& r, bool dry_run) {
    const Output out = globals.output();
    if (r.fetch && out.format == Format::json)
        note_fetch_failures(globals, *r.fetch); // the export's JSON holds the fetch
    else if (r.fetch)
        report_fetch(globals, *r.fetch);
    if (!r.failed.empty())
        globals.exit_code = static_cast<int>(ExitCode::partial);
    if (print_report_for_scripts(out, [&] { return to_json(r); }, "changes", {"action", "path"}))
        return;
    if (!out.quiet) {
        if (dry_run || out.verbose > 0)
            for (const auto& c : r.changes)
                fmt::print("{:<8} {}\n", c.action, c.path);
        constexpr std::size_t listed = 10;
        for (std::size_t i = 0; i < r.skipped.size() && i < listed; ++i)
            fmt::print("skipped  {:>5}  {} ({})\n", r.skipped[i].id, shown(r.skipped[i].title), r.skipped[i].reason);
        if (r.skipped.size() > listed)
            fmt::print("skipped  … and {} more (--format json lists them all; kennis fetch stores them)\n", r.skipped.size() - listed);
        const std::size_t removing = static_cast<std::size_t>(
            std::count_if(r.changes.begin(), r.changes.end(), [](const auto& c) { return c.action == "remove"; }));
        if (dry_run)
            fmt::print("dry run: would write {} files and remove {}; {} unchanged, {} skipped; nothing was changed\n",
                       r.changes.size() - removing, removing, r.unchanged, r.skipped.size());
        else
            fmt::print("{} documents to {}: {} written ({} linked, {} copied), {} unchanged, {} removed, {} skipped{}\n",
                       r.documents, r.dest.string(), r.written, r.linked, r.copied, r.unchanged, r.removed, r.skipped.size(),
                       r.stale > 0 ? fmt::format("; {} no longer selected (--delete removes them)", r.stale) : "");
    }
    for (const auto& f : r.failed)
        fmt::print(stderr, "kennis: failed  {}  {}\n", f.path, f.error);
}

void run_check(Globals& globals, const std::string& dir) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& p : check_windows_names(dir))
        rows.push_back({{"path", p.path}, {"problem", p.problem}});
    const Output out = globals.output();
    if (out.format == Format::table) {
        for (const auto& row : rows)
            fmt::print("{}: {}\n", shown(row["path"].get<std::string>()), row["problem"].get<std::string>());
        if (!out.quiet)
            fmt::print("{} {} that Windows clients cannot open\n", rows.size(), rows.size() == 1 ? "name" : "names");
    } else {
        print_records(out, rows, {}, {"path", "problem"});
    }
    if (!rows.empty())
        globals.exit_code = static_cast<int>(ExitCode::failure);
}

} // namespace

void register_export(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("export", "Export documents into a folder tree (a share), a zip, or check a share's names");
    auto args = std::make_shared<ExportArgs>();
    auto& o = args->options;
    cmd->add_option("DEST", args->dest, "The folder to export into (made when missing)");
    auto* zip = cmd->add_option("--zip", args->zip, "Write the export into this zip archive instead")->type_name("FILE");
    auto* check = cmd->add_option("--check", args->check, "Report the names under DIR that Windows clients cannot open")
                      ->type_name("DIR");
    choose_from(cmd->add_option("--by", o.by, "Folders by this (default theme), or none: flat"), choices::layout)->type_name("LAYOUT");
    cmd->add_option("--template", o.path_template,
                    "Paths from fields: {theme} {tag} {type} {year} {date} {title} {slug} {publisher} {ext}")
        ->type_name("T");
    choose_from(cmd->add_option("--link", args->link, "How files reach DEST (default auto: see below)"), choices::link)->type_name("MODE");
    cmd->add_option("--query", o.query, "Only the documents this search finds")->type_name("QUERY");
    add_filter_options(*cmd, o.filter);
    auto* del = cmd->add_flag("--delete", o.delete_stale, "Remove files an earlier export wrote that are no longer selected");
    cmd->add_option("--max-delete", o.max_delete, "Refuse to remove more than N files (default 50)")
        ->type_name("N")
        ->needs(del);
    cmd->add_option("--news-days", o.news_days, "WAT-IS-NIEUW.html/.csv list the changes of N days (default 30; 0: none)")
        ->type_name("N")
        ->check(CLI::Range(0, 3650));
    cmd->add_flag("-n,--dry-run", o.dry_run, "Print what would change; touch nothing");
    cmd->add_flag("--fetch", o.fetch, "Fetch selected documents that are not stored yet, first");
    cmd->add_flag("--allow-macros", o.allow_macros, "Also export Office files that carry macros (left out by default)");
    cmd->add_flag("!--no-search", o.share_search, "Leave out the search in the documents' text (the folder zoekindex/)");
    zip->excludes(check)->excludes(del);
    cmd->footer(R"(Every file is written under a temporary name and renamed, so a reader never sees half a
file. A state file (.kennis-export) in DEST records what kennis wrote: a re-run writes only what
changed, and --delete never removes a file kennis did not write. A file that cannot be replaced
(open on another computer) keeps its old version; the run exits 3 and the next run tries again.

--link auto hard-links from the store when DEST is on the same file system; on a share it copies
each document once and hard-links its other folders to that copy where the share allows it.

index.html searches the text of the exported documents as `kennis search` does (the same query
language, Dutch word forms, synonyms, ranking), in the browser, from the share itself: no server,
nothing installed. Its index is the folder zoekindex/ beside it. index.html#q=QUERY opens with
the hits of QUERY. Files and folders get the permissions cp and mkdir give (0666/0777 less the
umask), so colleagues can open them.

Examples:
  kennis export /mnt/team/kennisbank
  kennis export /mnt/team/kennisbank --delete
  kennis export ~/kennis-po --level PO --by type
  kennis export export/ --template '{theme}/{year}/{title}{ext}'
  kennis export --zip thuiszitters.zip --theme Thuiszitters
  kennis export --check /mnt/team/kennisbank)");
    cmd->callback([&globals, args, cmd] {
        const int targets = (args->dest ? 1 : 0) + (args->zip ? 1 : 0) + (args->check ? 1 : 0);
        if (targets != 1)
            throw UsageError("export needs one of DEST, --zip FILE or --check DIR");
        if (args->check)
            return run_check(globals, *args->check);
        auto& options = args->options;
        options.synonyms = globals.synonyms_in_effect();
        if (cmd->count("--template") > 0 && cmd->count("--by") > 0)
            throw UsageError("--template replaces --by; give one of them");
        options.link = parse_link_mode(args->link);
        options.zip = args->zip.has_value();
        options.dest = args->zip ? *args->zip : *args->dest;
        options.allow_types = options.fetch_options.allow_types = globals.allow_types;
        auto library = open_writer(globals);
        print_export(globals, export_documents(library, options), options.dry_run);
    });
}

} // namespace kennis::cli
