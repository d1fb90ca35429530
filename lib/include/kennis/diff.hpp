#pragma once

#include "kennis/library.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

// One side of a comparison: a document's file.
struct DiffSide {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
    int version = 0; // 1 for the first file kennis fetched of the document
    std::string sha256;
    std::string first_seen;
};

// A run of lines that differ: only in the new text (added), only in the old one (removed), or
// in both (changed). Pages (and parts, for a sheet or slide) are where the run stands in each text;
// for an added run, the old page is where it would have stood, and so on.
struct DiffBlock {
    enum class Kind { added, removed, changed };
    Kind kind = Kind::changed;
    int old_page = 0;
    int new_page = 0;
    std::optional<std::string> old_part;
    std::optional<std::string> new_part;
    std::vector<std::string> removed; // lines of the old text, white space collapsed
    std::vector<std::string> added;   // lines of the new text
};

struct TextDiff {
    // What the old side is to the new: "previous version", "previous edition" or "other document".
    std::string against;
    DiffSide old_side;
    DiffSide new_side;
    double changed = 0; // words in the lines that differ ÷ words in both texts, 0 to 1
    std::vector<DiffBlock> blocks;
};

struct DiffOptions {
    std::string doc;                  // alone: its newest file against the one before, or the previous edition's
    std::optional<std::string> other; // with doc: doc's current file (old) against other's (new)
};

// The lines that differ between two documents' texts, or between a document's newest version (or
// edition) and the one before. Throws InputError when a side has no text, or DOC has nothing to
// compare with.
TextDiff diff_documents(Library& library, const DiffOptions& options);

} // namespace kennis
