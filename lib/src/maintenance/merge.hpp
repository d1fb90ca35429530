#pragma once

#include "catalogue/database.hpp"
#include "kennis/fetch.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kennis {

// Folds `absorbed` into `survivor` inside the caller's transaction: titles, themes, URLs, listing
// entries, versions, tags and history move over (unions), the absorbed id and slug keep resolving
// to the survivor through a redirect that also remembers what the absorbed document brought, and
// the absorbed row goes.
void merge_documents(Database& db, std::int64_t survivor, std::int64_t absorbed, const std::string& reason,
                     const std::string& now);

// Undoes the merge that absorbed `old_id`, inside the caller's transaction: the document comes
// back under its id and slug with what it brought (and the tags its survivor got since), the
// documents it had absorbed itself follow it, and the two are kept apart from then on. Returns
// the survivor it left. Throws InputError for a merge that recorded nothing to undo.
std::int64_t unmerge_document(Database& db, std::int64_t old_id, const std::string& now);

// The pairs of documents a person said are not one (lower id first), as the documents they are
// now, following later merges.
std::set<std::pair<std::int64_t, std::int64_t>> kept_apart_pairs(Database& db);

// A person said these two are not one document: nothing merges them automatically.
bool kept_apart(Database& db, std::int64_t a, std::int64_t b);

// Merges `doc` with each of `others` for `reason`, the lower id surviving each time, leaving out
// the pairs a person kept apart; inside the caller's transaction. Returns what was merged.
std::vector<MergeNote> merge_into_one(Database& db, std::int64_t doc, const std::vector<std::int64_t>& others,
                                      const std::string& reason, const std::string& now);

// The documents other than `doc` that have (had) a version with these bytes.
std::vector<std::int64_t> documents_with_file(Database& db, const std::string& sha256, std::int64_t doc);

// The documents other than `doc` that have a version whose text is the text of one of `doc`'s,
// where that text has at least min_words_to_merge words.
std::vector<std::int64_t> documents_with_same_text(Database& db, std::int64_t doc);

// Merges each document with a version of these bytes with the documents of the same text: for
// files whose text was read (again) after they were stored.
std::vector<MergeNote> merge_same_text_of(Database& db, const std::string& sha256, const std::string& now);

} // namespace kennis
