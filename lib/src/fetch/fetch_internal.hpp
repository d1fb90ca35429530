#pragma once

#include "kennis/fetch.hpp"

namespace kennis {

// fetch() for a caller that already holds the writer lock (sync --fetch).
FetchReport fetch_locked(Library& library, const FetchOptions& options);

} // namespace kennis
