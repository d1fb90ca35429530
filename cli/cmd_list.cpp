#include "commands.hpp"
#include "document_view.hpp"
#include "filter_options.hpp"

#include <CLI/CLI.hpp>
#include <kennis/browse.hpp>
#include "json.hpp"

namespace kennis::cli {

void register_list(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("list", "List documents in the catalogue (active ones unless --status)");
    auto filter = std::make_shared<Filter>();
    add_filter_options(*cmd, *filter);
    cmd->footer("Examples:\n  kennis list --theme Thuiszitters\n  kennis list --type handreiking --year 2020\n"
                "  kennis list --level MBO --format csv > mbo.csv");
    cmd->callback([&globals, filter] {
        auto library = open_reader(globals);
        const auto documents = list_documents(library, *filter);
        nlohmann::ordered_json made;
        print_each_record(
            globals.output(), documents.size(),
            [&](std::size_t i) -> const nlohmann::ordered_json& { return made = to_json(documents[i]); }, document_columns(),
            document_fields());
    });
}

} // namespace kennis::cli
