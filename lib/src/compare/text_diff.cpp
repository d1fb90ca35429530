#include "compare/text_diff.hpp"

#include "kennis/error.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <dtl/dtl.hpp>
#include <fmt/format.h>
#include <unordered_map>

namespace kennis {
namespace {

// Past this many lines a side (some 4 000 pages), a comparison could take minutes.
constexpr std::size_t max_lines = 200'000;

// Where a run of lines stands in one text: at its first line, or after the line before it.
struct Place {
    int page = 0;
    std::optional<std::string> part;
};

Place place_of(const std::vector<TextLine>& lines, std::size_t from, std::size_t to) {
    if (from < to)
        return {lines[from].page, lines[from].part};
    if (from > 0)
        return {lines[from - 1].page, lines[from - 1].part};
    if (!lines.empty())
        return {lines.front().page, lines.front().part};
    return {1, std::nullopt};
}

} // namespace

std::vector<TextLine> text_lines(Database& db, std::string_view sha256) {
    SQLite::Statement q(db.sql(), "SELECT page, text, part FROM pages WHERE sha256 = ? ORDER BY page");
    q.bind(1, std::string(sha256));
    std::vector<TextLine> out;
    while (q.executeStep()) {
        const int page = q.getColumn(0).getInt();
        const std::string text = q.getColumn(1).getString();
        std::optional<std::string> part;
        if (!q.getColumn(2).isNull())
            part = q.getColumn(2).getString();
        for (const auto raw : split(text, '\n')) {
            TextLine line;
            line.text = collapse_spaces(raw);
            if (line.text.empty())
                continue;
            line.key = unicode::fold(line.text);
            line.words = split_words(line.key).size();
            line.page = page;
            line.part = part;
            out.push_back(std::move(line));
        }
    }
    return out;
}

LineDiff diff_lines(const std::vector<TextLine>& before, const std::vector<TextLine>& after) {
    if (before.size() > max_lines || after.size() > max_lines)
        throw InputError(fmt::format("the texts are too long to compare (over {} lines)", max_lines));
    // Lines as numbers, so that the edit script compares integers.
    std::unordered_map<std::string_view, int> ids;
    const auto numbered = [&](const std::vector<TextLine>& lines) {
        std::vector<int> out;
        out.reserve(lines.size());
        for (const auto& l : lines)
            out.push_back(ids.emplace(l.key, static_cast<int>(ids.size())).first->second);
        return out;
    };
    const std::vector<int> a = numbered(before), b = numbered(after);
    dtl::Diff<int, std::vector<int>> diff(a, b);
    diff.onHuge();
    diff.compose();

    LineDiff out;
    std::size_t changed_words = 0, all_words = 0;
    for (const auto& l : before)
        all_words += l.words;
    for (const auto& l : after)
        all_words += l.words;
    std::size_t i = 0, j = 0; // the next line of each text
    std::size_t run_i = 0, run_j = 0;
    const auto close_run = [&] {
        if (run_i == i && run_j == j)
            return;
        DiffBlock block;
        block.kind = run_i == i ? DiffBlock::Kind::added : run_j == j ? DiffBlock::Kind::removed : DiffBlock::Kind::changed;
        const Place old_place = place_of(before, run_i, i), new_place = place_of(after, run_j, j);
        block.old_page = old_place.page;
        block.old_part = old_place.part;
        block.new_page = new_place.page;
        block.new_part = new_place.part;
        for (std::size_t k = run_i; k < i; ++k) {
            block.removed.push_back(before[k].text);
            changed_words += before[k].words;
        }
        for (std::size_t k = run_j; k < j; ++k) {
            block.added.push_back(after[k].text);
            changed_words += after[k].words;
        }
        out.blocks.push_back(std::move(block));
    };
    for (const auto& [element, info] : diff.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            close_run();
            run_i = ++i;
            run_j = ++j;
        } else if (info.type == dtl::SES_DELETE) {
            ++i;
        } else {
            ++j;
        }
    }
    close_run();
    out.changed = all_words == 0 ? 0 : static_cast<double>(changed_words) / static_cast<double>(all_words);
    return out;
}

} // namespace kennis
