#pragma once

#include "kennis/listing.hpp"

#include <string>
#include <string_view>

namespace kennis {

// Reads the Downloadcentrum of a Kennisbank page: the section under a heading or label
// "Downloadcentrum", its themes (headings, accordion toggles, table captions or header rows) and,
// under each theme, every entry with a download link. Relies on the page's structure and text,
// never on class names. `page_url` resolves relative links and becomes the listing's source.
// Throws InputError, naming `name`, for a page without HTML, without a Downloadcentrum, or
// without entries.
Listing parse_listing_html(std::string_view html, const std::string& page_url, const std::string& name);

} // namespace kennis
