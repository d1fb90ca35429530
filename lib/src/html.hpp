#pragma once

#include <string>
#include <string_view>

namespace kennis {

// Text made safe for HTML content and double-quoted attribute values.
std::string html_escape(std::string_view text);

} // namespace kennis
