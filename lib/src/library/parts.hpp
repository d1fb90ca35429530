#pragma once

#include "catalogue/database.hpp"

#include <span>

namespace kennis {

// What the parts of kennis need of every catalogue connection: the editions' series keys (browse),
// the Dutch tokenizer and the search index (search).
std::span<const DatabaseHooks> database_hooks();

} // namespace kennis
