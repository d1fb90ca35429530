#pragma once

#include "export/manifest.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kennis {

class Library;

// WAT-IS-NIEUW.atom: the feed of `changes` for an export into `dest`. Its entries open the
// exported files by addresses relative to the share, so that a feed reader on any colleague's
// machine finds them under its own drive letter or UNC path; a document not in the export opens
// at its download address.
std::string news_atom(Library& library, const ChangesReport& changes, const std::vector<ExportEntry>& entries,
                      const std::filesystem::path& dest);

} // namespace kennis
