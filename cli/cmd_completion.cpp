#include "choice.hpp"
#include "commands.hpp"
#include "settings.hpp"

#include <CLI/CLI.hpp>
#include <kennis/choices.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <functional>
#include <map>
#include <set>
#include <utility>
#include <kennis/browse.hpp>
#include <kennis/tags.hpp>

// Shell completion. The scripts are drawn from the command line's own definition, so a new
// command or option completes without anyone editing them; themes, tags and documents come
// from the library at the moment of completing, through the hidden `kennis __complete`.
namespace kennis::cli {
namespace {

const CLI::App* root_of(const CLI::App* app) {
    while (app->get_parent())
        app = app->get_parent();
    return app;
}

std::vector<const CLI::App*> commands_of(const CLI::App* app) {
    std::vector<const CLI::App*> out;
    for (const auto* sub : app->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
        out.push_back(sub);
    return out;
}

std::vector<std::string> names_of(const std::vector<const CLI::App*>& commands) {
    std::vector<std::string> out;
    for (const auto* c : commands)
        out.push_back(c->get_name());
    return out;
}

// "--theme", "-j", … of a command, and the ones among them that take a value.
struct Flags {
    std::vector<std::string> all;
    std::vector<std::string> with_value;
};

Flags flags_of(const CLI::App* app) {
    Flags f;
    for (const auto* o : app->get_options()) {
        std::vector<std::string> names;
        for (const auto& l : o->get_lnames())
            names.push_back("--" + l);
        for (const auto& s : o->get_snames())
            names.push_back("-" + s);
        f.all.insert(f.all.end(), names.begin(), names.end());
        if (takes_value(*o))
            f.with_value.insert(f.with_value.end(), names.begin(), names.end());
    }
    return f;
}

// Every option with a fixed set of values, as a bash case pattern on "COMMAND --option": a
// command's own first (changes --format offers atom), then the global ones, for any command.
std::vector<std::pair<std::string, std::span<const std::string_view>>> options_with_choices(const CLI::App* root) {
    std::vector<std::pair<std::string, std::span<const std::string_view>>> own, global;
    std::set<std::string> seen;
    const std::function<void(const CLI::App*, const std::string&)> visit = [&](const CLI::App* app, const std::string& command) {
        for (const auto* o : app->get_options())
            if (const auto values = choices_of(*o); !values.empty())
                for (const auto& l : o->get_lnames()) {
                    const std::string pattern = command.empty() ? fmt::format("*\" --{}\"", l) : fmt::format("\"{} --{}\"", command, l);
                    if (seen.insert(pattern).second)
                        (command.empty() ? global : own).emplace_back(pattern, values);
                }
        for (const auto* sub : commands_of(app))
            visit(sub, command.empty() ? sub->get_name() : command);
    };
    visit(root, "");
    own.insert(own.end(), global.begin(), global.end());
    return own;
}

// A bash word list of `values`, one per line, for compgen -W with IFS set to a newline.
std::string bash_words(std::span<const std::string_view> values) { return fmt::format("$'{}'", fmt::join(values, "\\n")); }

std::span<const std::string_view> shells(const CLI::App* root) {
    return choices_of(*root->get_subcommand("completion")->get_option("SHELL"));
}

// Commands whose bare words name documents.
constexpr const char* document_commands = "show fetch add rm merge unmerge diff reindex";

std::string bash_script(const CLI::App* root) {
    const auto commands = commands_of(root);
    const Flags global = flags_of(root);
    std::string option_cases;
    std::vector<std::string> with_value = global.with_value;
    for (const auto* c : commands) {
        Flags f = flags_of(c);
        for (const auto* sub : commands_of(c)) { // tag add --query …: a command's own commands' options too
            Flags s = flags_of(sub);
            f.all.insert(f.all.end(), s.all.begin(), s.all.end());
            f.with_value.insert(f.with_value.end(), s.with_value.begin(), s.with_value.end());
        }
        with_value.insert(with_value.end(), f.with_value.begin(), f.with_value.end());
        std::vector<std::string> words = f.all;
        words.insert(words.end(), global.all.begin(), global.all.end());
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        option_cases += fmt::format("        {}) words=\"{}\" ;;\n", c->get_name(), fmt::join(words, " "));
    }
    std::string subcommand_cases;
    for (const auto* c : commands)
        if (const auto subs = commands_of(c); !subs.empty())
            subcommand_cases += fmt::format("        {}) subs=\"{}\" ;;\n", c->get_name(), fmt::join(names_of(subs), " "));
    std::sort(with_value.begin(), with_value.end());
    with_value.erase(std::unique(with_value.begin(), with_value.end()), with_value.end());
    std::string value_cases;
    for (const auto& [pattern, values] : options_with_choices(root))
        value_cases += fmt::format("        {}) COMPREPLY=($(compgen -W {} -- \"$cur\")); return ;;\n", pattern, bash_words(values));

    return fmt::format(R"(# kennis completion for bash: source <(kennis completion bash)
_kennis_values() {{
    # Values with spaces ("Verzuim 18-") come back escaped, one per line.
    local -a home=()
    [[ -n $_kennis_home ]] && home=(--home "$_kennis_home")
    local IFS=$'\n' value
    for value in $(kennis "${{home[@]}}" __complete "$1" 2>/dev/null); do
        [[ $value == "$2"* ]] && printf '%q\n' "$value"
    done
}}

_kennis() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local cmd="" sub="" i word skip=0 _kennis_home=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if ((skip)); then skip=0; continue; fi
        case " {with_value} " in *" $word "*) skip=1; [[ $word == --home ]] && _kennis_home=${{COMP_WORDS[i+1]}}; continue ;; esac
        [[ $word == -* ]] && continue
        if [[ -z $cmd ]]; then cmd=$word; elif [[ -z $sub ]]; then sub=$word; fi
    done
    local IFS=$'\n'
    case "$cmd $prev" in
        *" --theme") COMPREPLY=($(_kennis_values themes "$cur")); return ;;
        *" --tag") COMPREPLY=($(_kennis_values tags "$cur")); return ;;
{value_cases}    esac
    case " {with_value} " in *" $prev "*) COMPREPLY=($(compgen -f -- "$cur")); return ;; esac
    local words=""
    if [[ $cur == -* ]]; then
        case $cmd in
{option_cases}        *) words="{global}" ;;
        esac
        COMPREPLY=($(compgen -W "${{words// /$'\n'}}" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W $'{commands}' -- "$cur"))
        return
    fi
    local subs=""
    case $cmd in
{subcommand_cases}    esac
    if [[ -n $subs && -z $sub ]]; then
        COMPREPLY=($(compgen -W "${{subs// /$'\n'}}" -- "$cur"))
        return
    fi
    local named=$cmd
    [[ -n $subs ]] && named=$sub
    case " {documents} " in
        *" $named "*) COMPREPLY=($(_kennis_values documents "$cur")); return ;;
    esac
    case $cmd in
        completion) COMPREPLY=($(compgen -W {shells} -- "$cur")) ;;
        *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}}
