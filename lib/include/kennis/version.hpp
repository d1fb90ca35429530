#pragma once

namespace kennis {

// The version of this kennis, as `kennis --version` prints it.
const char* version();

} // namespace kennis
