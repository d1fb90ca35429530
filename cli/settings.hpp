#pragma once

#include "globals.hpp"

#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}

namespace kennis::cli {

// An option that is followed by a value (--jobs 4), not a flag (--quiet).
bool takes_value(const CLI::Option& option);

// One option a config file can set: "home", "fetch.jobs", "export.link", …
struct Setting {
    std::string name;
    std::string value;
    std::string source; // "command line", "config file", "default", or the variable that decided it
};

// Has every option remember the value its variable starts with, so `config` and --help can show
// what applies when nothing is set. Empty lists show nothing.
void capture_defaults(CLI::App& root);

// The config file in effect, every configurable option of every command with the value it has
// in this run, and where that value came from. Called after parsing, from a command's callback.
std::vector<Setting> effective_settings(const CLI::App& root, const Globals& globals);

} // namespace kennis::cli
