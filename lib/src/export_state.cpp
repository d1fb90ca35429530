#include "export_state.hpp"

#include "file_io.hpp"
#include "kennis/error.hpp"
#include "words.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <vector>

namespace kennis {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view header = "#kennis-export 1";
constexpr std::string_view listings_line = "#listings ";
constexpr std::string_view plan_line = "#plan ";
constexpr std::string_view skipped_line = "#skipped\t";

// Titles go on one line of the state file.
std::string one_line(std::string_view text) {
    std::string out(text);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return out;
}

bool parse_int(std::string_view text, std::int64_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

ExportState ExportState::load(const fs::path& dest) {
    ExportState state;
    const fs::path file = dest / file_name;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return state;
    std::string line;
    std::size_t number = 0;
    auto bad = [&](std::string_view problem) {
        return InputError(fmt::format("{}:{}: {}; move the file away to start the export afresh", file.string(), number, problem));
    };
    while (std::getline(in, line)) {
        ++number;
        if (number == 1) {
            if (line != header)
                throw bad(fmt::format("not an export state file (the first line is not '{}')", header));
            continue;
        }
        if (line.empty())
            continue;
        if (line.starts_with(listings_line)) {
            state.listings = line.substr(listings_line.size());
            continue;
        }
        if (line.starts_with(plan_line)) {
            state.plan = line.substr(plan_line.size());
            continue;
        }
        if (line.starts_with(skipped_line)) {
            const auto f = split(std::string_view(line).substr(skipped_line.size()), '\t');
            ExportSkip skip;
            if (f.size() != 3 || !parse_int(f[0], skip.id))
                throw bad("expected #skipped, DOCUMENT, REASON and TITLE separated by tabs");
            skip.reason = std::string(f[1]);
            skip.title = std::string(f[2]);
            state.skipped.push_back(std::move(skip));
            continue;
        }
        const auto f = split(line, '\t');
        ExportedFile entry;
        if (f.size() != 5 || f[0].empty() || f[1].size() != 64 || !parse_int(f[2], entry.size) ||
            !parse_int(f[3], entry.mtime_ns) || !parse_int(f[4], entry.document))
            throw bad("expected PATH, SHA-256, SIZE, MTIME and DOCUMENT separated by tabs");
        entry.sha256 = std::string(f[1]);
        state.files.emplace(std::string(f[0]), std::move(entry));
    }
    return state;
}

void ExportState::save(const fs::path& dest) const {
    std::string text = std::string(header) + "\n";
    if (!listings.empty())
        text += fmt::format("{}{}\n", listings_line, listings);
    if (!plan.empty())
        text += fmt::format("{}{}\n", plan_line, plan);
    for (const auto& s : skipped)
        text += fmt::format("{}{}\t{}\t{}\n", skipped_line, s.id, one_line(s.reason), one_line(s.title));
    for (const auto& [path, f] : files)
        text += fmt::format("{}\t{}\t{}\t{}\t{}\n", path, f.sha256, f.size, f.mtime_ns, f.document);
    write_if_changed(dest / file_name, text, export_temp_prefix); // a run that changed nothing writes nothing
}

} // namespace kennis
