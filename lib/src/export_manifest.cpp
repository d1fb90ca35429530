#include "export_manifest.hpp"

#include "kennis/csv.hpp"
#include "kennis/version.hpp"
#include "sha256.hpp"

#include <algorithm>
#include <map>
#include <fmt/format.h>
#include <utility>

namespace kennis {

std::string catalogue_csv(const std::vector<ExportEntry>& entries) {
    std::string out = "\xEF\xBB\xBFid,title,themes,tags,date,sha256,path\r\n";
    for (const auto& e : entries) {
        const auto& d = e.document;
        for (const auto& path : e.paths)
            out += fmt::format("{},{},{},{},{},{},{}\r\n", d.id, csv_field(d.title), csv_field(fmt::format("{}", fmt::join(d.themes, "; "))),
                               csv_field(fmt::format("{}", fmt::join(d.tags, "; "))), csv_field(d.date ? *d.date : d.period.value_or("")),
                               e.sha256, csv_field(path));
    }
    return out;
}

std::string sha256sums(const std::vector<ExportEntry>& entries) {
    std::vector<std::pair<std::string, std::string>> lines;
    for (const auto& e : entries)
        for (const auto& path : e.paths)
            lines.emplace_back(path, e.sha256);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& [path, sha] : lines)
        out += fmt::format("{}  {}\n", sha, path);
    return out;
}

std::string news_csv(const ChangesReport& changes, const std::vector<ExportEntry>& entries) {
    std::map<std::int64_t, const ExportEntry*> exported;
    for (const auto& e : entries)
        exported.emplace(e.document.id, &e);
    std::string out = "\xEF\xBB\xBFtheme,kind,id,title,at,path\r\n";
    for (const auto& t : changes.themes)
        for (const auto& c : t.changes) {
            const auto it = exported.find(c.id);
            out += fmt::format("{},{},{},{},{},{}\r\n", csv_field(t.theme), c.kind, c.id, csv_field(c.title), c.at,
                               csv_field(it == exported.end() ? "" : it->second->paths.front()));
        }
    return out;
}

std::string listing_fingerprint(const std::vector<ExportEntry>& entries) {
    // Fields are separated by a byte no text holds, so that no two listings run together alike.
    Sha256 hash;
    hash.update(version()); // a newer kennis may draw the listings differently
    std::string record;
    for (const auto& e : entries) {
        const auto& d = e.document;
        record = fmt::format("\x1f{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}\x1e{}", d.id, d.title,
                             fmt::join(d.aliases, "\x1d"), fmt::join(d.themes, "\x1d"), fmt::join(d.tags, "\x1d"),
                             d.type.value_or(""), d.date.value_or(""), d.period.value_or(""), d.publisher.value_or(""),
                             e.sha256, fmt::join(e.paths, "\x1d"));
        hash.update(record);
    }
    return hash.hex_digest();
}

} // namespace kennis
