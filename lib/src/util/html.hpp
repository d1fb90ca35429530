#pragma once

#include <string>
#include <string_view>

namespace kennis {

// Text made safe for HTML content and double-quoted attribute values.
std::string html_escape(std::string_view text);
// The same, appended to `out`: pages of thousands of entries are built without a string for each.
void append_html_escaped(std::string& out, std::string_view text);

} // namespace kennis
