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
        if (!json["text_change"].is_null() || globals.output().format != Format::table)
            fields.push_back("text_change");
        if (!json["related"].empty() || globals.output().format != Format::table)
            fields.push_back("related");
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
            if (const auto& c = json["text_change"]; !c.is_null()) {
                const std::string since = c["against"] == "previous version"
                                              ? fmt::format("version {}", c["version"].get<int>())
                                              : fmt::format("the previous edition, {}", c["id"].get<std::int64_t>());
                json["text_change"] = fmt::format("{:.0f} % of the text, in {} places, since {}; kennis diff {}",
                                                  c["changed"].get<double>() * 100, c["changes"].get<std::size_t>(), since,
                                                  json["id"].get<std::int64_t>());
            }
            nlohmann::ordered_json related = nlohmann::ordered_json::array();
            for (const auto& r : json["related"])
                related.push_back(fmt::format("{:.2f} {} {}", r["score"].get<double>(), r["id"].get<std::int64_t>(), r["title"].get<std::string>()));
            json["related"] = related;
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
