#include "commands.hpp"
#include "globals.hpp"
#include "settings.hpp"

#include <CLI/CLI.hpp>
#include <fmt/ranges.h>
#include <kennis/error.hpp>
#include <kennis/version.hpp>

namespace {

using kennis::ExitCode;

int fail(ExitCode code, const std::string& message) {
    fmt::print(stderr, "kennis: error: {}\n", message);
    return static_cast<int>(code);
}

// CLI11's messages end without a hint; point to the help of the command that was used.
int usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
    std::string where = "kennis";
    for (const auto* sub : app.get_subcommands())
        where += " " + sub->get_name();
    std::string message = e.what();
    if (app.get_subcommands().empty()) {
        // "A subcommand is required" also answers a misspelt command; name the word instead.
        std::vector<std::string> names;
        for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
            names.push_back(sub->get_name());
        for (int i = 1; i < argc; ++i) {
            const std::string word = argv[i];
            if (word.starts_with("-")) {
                const auto* option = app.get_option_no_throw(word.substr(0, word.find('=')));
                if (option && kennis::cli::takes_value(*option) && word.find('=') == std::string::npos)
                    ++i; // its value
                continue;
            }
            message = fmt::format("unknown command '{}'; the commands are: {}", word, fmt::join(names, ", "));
            break;
        }
    }
    fmt::print(stderr, "kennis: error: {}\nRun '{} --help' for usage.\n", message, where);
    return static_cast<int>(ExitCode::usage);
}

} // namespace

int main(int argc, char** argv) {
    using namespace kennis::cli;
    CLI::App app{"kennis: a deduplicated, searchable catalogue of the Kennisbank Downloadcentrum", "kennis"};
    app.set_version_flag("--version", std::string("kennis ") + kennis::version());
    app.require_subcommand(1);
    app.fallthrough();
    app.footer("Exit codes: 0 success, 1 failure, 2 usage error or bad query, 3 partly done, 4 library locked.\n"
               "Run 'kennis COMMAND --help' for a command's options, or see kennis(1).");
    Globals globals;
    globals.args = protect_excluded_words(std::vector<std::string>(argv + 1, argv + argc));
    add_global_options(app, globals);
    app.set_config("--config", kennis::default_config_file(process_environment()).string(),
                   "Read options from this TOML file");
    register_list(app, globals);
    register_show(app, globals);
    register_themes(app, globals);
    register_stats(app, globals);
    register_sync(app, globals);
    register_fetch(app, globals);
    register_search(app, globals);
    register_tag(app, globals);
    register_export(app, globals);
    register_changes(app, globals);
    register_dupes(app, globals);
    register_diff(app, globals);
    register_verify(app, globals);
    register_gc(app, globals);
    register_reindex(app, globals);
    register_config(app, globals);
    register_completion(app, globals);
    capture_defaults(app);

    try {
        refuse_config_only_options(globals.args);
        app.parse(std::vector<std::string>(globals.args.rbegin(), globals.args.rend()));
        return globals.exit_code;
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        fmt::print("{}", app.help("", CLI::AppFormatMode::All));
        return 0;
    } catch (const CLI::CallForVersion& e) {
        fmt::print("{}\n", e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            return app.exit(e);
        }
        return usage_error(app, e, argc, argv);
    } catch (const kennis::NotFoundError& e) {
        fail(e.code(), e.what());
        if (!e.suggestions().empty()) {
            fmt::print(stderr, "Closest titles:\n");
            for (const auto& s : e.suggestions())
                fmt::print(stderr, "  {}\n", s);
        }
        return static_cast<int>(e.code());
    } catch (const kennis::Error& e) {
        fail(e.code(), e.what());
        if (!e.hint().empty())
            fmt::print(stderr, "hint: {}\n", e.hint());
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        return fail(ExitCode::failure, e.what());
    }
}
