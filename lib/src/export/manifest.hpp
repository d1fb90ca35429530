#pragma once

#include "kennis/changes.hpp"
#include "kennis/document.hpp"

#include <string>
#include <vector>

namespace kennis {

// A document as it ended up in an export: the files that hold it, relative to DEST.
struct ExportEntry {
    Document document;
    std::string sha256;
    std::vector<std::string> paths;
};

// catalogue.csv: one row per exported file (id, title, themes, tags, date, sha256, path), UTF-8
// with a byte order mark so that spreadsheet programs read the accents right.
std::string catalogue_csv(const std::vector<ExportEntry>& entries);

// SHA256SUMS, in the format `sha256sum -c` checks: one line per exported file.
std::string sha256sums(const std::vector<ExportEntry>& entries);

// WAT-IS-NIEUW.csv: the changes of the last days, per theme (export/pages.hpp draws the page).
std::string news_csv(const ChangesReport& changes, const std::vector<ExportEntry>& entries);

// A digest of everything the listings show (catalogue.csv, SHA256SUMS, index.html) (and of the program that draws them):
// when it has not changed, neither have they.
std::string listing_fingerprint(const std::vector<ExportEntry>& entries);

} // namespace kennis
