#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace kennis {

// Writes `files` (by their paths relative to DEST, all inside `folder`) where they changed,
// readable as cp makes files, and removes every other file in `folder`: a folder of DEST that
// kennis alone writes (the share's search index, the pages of what changed). No files: no folder.
void write_own_folder(const std::filesystem::path& dest, std::string_view folder, const std::map<std::string, std::string>& files,
                      std::string_view temp_prefix);

} // namespace kennis
