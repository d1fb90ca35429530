#pragma once

#include <kennis/filter.hpp>

namespace CLI {
class App;
}

namespace kennis::cli {

// The --theme --tag --type --year --level --status --latest --limit options of list, search and export.
void add_filter_options(CLI::App& command, Filter& filter);

} // namespace kennis::cli
