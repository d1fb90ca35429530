#pragma once

#include <string>
#include <string_view>

namespace kennis {

// Text made safe for HTML content and double-quoted attribute values.
std::string html_escape(std::string_view text);
// The same, appended to `out`: pages of thousands of entries are built without a string for each.
void append_html_escaped(std::string& out, std::string_view text);

// The same for XML 1.0, which has no way to write most control characters: those are left out.
void append_xml_escaped(std::string& out, std::string_view text);

// A relative URL for a '/'-separated path, appended to `out`: every byte but the unreserved ones
// and '/' percent-encoded, so that spaces, '#' and accents survive every browser and feed reader.
void append_href(std::string& out, std::string_view path);

} // namespace kennis
