#include "export_state.hpp"

#include "file_io.hpp"
#include "kennis/error.hpp"
#include "words.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <vector>

namespace kennis {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view header = "#kennis-export 1";
constexpr std::string_view listings_line = "#listings ";

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
    for (const auto& [path, f] : files)
        text += fmt::format("{}\t{}\t{}\t{}\t{}\n", path, f.sha256, f.size, f.mtime_ns, f.document);
    write_if_changed(dest / file_name, text, export_temp_prefix); // a run that changed nothing writes nothing
}

} // namespace kennis
