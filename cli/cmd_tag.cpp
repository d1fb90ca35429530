#include "commands.hpp"
#include "filter_options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/tags.hpp>

namespace kennis::cli {
namespace {

// DOC… | --query Q | filters: which documents a tag command applies to.
void add_target_options(CLI::App& cmd, TagTarget& target) {
    cmd.add_option("DOC", target.documents, "Documents by id, slug or title");
    cmd.add_option("--query", target.query, "The documents this search finds")->type_name("QUERY");
    add_filter_options(cmd, target.filter);
}

void note_filter(const CLI::App& cmd, TagTarget& target) {
    for (const char* name : {"--theme", "--tag", "--type", "--year", "--level", "--status"})
        if (cmd.count(name) > 0)
            target.filtered = true;
}

} // namespace

void register_tag(CLI::App& app, Globals& globals) {
    auto* tag = app.add_subcommand("tag", "Add, remove, list and rename tags (case-insensitive; '/' nests: regio/zaanstad)");
    tag->require_subcommand(1);

    for (const bool add : {true, false}) {
        auto* cmd = tag->add_subcommand(add ? "add" : "rm", add ? "Tag documents" : "Take a tag off documents");
        auto name = std::make_shared<std::string>();
        auto target = std::make_shared<TagTarget>();
        cmd->add_option("TAG", *name, "The tag")->required();
        add_target_options(*cmd, *target);
        cmd->footer(add ? "Examples:\n  kennis tag add regio/zaanstad 12 14\n  kennis tag add mas --query 'methodische aanpak'\n"
                          "  kennis tag add po --level PO"
                        : "Examples:\n  kennis tag rm regio/zaanstad 12\n  kennis tag rm mas --tag mas --status all");
        cmd->callback([&globals, name, target, cmd, add] {
            note_filter(*cmd, *target);
            target->synonyms = globals.synonyms_in_effect();
            auto library = open_reader(globals); // an empty catalogue is seeded, as for list
            const auto r = add ? add_tag(library, *name, *target) : remove_tag(library, *name, *target);
            const Output out = globals.output();
            if (out.quiet)
                return;
            if (out.format == Format::json)
                fmt::print("{}\n", nlohmann::ordered_json{{"tag", r.tag}, {"selected", r.selected}, {"changed", r.changed}}.dump());
            else
                fmt::print("{} {} of {} documents {} '{}'\n", add ? "tagged" : "untagged", r.changed, r.selected,
                           add ? "with" : "from", r.tag);
        });
    }

    auto* list = tag->add_subcommand("list", "Tags with their number of documents, or one document's tags");
    auto doc = std::make_shared<std::optional<std::string>>();
    list->add_option("DOC", *doc, "Only this document's tags");
    list->callback([&globals, doc] {
        auto library = open_reader(globals);
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& t : list_tags(library, *doc))
            rows.push_back({{"name", t.name}, {"documents", t.documents}});
        print_records(globals.output(), rows, {{"TAG", "name"}, {"DOCUMENTS", "documents"}}, {"name", "documents"});
    });

    auto* rename = tag->add_subcommand("rename", "Rename a tag and the tags below it; onto an existing tag, merge");
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    rename->add_option("OLD", *from, "The tag now")->required();
    rename->add_option("NEW", *to, "Its new name")->required();
    rename->callback([&globals, from, to] {
        auto library = open_reader(globals);
        const auto n = rename_tag(library, *from, *to);
        if (!globals.quiet)
            fmt::print("renamed '{}' to '{}' on {} documents\n", normalize_tag(*from), normalize_tag(*to), n);
    });
}

} // namespace kennis::cli
