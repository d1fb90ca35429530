#pragma once

#include "globals.hpp"

namespace CLI {
class App;
}

namespace kennis::cli {

void register_list(CLI::App& app, Globals& globals);
void register_show(CLI::App& app, Globals& globals);
void register_themes(CLI::App& app, Globals& globals);
void register_stats(CLI::App& app, Globals& globals);
void register_sync(CLI::App& app, Globals& globals);

} // namespace kennis::cli
