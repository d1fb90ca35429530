#include "globals.hpp"

#include "choice.hpp"
#include "progress.hpp"

#include <CLI/CLI.hpp>
#include <kennis/choices.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <kennis/error.hpp>
#include <kennis/sync.hpp>
#include <unistd.h>

namespace kennis::cli {
namespace {

std::optional<std::string> env(const char* name) {
    if (const char* v = std::getenv(name))
        return std::string(v);
    return std::nullopt;
}

} // namespace

Environment process_environment() {
    return {env("KENNIS_HOME"), env("XDG_DATA_HOME"), env("XDG_CONFIG_HOME"), env("HOME")};
}

Context Globals::context() const {
    Context ctx;
    ctx.home = resolve_home(home.empty() ? std::nullopt : std::optional<std::filesystem::path>(home),
                            process_environment());
    ctx.allow_network_home = allow_network_home;
    ctx.wait_seconds = wait;
    ctx.progress = progress_bar(output());
    return ctx;
}

Output Globals::output() const {
    Output out;
    out.format = parse_format(format);
    out.quiet = quiet;
    out.verbose = verbose;
    out.stdout_tty = ::isatty(STDOUT_FILENO) == 1;
    out.progress = !quiet && !no_progress && ::isatty(STDERR_FILENO) == 1;
    out.color = out.stdout_tty && !env("NO_COLOR").has_value();
    return out;
}

Synonyms Globals::synonyms_in_effect() const {
    Synonyms s = Synonyms::shipped();
    for (const auto& group : synonyms)
        s.add(group);
    return s;
}

void add_global_options(CLI::App& app, Globals& g) {
    app.add_option("--home", g.home, "Library home (default: $KENNIS_HOME, else $XDG_DATA_HOME/kennis, "
                                     "else ~/.local/share/kennis)")
        ->type_name("DIR");
    choose_from(app.add_option("--format", g.format, "Output format (paths: the stored files, for xargs)"), choices::format)->type_name("FORMAT");
    app.add_flag("-q,--quiet", g.quiet, "Print only errors");
    app.add_flag("-v,--verbose", g.verbose, "Say more about what is done (repeat for more)");
    app.add_flag("--no-progress", g.no_progress, "No progress bars, even on a terminal");
    app.add_option("--wait", g.wait, "Writers: wait up to SECONDS for another run to release the library")
        ->type_name("SECONDS")
        ->check(CLI::NonNegativeNumber);
    app.add_flag("--allow-network-home", g.allow_network_home,
                 "Allow a library home on NFS/CIFS/SMB (SQLite's locking is unreliable there)");
    app.add_option("--synonyms", g.synonyms,
                   "Add a group of words that search finds for each other, as \"lvs = leerlingvolgsysteem\" (repeatable; "
                   "in the config file: synonyms = [\"…\", …])")
        ->type_name("GROUP")
        ->allow_extra_args(false);
    // Not on the command line, where a script fed by a page could add it: the config file only.
    app.add_option("--allow-types", g.allow_types, "MIME types kept and exported beyond documents (config file only)")
        ->group("")
        ->allow_extra_args(false);
}

void refuse_config_only_options(const std::vector<std::string>& args) {
    for (const auto& a : args)
        if (a == "--allow-types" || a.starts_with("--allow-types="))
            throw UsageError("--allow-types can only be set in the config file (allow-types = [\"application/zip\"] at its top)");
}

Library open_reader(const Globals& globals) {
    Library library(globals.context());
    if (const auto seeded = seed_if_empty(library); seeded && !globals.quiet)
        fmt::print(stderr,
                   "kennis: note: the catalogue in {} was empty; seeded {} documents from the built-in "
                   "Downloadcentrum snapshot (run 'kennis sync' for the live page)\n",
                   library.context().home.string(), seeded->documents);
    return library;
}

Library open_writer(const Globals& globals) { return Library(globals.context()); }

} // namespace kennis::cli

namespace kennis::cli {

void add_network_options(CLI::App& command, NetworkOptions& network) {
    command.add_option("--connect-timeout", network.connect_timeout, "Seconds to wait for a connection")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 3600));
    command.add_option("--stall-timeout", network.stall_timeout,
                       "Give up on a transfer slower than 1 KiB/s for this many seconds")
        ->type_name("SECONDS")
        ->check(CLI::Range(1, 3600));
    command.add_option("--retries", network.retries, "Tries after a transient failure (5xx, 429, timeout)")
        ->type_name("N")
        ->check(CLI::Range(0, 20));
}

} // namespace kennis::cli
