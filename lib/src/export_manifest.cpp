#include "export_manifest.hpp"

#include "kennis/csv.hpp"

#include <algorithm>
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

} // namespace kennis
