#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <kennis/error.hpp>
#include "json.hpp"
#include <kennis/maintenance.hpp>

namespace kennis::cli {
namespace {

void print_verify(Globals& globals, const VerifyReport& r, bool repair) {
    if (!r.clean())
        globals.exit_code = static_cast<int>(repair && r.repaired() > 0 ? ExitCode::partial : ExitCode::failure);
    const Output out = globals.output();
    if (print_report_for_scripts(out, [&] { return to_json(r); }, "problems", {"problem", "sha256", "documents", "path", "repair"}))
        return;
    for (const auto& line : r.integrity)
        fmt::print("catalogue  {}\n", line);
    for (const auto& p : r.problems)
        fmt::print("{:<9}  {}  documents {}{}\n", p.problem, p.path, fmt::join(p.documents, ", "),
                   p.repair.empty() ? "" : fmt::format("  ({})", p.repair));
    if (out.quiet)
        return;
    fmt::print("catalogue {}; {} stored files checked, {} missing, {} damaged",
               r.integrity.empty() ? "intact" : "DAMAGED", r.checked,
               std::count_if(r.problems.begin(), r.problems.end(), [](const auto& p) { return p.problem == "missing"; }),
               std::count_if(r.problems.begin(), r.problems.end(), [](const auto& p) { return p.problem == "damaged"; }));
    if (repair)
        fmt::print(", {} restored", r.repaired());
    fmt::print("\n");
    if (!r.unreferenced.empty())
        fmt::print("{} stored files no document uses (left by an interrupted fetch or a merge); kennis gc removes them\n",
                   r.unreferenced.size());
    if (!r.clean() && !repair)
        fmt::print("kennis verify --repair fetches the missing and damaged files again\n");
}

} // namespace

void register_verify(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("verify", "Check the catalogue and re-hash every stored file");
    cmd->footer("Exit status: 0 when all is well; 1 when something is wrong (or stayed wrong); 3 when --repair "
                "restored some files but not all.");
    auto options = std::make_shared<VerifyOptions>();
    cmd->add_flag("--repair", options->repair, "Fetch missing and damaged files again from their download address");
    cmd->add_option("-j,--jobs", options->jobs, "Transfers at once when repairing")->type_name("N")->check(CLI::Range(1, 64));
    add_network_options(*cmd, options->network);
    cmd->callback([&globals, options] {
        auto library = open_writer(globals); // an empty library is not seeded: there is nothing to check
        print_verify(globals, verify(library, *options), options->repair);
    });
}

} // namespace kennis::cli
