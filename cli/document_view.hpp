#pragma once

#include "output.hpp"

#include <string>
#include <vector>

namespace kennis::cli {

// How documents appear in tables and in CSV/TSV, shared by every command that lists documents.
const std::vector<Column>& document_columns();
const std::vector<std::string>& document_fields();

} // namespace kennis::cli
