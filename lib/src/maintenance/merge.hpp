#pragma once

#include "catalogue/database.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <utility>

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

} // namespace kennis
