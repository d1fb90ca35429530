#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <kennis/browse.hpp>
#include "json.hpp"

#include <fmt/format.h>

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
        if (globals.output().format != Format::json) {
            json["sources"] = sources;
            const auto t = json["text"];
            json["text"] = fmt::format("{} documents with a text layer ({} pages), {} read by OCR ({} pages), {} not readable",
                                       t["documents"]["text_layer"].get<std::size_t>(), t["pages"]["text_layer"].get<std::size_t>(),
                                       t["documents"]["ocr"].get<std::size_t>(), t["pages"]["ocr"].get<std::size_t>(),
                                       t["documents"]["unreadable"].get<std::size_t>());
            nlohmann::ordered_json why = nlohmann::ordered_json::array();
            for (const auto& r : t["unreadable"])
                why.push_back(fmt::format("{} ({})", r["reason"].get<std::string>(), r["documents"].get<std::size_t>()));
            json["not_readable"] = why;
            if (t["older_reader_files"].get<std::size_t>() > 0)
                json["reindex"] = fmt::format("{} stored files were read by an older kennis: kennis reindex reads them again",
                                              t["older_reader_files"].get<std::size_t>());
        }
        std::vector<std::string> fields{"home", "schema_version", "documents", "withdrawn", "entries", "themes", "aliases", "urls",
                                        "tags", "fetched", "store_files", "store_bytes", "sources", "text"};
        for (const char* more : {"not_readable", "reindex"})
            if (json.contains(more) && !json[more].empty())
                fields.push_back(more);
        print_object(globals.output(), json, fields);
    });
}

} // namespace kennis::cli
