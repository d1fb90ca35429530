#include "kennis/version.hpp"

namespace kennis {

const char* version() { return KENNIS_VERSION; }

} // namespace kennis
