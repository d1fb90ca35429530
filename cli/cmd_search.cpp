#include "commands.hpp"
#include "document_view.hpp"
#include "filter_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include "json.hpp"
#include <fmt/ranges.h>
#include <kennis/search.hpp>

namespace kennis::cli {
namespace {

// Matched words in bold yellow on a terminal that wants colour; plain text elsewhere.
std::string rendered_snippet(const std::string& snippet, bool color) {
    std::string out;
    for (char c : snippet) {
        if (c == highlight_begin)
            out += color ? "\033[1;33m" : "";
        else if (c == highlight_end)
            out += color ? "\033[0m" : "";
        else
            out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return out;
}

constexpr char protected_mark = '\x1f';

void print_explanation(const Output& out, const std::string& query, const QueryExplanation& e) {
    nlohmann::ordered_json synonyms = nlohmann::ordered_json::array();
    for (const auto& x : e.expansions)
        synonyms.push_back({{"typed", x.typed}, {"forms", x.forms}});
    nlohmann::ordered_json stems = nlohmann::ordered_json::array();
    for (const auto& [word, stem] : e.stems)
        stems.push_back({{"word", word}, {"stem", stem}});
    if (out.format == Format::json) {
        fmt::print("{}\n", nlohmann::ordered_json{{"query", query}, {"expression", e.expression}, {"synonyms", synonyms}, {"stems", stems}}.dump(2));
        return;
    }
    fmt::print("query     {}\nsearches  {}\n", shown(query), shown(e.expression));
    for (const auto& x : e.expansions)
        fmt::print("synonyms  {} → {}\n", shown(x.typed), shown(fmt::format("{}", fmt::join(x.forms, ", "))));
    std::vector<std::string> pairs;
    for (const auto& [word, stem] : e.stems)
        pairs.push_back(word == stem ? word : word + " → " + stem);
    fmt::print("stems     {}\n", shown(fmt::format("{}", fmt::join(pairs, ", "))));
}

} // namespace

std::vector<std::string> protect_excluded_words(std::vector<std::string> args) {
    const auto search = std::find(args.begin(), args.end(), "search");
    if (search == args.end())
        return args;
    for (auto it = search + 1; it != args.end(); ++it) {
        const std::string& a = *it;
        const bool short_flags = a.find_first_not_of("qvh", 1) == std::string::npos;
        if (a.size() > 1 && a[0] == '-' && a[1] != '-' && !short_flags)
            *it = protected_mark + a;
    }
    return args;
}

void register_search(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("search", "Search titles, themes, tags and the text of the documents");
    auto query = std::make_shared<std::vector<std::string>>();
    auto filter = std::make_shared<Filter>();
    auto explain = std::make_shared<bool>(false);
    auto like = std::make_shared<std::string>();
    cmd->add_option("QUERY", *query, "Words to look for (see below)");
    cmd->add_option("--like", *like, "Rank the documents by how alike their text is to DOC's (instead of QUERY)")->type_name("DOC");
    cmd->add_flag("--explain", *explain, "Show what the query searches for (its synonyms and stems) instead of searching");
    add_filter_options(*cmd, *filter);
    cmd->footer(
        "Query language:\n"
        "  verzuim leerplicht      both words (in any field; Dutch word forms match: handreikingen = handreiking)\n"
        "  \"snel terug\"            the phrase\n"
        "  handr*                  words starting with handr\n"
        "  vavo OR mbo             either word\n"
        "  leerplicht -handboek    without handboek (NOT handboek does the same)\n"
        "  title:gamen theme:thuiszitters tag:regio type:handreiking   only in that field\n"
        "Case and accents never matter. At most 50 hits unless --limit.\n"
        "Abbreviations find what they stand for and the other way round (vsv = voortijdig\n"
        "schoolverlaten, rmc, mas, lpa, po, vo, mbo, vso, …); a phrase in quotes is taken as typed.\n"
        "Add groups of your own with --synonyms or in the config file:\n"
        "  synonyms = [\"lvs = leerlingvolgsysteem\"]\n\n"
        "Examples:\n  kennis search handreikingen --theme Thuiszitters\n"
        "  kennis search '\"methodische aanpak\" -folder' --format json\n"
        "  kennis search verzuim --format paths | xargs -d '\\n' ls -l\n"
        "  kennis search vsv rmc --explain\n"
        "  kennis search --like \"Handreiking thuiszitters\" --limit 10");
    cmd->callback([&globals, query, filter, explain, like] {
        std::string text;
        for (std::string word : *query) {
            if (!word.empty() && word[0] == protected_mark)
                word.erase(0, 1);
            text += (text.empty() ? "" : " ") + word;
        }
        const Synonyms synonyms = globals.synonyms_in_effect();
        const Output out = globals.output();
        if (*explain) {
            print_explanation(out, text, explain_query(text, synonyms));
            return;
        }
        if (like->empty() == text.empty())
            throw UsageError(like->empty() ? "search needs a QUERY, or --like DOC" : "give a QUERY or --like DOC, not both");
        auto library = open_reader(globals);
        const bool color = out.color && out.format == Format::table;
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        const auto hits = like->empty() ? search(library, text, *filter, synonyms) : search_like(library, *like, *filter);
        for (const auto& hit : hits) {
            auto row = to_json(hit);
            if (out.format == Format::table) {
                row["snippet"] = rendered_snippet(hit.snippet, color);
                row["where"] = hit.part ? *hit.part : hit.page ? "p. " + std::to_string(*hit.page) : "";
                if (hit.ocr)
                    row["where"] = row["where"].get<std::string>() + " (OCR)";
            }
            rows.push_back(std::move(row));
        }
        auto fields = document_fields();
        fields.insert(fields.end(), {"score", "snippet", "page", "part", "ocr"});
        if (!like->empty())
            fields.push_back("likeness");
        std::vector<Column> columns{{"ID", "id"}, {"TITLE", "title", true}, {"THEMES", "themes"}, {"PAGE", "where"}, {"SNIPPET", "snippet"}};
        if (!like->empty())
            columns.insert(columns.begin() + 1, {"ALIKE", "likeness"});
        print_records(out, rows, columns, fields);
    });
}

} // namespace kennis::cli
