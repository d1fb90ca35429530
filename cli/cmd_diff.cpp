#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <kennis/diff.hpp>
#include "json.hpp"

namespace kennis::cli {
namespace {

std::string where(int page, const std::optional<std::string>& part) {
    return part ? fmt::format("{} ({})", page, *part) : std::to_string(page);
}

std::string side_line(const DiffSide& s) {
    return fmt::format("{} {}, version {} of {} ({})", s.id, shown(s.title), s.version, s.first_seen.substr(0, 10), s.sha256.substr(0, 12));
}

void print_diff(const TextDiff& d, bool color) {
    const auto paint = [color](const char* code, const std::string& text) {
        return color ? fmt::format("\033[{}m{}\033[0m", code, text) : text;
    };
    fmt::print("{} {}\n{} {}\n", paint("31", "---"), side_line(d.old_side), paint("32", "+++"), side_line(d.new_side));
    fmt::print("{}: {} change{}, {:.0f} % of the text\n", d.against, d.blocks.size(), d.blocks.size() == 1 ? "" : "s", d.changed * 100);
    for (const auto& b : d.blocks) {
        std::string heading;
        switch (b.kind) {
        case DiffBlock::Kind::added:
            heading = fmt::format("added on page {}", where(b.new_page, b.new_part));
            break;
        case DiffBlock::Kind::removed:
            heading = fmt::format("removed from page {}", where(b.old_page, b.old_part));
            break;
        case DiffBlock::Kind::changed:
            heading = fmt::format("changed on page {} (was page {})", where(b.new_page, b.new_part), where(b.old_page, b.old_part));
            break;
        }
        fmt::print("\n{}\n", paint("1", heading));
        for (const auto& line : b.removed)
            fmt::print("{}\n", paint("31", "- " + shown(line)));
        for (const auto& line : b.added)
            fmt::print("{}\n", paint("32", "+ " + shown(line)));
    }
}

} // namespace

void register_diff(CLI::App& app, Globals& globals) {
    auto* cmd = app.add_subcommand("diff", "What changed in a document's text: between versions, editions or two documents");
    auto o = std::make_shared<DiffOptions>();
    auto other = std::make_shared<std::string>();
    cmd->add_option("DOC", o->doc, "A document (id, slug or title): its newest file against the one before")->required();
    cmd->add_option("OTHER", *other, "A second document: DOC's current file (old) against OTHER's (new)");
    cmd->footer("With one document, compares its newest version with the one before, or, when it has one\n"
                "version, with the current file of its previous edition (a title that differs only in date).\n"
                "Lines are compared with case, accents and white space set aside; runs of lines that differ\n"
                "are shown as added, removed or changed, with their pages (or sheets and slides).\n\n"
                "Examples:\n  kennis diff 12\n  kennis diff \"VO Handboek Leerplicht\" --format json | jq '.changes[].kind'\n"
                "  kennis diff 12 40");
    cmd->callback([&globals, o, other] {
        auto library = open_reader(globals);
        if (!other->empty())
            o->other = *other;
        const TextDiff d = diff_documents(library, *o);
        const Output out = globals.output();
        if (print_report_for_scripts(out, [&] { return to_json(d); }, "changes", {"kind", "old_page", "new_page", "removed", "added"}))
            return;
        if (!out.quiet)
            print_diff(d, out.color);
    });
}

} // namespace kennis::cli
