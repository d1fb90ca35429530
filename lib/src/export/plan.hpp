#pragma once

#include "export/layout.hpp"
#include "export/manifest.hpp"
#include "kennis/export.hpp"
#include "kennis/filename.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

class Library;

// The files kennis writes beside the documents, in DEST itself: the listings and WAT-IS-NIEUW.
inline constexpr std::array<std::string_view, 3> listing_files{"catalogue.csv", "SHA256SUMS", "index.html"};
inline constexpr std::array<std::string_view, 3> news_files{"WAT-IS-NIEUW.html", "WAT-IS-NIEUW.csv", "WAT-IS-NIEUW.atom"};

// The folder of a path inside DEST, '/'-separated; empty for DEST itself.
std::string parent_of(std::string_view path);
// The last component of a path inside DEST: the file's name in its folder.
std::string_view name_of(std::string_view path);

// Names the files of the selected documents that have a stored file, a chunk of documents at a
// time, so that an export can write the first files while it reads the rest from the catalogue.
// Documents are named in the order of their ids and names that would collide within a folder
// (also only in case) get " (2)", so that every run hands out the same names.
class ExportPlanner {
public:
    ExportPlanner(Library& library, const ExportOptions& options);

    // Appends the entries of the next `count` selected documents to `entries`, and those without
    // a stored file, or with one that is not to be exported, to `skipped`. Returns false once every selected document has been planned.
    bool next(std::size_t count, std::vector<ExportEntry>& entries, std::vector<ExportSkip>& skipped);
    // How many documents are selected: at most that many entries.
    std::size_t selected() const { return m_ids.size(); }

private:
    Library& m_library;
    PathTemplate m_layout;
    std::vector<std::int64_t> m_ids;
    bool m_allow_macros;
    std::vector<std::string> m_allow_types;
    std::size_t m_planned = 0;
    std::map<std::string, NameAllocator> m_folders; // by case-folded folder

    // Why a stored file is not exported (macros, or not a document), or empty.
    std::string refusal(const DocumentVersion& v) const;
};

// Every selected document planned at once: what a zip holds.
std::vector<ExportEntry> plan_entries(Library& library, const ExportOptions& options, ExportReport& report);

} // namespace kennis
