#pragma once

#include "output.hpp"

#include <kennis/fetch.hpp>
#include <kennis/library.hpp>
#include <kennis/synonyms.hpp>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kennis::cli {

// The global options, shared by every subcommand.
struct Globals {
    std::string home;
    std::string format = "table";
    bool quiet = false;
    int verbose = 0;
    bool no_progress = false;
    std::optional<double> wait;
    bool allow_network_home = false;
    std::vector<std::string> allow_types; // from the config file only
    std::vector<std::string> synonyms;    // groups added to kennis's own: "lvs = leerlingvolgsysteem"
    int exit_code = 0; // set by a command that did only part of its work
    std::vector<std::string> args; // the command line as given, for commands that read it in order

    Context context() const;
    Output output() const;
    Synonyms synonyms_in_effect() const; // kennis's list with the groups of --synonyms
};

void add_global_options(CLI::App& app, Globals& globals);

// Throws a usage error when the command line gives an option only the config file may set.
void refuse_config_only_options(const std::vector<std::string>& args);

// Opens the library for a reading command, seeding an empty catalogue from the built-in snapshot
// and saying so on stderr.
Library open_reader(const Globals& globals);

// Opens the library for a writing command; the library itself takes the writer lock.
Library open_writer(const Globals& globals);

Environment process_environment();

// --connect-timeout, --stall-timeout, --retries: shared by fetch and sync.
void add_network_options(CLI::App& command, NetworkOptions& network);

} // namespace kennis::cli
