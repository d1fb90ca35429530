#pragma once

#include "export/manifest.hpp"
#include "kennis/export.hpp"

#include <vector>

namespace kennis {

// Writes the export tree, with catalogue.csv, SHA256SUMS and index.html, into the zip archive
// options.dest; the archive appears whole under its name or not at all.
void write_zip(Library& library, const ExportOptions& options, const std::vector<ExportEntry>& entries, ExportReport& report);

} // namespace kennis
