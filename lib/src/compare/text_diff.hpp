#pragma once

#include "catalogue/database.hpp"
#include "kennis/diff.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// A line of a stored text, and where it stands.
struct TextLine {
    std::string text; // white space collapsed
    std::string key;  // folded: what lines are compared by
    int page = 0;
    std::optional<std::string> part;
    std::size_t words = 0;
};

// The non-empty lines of a stored file's text, page by page.
std::vector<TextLine> text_lines(Database& db, std::string_view sha256);

struct LineDiff {
    std::vector<DiffBlock> blocks;
    double changed = 0;
};

// The runs of lines that differ between `before` and `after` (a shortest edit script). Throws
// InputError for texts too long to compare.
LineDiff diff_lines(const std::vector<TextLine>& before, const std::vector<TextLine>& after);

} // namespace kennis
