#pragma once

#include "kennis/library.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

struct DocumentRef {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
};

// A document folded into another; its id and slug resolve to the one it went into.
struct AbsorbedDocument {
    std::int64_t id = 0;
    std::string slug;
    std::string reason; // "same bytes", "same text", "same title as a listed download" or "merged by hand"
    std::string at;
    bool can_unmerge = false; // the merge recorded what it brought
};

// One document that stands for several: titles listed for the same URL, and documents merged in.
struct MergedGroup {
    DocumentRef document;
    std::vector<std::string> same_url_titles; // its listed titles, when they differ
    std::vector<AbsorbedDocument> absorbed;
};

// Two documents that may be one; kennis never merges them on their titles, or on texts that are
// alike but not the same.
struct SuspectPair {
    DocumentRef a; // for "one contains the other", the one contained
    DocumentRef b;
    // "nearly the same text", "one contains the other", "same title, different files", "same
    // title", or "similar titles"
    std::string reason;
    // 0 to 1: for texts, the share of three-word shingles the two have in common (of either, or
    // of the one contained); for titles, the trigram Jaccard of the titles without their dates
    double similarity = 0;
};

struct DupesReport {
    std::vector<MergedGroup> merged;
    std::vector<SuspectPair> suspects;
    std::vector<std::pair<DocumentRef, DocumentRef>> kept_apart; // by a person, with unmerge
};

struct DupesOptions {
    // How alike titles without their dates must be to be suspects. 0.6 finds "Handreiking X" and
    // "Handreiking X - Ingrado, november 2020". Titles of different school levels (the PO and VO
    // handbooks) or types (a Kamerbrief and the Reactie to it), or that name different numbers
    // outside their dates (Modelbrief 1 and 2), are never suspects, however alike.
    double similarity = 0.6;
};

DupesReport find_dupes(Library& library, const DupesOptions& options);

struct MergeOutcome {
    DocumentRef survivor;
    DocumentRef other; // merged into the survivor, or (unmerge) brought back
};

// A person's decision that A and B are one document: B is folded into A (tags, themes, URLs,
// versions unioned; B's id and slug keep resolving to A). Takes the writer lock.
MergeOutcome merge(Library& library, std::string_view a, std::string_view b);

// Undoes the merge that folded DOC (its old id or slug) into another document; the two are kept
// apart from then on, so no sync or fetch merges them again. Naming the survivor works when it
// absorbed exactly one document. Takes the writer lock.
MergeOutcome unmerge(Library& library, std::string_view doc);

} // namespace kennis
