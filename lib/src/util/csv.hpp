#pragma once

#include <string>
#include <string_view>

namespace kennis {

// One field of an RFC 4180 CSV line: quoted, with quotes doubled, when it holds a comma, a quote
// or a line break.
std::string csv_field(std::string_view text);
// The same, appended to `out`.
void append_csv_field(std::string& out, std::string_view text);

} // namespace kennis