complete -F _kennis kennis
)",
                       fmt::arg("with_value", fmt::join(with_value, " ")), fmt::arg("option_cases", option_cases),
                       fmt::arg("global", fmt::join(global.all, " ")),
                       fmt::arg("commands", fmt::join(names_of(commands), "\\n")),
                       fmt::arg("subcommand_cases", subcommand_cases), fmt::arg("documents", document_commands),
                       fmt::arg("value_cases", value_cases), fmt::arg("shells", bash_words(shells(root))));
}

std::string zsh_script(const CLI::App* root) {
    return "#compdef kennis\n# kennis completion for zsh: source <(kennis completion zsh)\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_script(root);
}

std::string fish_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_options(const CLI::App* app, const std::string& condition) {
    std::string out;
    for (const auto* o : app->get_options()) {
        std::string line = "complete -c kennis" + condition;
        for (const auto& l : o->get_lnames())
            line += " -l " + l;
        for (const auto& s : o->get_snames())
            line += " -s " + s;
        if (const auto values = choices_of(*o); !values.empty()) {
            std::string words; // fish expands what -a gives, so "(V)SO" must not read as a command
            for (const auto v : values) {
                for (char c : v)
                    words += c == '(' || c == ')' ? std::string{'\\', c} : std::string{c};
                words += ' ';
            }
            words.pop_back();
            line += " -x -a " + fish_quoted(words);
        } else if (takes_value(*o)) {
            line += " -r";
        }
        if (!o->get_description().empty())
            line += " -d " + fish_quoted(o->get_description());
        out += line + "\n";
    }
    return out;
}

std::string fish_script(const CLI::App* root) {
    std::string out = "# kennis completion for fish: kennis completion fish | source\n"
                      "complete -c kennis -f\n";
    out += fish_options(root, "");
    for (const auto* c : commands_of(root)) {
        out += fmt::format("complete -c kennis -n __fish_use_subcommand -a {} -d {}\n", c->get_name(),
                           fish_quoted(c->get_description()));
        const std::string in = fmt::format(" -n '__fish_seen_subcommand_from {}'", c->get_name());
        out += fish_options(c, in);
        for (const auto* sub : commands_of(c)) {
            out += fmt::format("complete -c kennis{} -a {} -d {}\n", in, sub->get_name(), fish_quoted(sub->get_description()));
            out += fish_options(sub, fmt::format(" -n '__fish_seen_subcommand_from {}'", sub->get_name()));
        }
    }
    out += "complete -c kennis -l theme -x -a '(kennis __complete themes 2>/dev/null)'\n"
           "complete -c kennis -l tag -x -a '(kennis __complete tags 2>/dev/null)'\n";
    out += fmt::format("complete -c kennis -n '__fish_seen_subcommand_from {}' -a '(kennis __complete documents 2>/dev/null)'\n",
                       document_commands);
    out += fmt::format("complete -c kennis -n '__fish_seen_subcommand_from completion' -a {}\n",
                       fish_quoted(fmt::format("{}", fmt::join(shells(root), " "))));
    return out;
}

} // namespace

void register_completion(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
    cmd->footer("bash: source <(kennis completion bash)   zsh: source <(kennis completion zsh)\n"
                "fish: kennis completion fish | source   (or save the output where your shell loads completions)");
    auto shell = std::make_shared<std::string>();
    choose_from(cmd->add_option("SHELL", *shell, "The shell to complete for"), choices::shell)->required();
    cmd->callback([cmd, shell] {
        const CLI::App* root = root_of(cmd);
        fmt::print("{}", *shell == "bash" ? bash_script(root) : *shell == "zsh" ? zsh_script(root) : fish_script(root));
    });

    // What the scripts complete from: one value per line. Hidden (no group).
    auto* values = app.add_subcommand("__complete", "")->group("");
    auto what = std::make_shared<std::string>();
    values->add_option("WHAT", *what)->required()->check(CLI::IsMember({"themes", "tags", "documents"}));
    values->callback([&globals, what] {
        auto library = open_writer(globals); // never seeds: completing must not change anything
        if (*what == "themes")
            for (const auto& t : list_themes(library))
                fmt::print("{}\n", t.name);
        else if (*what == "tags")
            for (const auto& t : list_tags(library, std::nullopt))
                fmt::print("{}\n", t.name);
        else
            for (const auto& d : list_documents(library, Filter{}))
                fmt::print("{}\n", d.slug);
    });
}

} // namespace kennis::cli
