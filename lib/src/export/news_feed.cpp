#include "export/news_feed.hpp"

#include "export/plan.hpp"
#include "util/html.hpp"

#include <unordered_map>

namespace kennis {

std::string news_atom(Library& library, const ChangesReport& changes, const std::vector<ExportEntry>& entries,
                      const std::filesystem::path& dest) {
    std::unordered_map<std::int64_t, std::string_view> first_path;
    for (const auto& e : entries)
        first_path.emplace(e.document.id, e.paths.front());
    const FeedOptions feed{.key = "export\x1f" + std::filesystem::weakly_canonical(dest).string(),
                           .self = std::string(news_files[2]),
                           .page = std::string(news_files[0]),
                           .link = [&first_path](const ChangeEvent& c) {
                               std::string href;
                               if (const auto it = first_path.find(c.id); it != first_path.end() && c.kind != "withdrawn")
                                   append_href(href, it->second);
                               return href;
                           }};
    return changes_atom(library, changes, feed);
}

} // namespace kennis
