#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include "json.hpp"
#include <kennis/maintenance.hpp>

namespace kennis::cli {

void register_gc(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("gc", "Remove stored files that no document uses any more");
    auto dry_run = std::make_shared<bool>(false);
    cmd->add_flag("-n,--dry-run", *dry_run, "Only say what would be removed");
    cmd->callback([&globals, dry_run] {
        auto library = open_writer(globals);
        const GcReport r = collect_garbage(library, *dry_run);
        const Output out = globals.output();
        if (print_report_for_scripts(out, [&] { return to_json(r); }, "files", {"path"}) || out.quiet)
            return;
        for (const auto& sha : r.removed)
            fmt::print("{}  {}\n", r.dry_run ? "would remove" : "removed", sha);
        fmt::print("{} {} stored files ({:.1f} MB){}\n", r.dry_run ? "would remove" : "removed", r.removed.size(),
                   static_cast<double>(r.bytes) / 1e6, r.dry_run ? "; nothing was changed" : "");
    });
}

} // namespace kennis::cli
