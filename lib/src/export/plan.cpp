#include "export/plan.hpp"

#include "catalogue/catalogue.hpp"
#include "export/pages.hpp"
#include "export/share_search.hpp"
#include "export/state.hpp"
#include "fetch/document_type.hpp"
#include "library/library_impl.hpp"
#include "browse/selection.hpp"
#include "util/unicode.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace kennis {
namespace {

// Room left for the share's own path (\\server\share\folder\) within Windows' 260 characters.
constexpr std::size_t max_relative_path = 200;

} // namespace

std::string_view name_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string parent_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? std::string_view() : path.substr(0, slash));
}

ExportPlanner::ExportPlanner(Library& library, const ExportOptions& options)
    : m_library(library),
      m_layout(options.path_template ? PathTemplate(*options.path_template) : PathTemplate::for_layout(options.by)),
      m_ids(select_ids(library, options.query, options.filter, options.synonyms)), m_allow_macros(options.allow_macros),
      m_allow_types(options.allow_types) {
    for (auto name : listing_files)
        m_folders[""].claim(std::string(name));
    for (auto name : news_files)
        m_folders[""].claim(std::string(name));
    // kennis's own folders: a theme or tag of that name gets another.
    m_folders[""].claim(std::string(share_search_folder));
    m_folders[""].claim(std::string(news_diff_folder));
    m_folders[""].claim(std::string(ExportState::file_name));
    m_folders[""].claim(std::string(ExportState::journal_name));
}

std::string ExportPlanner::refusal(const DocumentVersion& v) const {
    // A catalogue from before kennis checked what it downloads may hold other files.
    const auto documents = document_mimes();
    const bool allowed = v.mime && (std::find(documents.begin(), documents.end(), *v.mime) != documents.end() ||
                                    std::find(m_allow_types.begin(), m_allow_types.end(), *v.mime) != m_allow_types.end());
    if (!allowed)
        return fmt::format("not a document ({})", v.mime.value_or("unknown type"));
    if (v.macros && !m_allow_macros)
        return "carries macros (export them with --allow-macros)";
    return {};
}

bool ExportPlanner::next(std::size_t count, std::vector<ExportEntry>& entries, std::vector<ExportSkip>& skipped) {
    if (m_planned == m_ids.size())
        return false;
    const auto first = m_ids.begin() + static_cast<std::ptrdiff_t>(m_planned);
    const std::size_t n = std::min(count, m_ids.size() - m_planned);
    m_planned += n;
    auto documents = load_documents(m_library.impl().db, m_library.impl().ctx.home,
                                    std::vector<std::int64_t>(first, first + static_cast<std::ptrdiff_t>(n)));
    for (auto& d : documents) {
        if (!d.path || !d.current()) {
            skipped.push_back({d.id, d.title, d.urls.empty() ? "no download link" : "not fetched"});
            continue;
        }
        if (const auto why = refusal(*d.current()); !why.empty()) {
            skipped.push_back({d.id, d.title, why});
            continue;
        }
        ExportEntry& e = entries.emplace_back(); // in place: a document is a few hundred bytes to move
        e.sha256 = d.current()->sha256;
        for (auto& path : m_layout.paths(d, export_extension(d), max_relative_path)) {
            const std::string folder = parent_of(path);
            const std::string name = m_folders[unicode::casefold(folder)].claim(std::string(name_of(path)));
            e.paths.push_back(folder.empty() ? name : folder + "/" + name);
        }
        e.document = std::move(d);
    }
    return true;
}

std::vector<ExportEntry> plan_entries(Library& library, const ExportOptions& options, ExportReport& report) {
    ExportPlanner planner(library, options);
    std::vector<ExportEntry> entries;
    while (planner.next(std::numeric_limits<std::size_t>::max(), entries, report.skipped)) {
    }
    report.documents = entries.size();
    return entries;
}

} // namespace kennis
