#include "export/manifest.hpp"

#include "util/csv.hpp"
#include "kennis/version.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <fmt/format.h>
#include <utility>

namespace kennis {

namespace {

// Appends a CSV line's fields after the first, each with its comma.
template <typename... Fields>
void append_csv_fields(std::string& out, const Fields&... fields) {
    ((out += ',', append_csv_field(out, fields)), ...);
    out += "\r\n";
}

} // namespace

std::string catalogue_csv(const std::vector<ExportEntry>& entries) {
    std::string out = "\xEF\xBB\xBFid,title,themes,tags,date,sha256,path\r\n";
    out.reserve(entries.size() * 256); // about what a row takes, so that the text is not moved as it grows
    std::string themes, tags;
    for (const auto& e : entries) {
        const auto& d = e.document;
        themes.clear();
        tags.clear();
        fmt::format_to(std::back_inserter(themes), "{}", fmt::join(d.themes, "; "));
        fmt::format_to(std::back_inserter(tags), "{}", fmt::join(d.tags, "; "));
        for (const auto& path : e.paths) {
            fmt::format_to(std::back_inserter(out), "{}", d.id);
            append_csv_fields(out, d.title, themes, tags, d.date ? *d.date : d.period.value_or(""), e.sha256, path);
        }
    }
    return out;
}

std::string sha256sums(const std::vector<ExportEntry>& entries) {
    std::vector<std::pair<std::string_view, std::string_view>> lines; // path, SHA-256
    for (const auto& e : entries)
        for (const auto& path : e.paths)
            lines.emplace_back(path, e.sha256);
    std::sort(lines.begin(), lines.end());
    std::string out;
    out.reserve(lines.size() * 128);
    for (const auto& [path, sha] : lines) {
        out.append(sha);
        out += "  ";
        out.append(path);
        out += '\n';
    }
    return out;
}

std::string news_csv(const ChangesReport& changes, const std::vector<ExportEntry>& entries) {
    std::unordered_map<std::int64_t, const ExportEntry*> exported;
    for (const auto& e : entries)
        exported.emplace(e.document.id, &e);
    std::string out = "\xEF\xBB\xBFtheme,kind,id,title,at,path\r\n";
    out.reserve(changes.events * 192);
    for (const auto& t : changes.themes)
        for (const auto& c : t.changes) {
            const auto it = exported.find(c.id);
            append_csv_field(out, t.theme);
            append_csv_fields(out, c.kind, std::to_string(c.id), c.title, c.at,
                              it == exported.end() ? std::string_view() : std::string_view(it->second->paths.front()));
        }
    return out;
}

std::string listing_fingerprint(const std::vector<ExportEntry>& entries) {
    // Fields are separated by a byte no text holds, so that no two listings run together alike.
    Sha256 hash;
    hash.update(version()); // a newer kennis may draw the listings differently
    std::string record;
    const auto add = [&record](std::string_view field) {
        record += '\x1e';
        record += field;
    };
    const auto add_all = [&record](const std::vector<std::string>& values) {
        record += '\x1e';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                record += '\x1d';
            record += values[i];
        }
    };
    for (const auto& e : entries) {
        const auto& d = e.document;
        record = '\x1f';
        record += std::to_string(d.id);
        add(d.title);
        add_all(d.aliases);
        add_all(d.themes);
        add_all(d.tags);
        add(d.type.value_or(""));
        add(d.date.value_or(""));
        add(d.period.value_or(""));
        add(d.publisher.value_or(""));
        add(e.sha256);
        add_all(e.paths);
        hash.update(record);
    }
    return hash.hex_digest();
}

} // namespace kennis
