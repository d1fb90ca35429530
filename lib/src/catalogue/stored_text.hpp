#pragma once

#include "catalogue/database.hpp"
#include "extract/text_extract.hpp"

#include <string_view>

namespace kennis {

// Keeps the text read from a stored file by the file's SHA-256, so the same bytes are never read
// twice (not after a re-fetch, a repair or a merge): its pages or parts, and in the blob whether
// there was text, why not, and which version of the readers read it. Replaces what an earlier
// reading kept. Inside the caller's transaction.
void store_text(Database& db, std::string_view sha256, const ExtractedText& text);

} // namespace kennis
