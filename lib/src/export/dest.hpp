#pragma once

#include "kennis/library.hpp"

#include <filesystem>

namespace kennis {

// Checks that DEST can be exported into: a folder (made when it does not exist, unless this is a
// dry run) outside the library home, that kennis can write into. InputError or UsageError saying
// which it is not.
void prepare_dest(const Library& library, const std::filesystem::path& dest, bool dry_run);

} // namespace kennis
