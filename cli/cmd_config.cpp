#include "commands.hpp"
#include "settings.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/error.hpp>

namespace kennis::cli {

void register_config(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("config", "Show the settings in effect and where each came from");
    auto section = std::make_shared<std::string>();
    cmd->add_option("COMMAND", *section, "Only the settings of this command (fetch, export, …)");
    cmd->footer("Any long option can be set in the config file (TOML): global options at the top, a\n"
                "command's options under [COMMAND]. The command line wins over the file, the file over\n"
                "the defaults.\n\n"
                "Example config.toml:\n"
                "  wait = 600\n"
                "  [sync]\n"
                "  source = [\"https://ingrado.nl/kennisbank\", \"/srv/kennis/extra.tsv\"]\n"
                "  [fetch]\n"
                "  jobs = 8\n"
                "  [export]\n"
                "  link = \"copy\"\n"
                "  max-delete = 200\n\n"
                "Examples:\n  kennis config\n  kennis config export\n  kennis --config team.toml config --format json");
    const CLI::App* root = &app;
    cmd->callback([&globals, root, section] {
        std::vector<Setting> settings = effective_settings(*root, globals);
        if (!section->empty()) {
            std::erase_if(settings, [&](const Setting& s) {
                return s.name != "config" && !s.name.starts_with(*section + ".");
            });
            if (settings.size() <= 1)
                throw UsageError(fmt::format("no command '{}' with settings", *section));
        }
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& s : settings)
            rows.push_back({{"setting", s.name}, {"value", s.value}, {"source", s.source}});
        print_records(globals.output(), rows, {{"SETTING", "setting"}, {"VALUE", "value", true}, {"SOURCE", "source"}},
                      {"setting", "value", "source"});
    });
}

} // namespace kennis::cli
