#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/changes.hpp>
#include "choice.hpp"
#include "json.hpp"

#include <kennis/choices.hpp>
#include <kennis/error.hpp>

namespace kennis::cli {
namespace {

// Where the change came from, or what it took in; an added document's detail is its own title.
bool shows_detail(const ChangeEvent& c) {
    return !c.detail.empty() && (c.kind == "withdrawn" || c.kind == "reinstated" || c.kind == "merged" ||
                                 c.kind == "unmerged");
}

} // namespace

void register_changes(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("changes", "What changed since the last sync, or since a date, per theme");
    cmd->footer("Kinds: added, reinstated, withdrawn, new_version, theme_added, theme_removed, merged, unmerged.\n"
                "For a nightly script: kennis sync --fetch && kennis changes --format json\n"
                "A mail to the team when something changed (none when nothing did):\n"
                "  kennis changes --format email --to lpa@gemeente.nl | sendmail -t");
    auto since = std::make_shared<std::optional<std::string>>();
    auto* date = cmd->add_option("--since", *since, "Since this date (2026-11-01) or time (2026-11-01T06:00:00Z)")
                     ->type_name("DATE");
    auto* last = cmd->add_flag_callback(
        "--since-last-sync", [] {}, "Since the start of the last sync (the default)");
    date->excludes(last);
    // Atom and e-mail are for this command alone; the other formats are the global option's.
    auto format = std::make_shared<std::string>();
    choose_from(cmd->add_option("--format", *format, "Output format: atom is a feed, email a MIME message for sendmail -t"),
                choices::changes_format)
        ->type_name("FORMAT");
    auto mail = std::make_shared<MailOptions>();
    cmd->add_option("--to", mail->to, "With --format email: the recipient (repeat for more)")->type_name("ADDRESS");
    cmd->add_option("--from", mail->from, "With --format email: the sender (default: the mail system's)")->type_name("ADDRESS");
    cmd->callback([&globals, since, format, mail] {
        if ((!mail->to.empty() || !mail->from.empty()) && *format != "email")
            throw UsageError("--to and --from are for --format email");
        auto library = open_writer(globals); // an empty library has no changes; it is not seeded
        const ChangesReport r = list_changes(library, *since);
        if (*format == "atom") {
            fmt::print("{}", changes_atom(library, r, {.key = "changes", .self = {}, .page = {}, .link = {}}));
            return;
        }
        if (*format == "email") {
            fmt::print("{}", changes_mail(library, r, *mail));
            return;
        }
        Globals chosen = globals;
        if (!format->empty())
            chosen.format = *format;
        const Output out = chosen.output();
        if (out.format != Format::table) {
            // For CSV and TSV, one row per change and theme.
            nlohmann::ordered_json report = to_json(r);
            nlohmann::ordered_json rows = nlohmann::ordered_json::array();
            for (const auto& t : report["themes"])
                for (auto c : t["changes"]) {
                    c["theme"] = t["theme"];
                    rows.push_back(std::move(c));
                }
            if (out.format != Format::json)
                report["rows"] = std::move(rows);
            print_report_for_scripts(out, [&] { return report; }, "rows", {"theme", "kind", "id", "slug", "title", "detail", "at", "url"});
            return;
        }
        if (out.quiet)
            return;
        for (const auto& t : r.themes) {
            fmt::print("{}\n", t.theme.empty() ? "(no theme)" : t.theme);
            for (const auto& c : t.changes)
                fmt::print("  {:<13} {:>5}  {}{}\n", c.kind, c.id, shown(c.title), shows_detail(c) ? fmt::format("  ({})", c.detail) : "");
        }
        fmt::print("{} changes since {}\n", r.events, r.since.empty() ? "ever (nothing was synced yet)" : r.since);
    });
}

} // namespace kennis::cli
