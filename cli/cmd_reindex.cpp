#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/maintenance.hpp>
#include "json.hpp"

namespace kennis::cli {

void register_reindex(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("reindex", "Read the text of stored files again (after an upgrade that reads more)");
    auto o = std::make_shared<ReindexOptions>();
    cmd->add_option("DOC", o->documents, "Only these documents' files (id, slug or title)");
    cmd->add_flag("--all", o->all, "Every stored file, not only those an older kennis read");
    cmd->footer("Without DOC or --all, reads the files that an older kennis read or could not read (a Word\n"
                "file before kennis read Word, a scan before it read scans). Each file is kept as it is\n"
                "done: a run that is stopped goes on where it stopped when run again.\n\n"
                "Examples:\n  kennis reindex\n  kennis reindex 12 \"Handboek Leerplicht\"\n  kennis reindex --all");
    cmd->callback([&globals, o] {
        auto library = open_writer(globals);
        const ReindexReport r = reindex(library, *o);
        const Output out = globals.output();
        if (out.format == Format::json) {
            fmt::print("{}\n", to_json(r).dump(2));
            return;
        }
        if (out.quiet)
            return;
        print_merges(r.merged);
        fmt::print("{} stored files read again: {} with text, {} of them without before{}\n", r.read, r.with_text, r.gained,
                   r.missing ? fmt::format("; {} missing from the store (kennis verify --repair)", r.missing) : "");
    });
}

} // namespace kennis::cli
