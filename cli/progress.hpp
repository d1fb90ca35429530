#pragma once

#include "output.hpp"

#include <kennis/library.hpp>

namespace kennis::cli {

// A progress bar on stderr when it is a terminal and progress is wanted; otherwise nothing.
ProgressFn progress_bar(const Output& out);

} // namespace kennis::cli
