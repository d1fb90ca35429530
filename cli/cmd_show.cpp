#include "commands.hpp"
#include "document_view.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/browse.hpp>
#include "json.hpp"

namespace kennis::cli {

void register_show(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("show", "Show everything the catalogue knows about one document");
    auto doc = std::make_shared<std::string>();
    cmd->add_option("DOC", *doc, "An id, a slug, or a title")->required();
    cmd->footer("Examples:\n  kennis show 12\n  kennis show vo-handboek-leerplicht-versie-augustus-2020\n"
                "  kennis show \"VO Handboek Leerplicht versie augustus 2020\" --format json");
    cmd->callback([&globals, doc] {
        auto library = open_reader(globals);
        auto fields = document_fields();
        fields.insert(fields.end(), {"macros", "versions", "first_seen", "last_seen"});
        auto json = to_json(find_document(library, *doc), true);
        // A table shows the editions only where there are some; scripts always get both fields.
        if (!json["editions"].empty() || globals.output().format != Format::table)
            fields.insert(fields.end(), {"editions", "newer_edition"});
        if (globals.output().format != Format::json) {
            nlohmann::ordered_json versions = nlohmann::ordered_json::array();
            for (const auto& v : json["versions"])
                versions.push_back(v["first_seen"].get<std::string>() + " " + v["sha256"].get<std::string>());
            json["versions"] = versions;
            nlohmann::ordered_json editions = nlohmann::ordered_json::array();
            for (const auto& e : json["editions"])
                editions.push_back(fmt::format("{} {}{}", e["date"].get<std::string>(), e["slug"].get<std::string>(),
                                               e["status"] == "active" ? "" : " (withdrawn)"));
            json["editions"] = editions;
            json["macros"] = json["macros"] == true ? "yes: exported only with --allow-macros" : "no";
            if (!json["newer_edition"].is_null())
                json["newer_edition"] = fmt::format("yes: {} ({}); kennis show {}",
                                                    json["newer_edition"]["slug"].get<std::string>(),
                                                    json["newer_edition"]["date"].get<std::string>(),
                                                    json["newer_edition"]["id"].get<std::int64_t>());
        }
        print_object(globals.output(), json, fields);
    });
}

} // namespace kennis::cli
