#include "settings.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/ranges.h>
#include <set>

namespace kennis::cli {
namespace {

// The options written on the command line before the command word (the global ones): CLI11
// counts a value from the config file the same as one typed, so the words themselves decide.
std::set<const CLI::Option*> typed_options(const CLI::App& root, const std::vector<std::string>& args) {
    std::set<const CLI::Option*> typed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("-") || arg == "-" || arg == "--")
            break;
        if (arg.starts_with("--")) {
            const auto* o = root.get_option_no_throw(arg.substr(0, arg.find('=')));
            if (!o)
                continue;
            typed.insert(o);
            if (takes_value(*o) && arg.find('=') == std::string::npos)
                ++i; // its value
            continue;
        }
        for (std::size_t c = 1; c < arg.size(); ++c)
            if (const auto* o = root.get_option_no_throw(std::string("-") + arg[c]))
                typed.insert(o);
    }
    return typed;
}

bool is_setting(const CLI::App& app, const CLI::Option* o) {
    return o->get_configurable() && !o->get_lnames().empty() && o != app.get_help_ptr() &&
           o != app.get_help_all_ptr() && o->get_lnames().front() != "version";
}

std::string shown(const std::string& value) { return value.empty() || value == "[]" ? "(none)" : value; }

} // namespace

bool takes_value(const CLI::Option& option) { return option.get_expected_max() > 0 && option.get_type_size_max() > 0; }

void capture_defaults(CLI::App& root) {
    const auto capture = [](CLI::App& app) {
        for (auto* o : app.get_options()) {
            if (o == app.get_config_ptr() || !o->get_default_str().empty())
                continue;
            o->capture_default_str();
            if (o->get_default_str() == "[]")
                o->default_str("");
        }
    };
    capture(root);
    for (auto* sub : root.get_subcommands([](CLI::App*) { return true; }))
        capture(*sub);
}

std::vector<Setting> effective_settings(const CLI::App& root, const Globals& globals) {
    std::vector<Setting> out;
    const Environment env = process_environment();
    const auto typed = typed_options(root, globals.args);
    if (const auto* config = root.get_config_ptr()) {
        // CLI11 records the default file as a result too, when it exists.
        const ChosenPath chosen = choose_config_file(env);
        const bool given = typed.contains(config) && config->count() > 0;
        const std::filesystem::path file = given ? std::filesystem::path(config->results().front()) : chosen.path;
        out.push_back({"config", file.string() + (std::filesystem::exists(file) ? "" : " (not found)"),
                       given ? "command line" : chosen.source});
    }
    const auto add = [&](const CLI::App& app, const std::string& prefix) {
        for (const auto* o : app.get_options()) {
            if (!is_setting(app, o))
                continue;
            Setting s{prefix + o->get_lnames().front(), "", "default"};
            if (o->count() > 0)
                s.source = typed.contains(o) ? "command line" : "config file";
            if (!takes_value(*o))
                s.value = o->count() == 0 ? "off" : o->count() == 1 ? "on" : std::to_string(o->count());
            else if (o->count() > 0)
                s.value = fmt::format("{}", fmt::join(o->results(), ", "));
            else
                s.value = o->get_default_str();
            if (prefix.empty() && s.name == "home" && o->count() == 0) {
                const ChosenPath home = choose_home(std::nullopt, env);
                s.value = home.path.string();
                s.source = home.source;
            }
            s.value = shown(s.value);
            out.push_back(std::move(s));
        }
    };
    add(root, "");
    for (const auto* sub : root.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
        add(*sub, sub->get_name() + ".");
    return out;
}

} // namespace kennis::cli
