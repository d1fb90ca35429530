#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <kennis/browse.hpp>
#include "json.hpp"

namespace kennis::cli {

void register_themes(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("themes", "List the themes with their number of documents and listing entries");
    cmd->callback([&globals] {
        auto library = open_reader(globals);
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& t : list_themes(library))
            rows.push_back(to_json(t));
        print_records(globals.output(), rows,
                      {{"THEME", "name"}, {"DOCUMENTS", "documents"}, {"ENTRIES", "entries"}},
                      {"name", "documents", "entries"});
    });
}

} // namespace kennis::cli
