#pragma once

#include "catalogue/database.hpp"
#include "export/manifest.hpp"
#include "kennis/synonyms.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// The search on the share: index.html searches the text of the exported documents from
// file://, with no server, through the files of this folder in DEST. They are scripts (a page
// opened from disk may load scripts but not fetch files): the page's own, loaded with it; the
// index's rows and synonyms, loaded with it; and, loaded only when a query needs them, the
// postings of its words (t/), the list of all words for prefixes (woorden.txt) and the text of
// the pages whose snippets are shown (x/).
inline constexpr std::string_view share_search_folder = "zoekindex";

// The index's first file, by whose size and time a run sees that the folder is as it left it.
inline constexpr std::array<std::string_view, 1> share_search_marks{"zoekindex/index.txt"};

// The scripts index.html loads, in order, relative to DEST.
std::vector<std::string> share_search_scripts();

// What the index is drawn from besides the exported documents: when it and their listing
// fingerprint are unchanged, so is the index.
std::string share_search_fingerprint(const Synonyms& synonyms);

// The files of the folder, by their path relative to DEST, drawn from the catalogue's own search
// index (the very words, stems and positions `kennis search` matches) for the exported documents.
std::map<std::string, std::string> share_search_files(Database& db, const std::vector<ExportEntry>& entries, const Synonyms& synonyms);

} // namespace kennis
