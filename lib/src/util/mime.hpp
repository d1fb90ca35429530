#pragma once

#include <string>
#include <string_view>

namespace kennis {

// What a downloaded file is, from its first bytes; the server's Content-Type and the URL only
// break ties the bytes leave open (the zip-based office formats).
std::string sniff_mime(std::string_view head, std::string_view content_type, std::string_view url);

// The file extension for a type, with its dot (".pdf"), or empty for a type kennis does not know.
std::string mime_extension(std::string_view mime);

// The extension of the file a URL names (".pdf" for …/Handboek.PDF?x=1), or empty.
std::string url_extension(std::string_view url);

bool is_html_mime(std::string_view mime);

// A URL whose path names a web page rather than a document to download.
bool url_names_web_page(std::string_view url);

} // namespace kennis
