#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kennis::unicode {

bool is_valid_utf8(std::string_view text);

// Invalid byte sequences replaced by U+FFFD, so later steps can rely on valid UTF-8.
std::string sanitize(std::string_view text);

std::string nfc(std::string_view text);

// NFC and case-folded, accents kept: for names a user chose, like tags.
std::string casefold(std::string_view text);

// NFKC, case-folded, diacritics removed: the form every key and comparison is made from.
std::string fold(std::string_view text);
// The same into `out`, reusing its room: ASCII text, most of every title, is folded in place.
void fold_into(std::string& out, std::string_view text);

// Decodes the code point at `pos` and advances `pos`; the text must be valid UTF-8.
char32_t next(std::string_view text, std::size_t& pos);

void append(std::string& out, char32_t cp);

// A-Z made a-z, every other byte kept: for file signatures, extensions and MIME types.
void lower_ascii(std::string& text);
std::string lower_ascii(std::string_view text);

// Unicode format characters (category Cf): bidi embeddings, overrides and isolates, LRM and RLM,
// zero-width characters, the byte order mark. They show nothing, but can reorder what follows
// them: a name ending in "<U+202E>fdp.exe" shows as "exe.pdf".
bool is_format(char32_t cp);
// The text without them, for names; the text must be valid UTF-8.
std::string without_format(std::string_view text);
// The text with each of them written out as <U+202E>, for a terminal.
std::string format_made_visible(std::string_view text);
bool is_alnum(char32_t cp);

std::size_t length(std::string_view text);

} // namespace kennis::unicode
