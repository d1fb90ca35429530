#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/dupes.hpp>
#include "json.hpp"

namespace kennis::cli {
namespace {

std::string named(const DocumentRef& d) { return fmt::format("{} {}", d.id, shown(d.title)); }

void print_dupes(const DupesReport& r) {
    fmt::print("Merged documents ({})\n", r.merged.size());
    for (const auto& g : r.merged) {
        fmt::print("  {}\n", named(g.document));
        if (!g.same_url_titles.empty())
            for (const auto& title : g.same_url_titles)
                fmt::print("    same URL, listed as: {}\n", title);
        for (const auto& a : g.absorbed)
            fmt::print("    took in {} {} ({}, {}){}\n", a.id, a.slug, a.reason, a.at.substr(0, 10),
                       a.can_unmerge ? "" : "; cannot be unmerged");
    }
    fmt::print("\nSuspected duplicates ({}; merge A B if they are one document)\n", r.suspects.size());
    for (const auto& s : r.suspects)
        fmt::print("  {:.2f} {}\n       {}\n       {}\n", s.similarity, s.reason, named(s.a), named(s.b));
    if (!r.kept_apart.empty()) {
        fmt::print("\nKept apart by unmerge ({})\n", r.kept_apart.size());
        for (const auto& [a, b] : r.kept_apart)
            fmt::print("  {}\n  {}\n", named(a), named(b));
    }
}

void print_outcome(Globals& globals, const MergeOutcome& o, bool merged) {
    const Output out = globals.output();
    if (out.format == Format::json)
        fmt::print("{}\n", to_json(o).dump(2));
    else if (!out.quiet && merged)
        fmt::print("merged {} into {}; '{}' and {} now find {}\n", named(o.other), named(o.survivor), o.other.slug,
                   o.other.id, o.survivor.id);
    else if (!out.quiet)
        fmt::print("took {} out of {}; the two stay apart from now on\n", named(o.other), named(o.survivor));
}

} // namespace

void register_dupes(CLI::App& app, Globals& globals) {
    auto* dupes = app.add_subcommand("dupes", "Merged documents and why, and suspected duplicates");
    auto options = std::make_shared<DupesOptions>();
    dupes->add_option("--similarity", options->similarity,
                      "How alike titles without their dates must be to be suspects, 0 to 1 (default 0.6)")
        ->type_name("X");
    dupes->footer("Documents are merged when their files have the same bytes, or the same text of at least\n"
                  "200 words (folded, white space collapsed). Suspects are documents whose texts share most\n"
                  "of their three-word runs (\"nearly the same text\", half or more), one whose text is\n"
                  "nine tenths inside another's (\"one contains the other\", the one inside first), documents\n"
                  "with the same title and different (or unfetched) files, and titles that are nearly the\n"
                  "same once dates and version words are set aside (trigram Jaccard). Texts under 100 words\n"
                  "are not compared. Titles that differ only in their date are editions, not suspects.\n"
                  "Examples:\n  kennis dupes\n  kennis dupes --similarity 0.8 --format json | jq '.suspects[]'");
    dupes->callback([&globals, options] {
        auto library = open_reader(globals);
        const DupesReport r = find_dupes(library, *options);
        const Output out = globals.output();
        if (out.format == Format::json)
            fmt::print("{}\n", to_json(r).dump(2));
        else if (out.format != Format::table) {
            nlohmann::ordered_json rows = nlohmann::ordered_json::array();
            for (const auto& s : to_json(r)["suspects"])
                rows.push_back({{"reason", s["reason"]}, {"similarity", s["similarity"]}, {"a", s["a"]["id"]},
                                {"a_title", s["a"]["title"]}, {"b", s["b"]["id"]}, {"b_title", s["b"]["title"]}});
            print_report_for_scripts(out, [&] { return nlohmann::ordered_json{{"suspects", rows}}; }, "suspects",
                                     {"reason", "similarity", "a", "a_title", "b", "b_title"});
        } else if (!out.quiet)
            print_dupes(r);
    });

    auto* merge_cmd = app.add_subcommand("merge", "Record that two documents are one: B is folded into A");
    auto a = std::make_shared<std::string>();
    auto b = std::make_shared<std::string>();
    merge_cmd->add_option("A", *a, "The document that stays (id, slug or title)")->required();
    merge_cmd->add_option("B", *b, "The document folded into A; its id and slug will find A")->required();
    merge_cmd->footer("Titles, themes, URLs, versions and tags are unioned. Undo with 'kennis unmerge B'.\n"
                      "Example:\n  kennis merge 12 57");
    merge_cmd->callback([&globals, a, b] {
        auto library = open_writer(globals);
        print_outcome(globals, merge(library, *a, *b), true);
    });

    auto* unmerge_cmd = app.add_subcommand("unmerge", "Take a merged document out again and keep the two apart");
    auto doc = std::make_shared<std::string>();
    unmerge_cmd->add_option("DOC", *doc, "The merged document's old id or slug, or a survivor that took in one")
        ->required();
    unmerge_cmd->footer("The document comes back with its id, slug, titles, URLs, themes, versions and tags;\n"
                        "no later sync or fetch merges the two again (a 'merge' does).\n"
                        "Example:\n  kennis dupes\n  kennis unmerge 57");
    unmerge_cmd->callback([&globals, doc] {
        auto library = open_writer(globals);
        print_outcome(globals, unmerge(library, *doc), false);
    });
}

} // namespace kennis::cli
