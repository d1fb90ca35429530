#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kennis {

// The text of a stored file, page by page, or why there is none.
struct ExtractedText {
    std::vector<std::string> pages; // page 1 first; a web page or text file is one page
    std::string reason;             // why there is no text; empty when pages were read
    bool has_text() const { return reason.empty(); }
};

ExtractedText extract_text(const std::filesystem::path& file, const std::string& mime);

// The readable text of an HTML document (scripts, styles and markup left out).
std::string html_text(std::string_view html);

ExtractedText pdf_text(const std::filesystem::path& file);

} // namespace kennis
