#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <kennis/browse.hpp>
#include "json.hpp"

namespace kennis::cli {

void register_stats(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("stats", "Summarize the library: documents, themes, sources, store");
    cmd->callback([&globals] {
        auto library = open_reader(globals);
        auto json = to_json(library_stats(library));
        nlohmann::ordered_json sources = nlohmann::ordered_json::array();
        for (const auto& s : json["sources"])
            sources.push_back(s["location"].get<std::string>() + " (" + std::to_string(s["entries"].get<int>()) +
                              " entries, synced " + s["last_synced"].get<std::string>() + ")");
        if (globals.output().format != Format::json)
            json["sources"] = sources;
        print_object(globals.output(), json,
                     {"home", "schema_version", "documents", "withdrawn", "entries", "themes", "aliases", "urls",
                      "tags", "fetched", "store_files", "store_bytes", "sources"});
    });
}

} // namespace kennis::cli
