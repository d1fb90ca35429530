#include "extract/text_extract.hpp"

#include "extract/xml_doc.hpp"

#include "util/unicode.hpp"

#include <fstream>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <memory>
#include <sstream>

namespace kennis {
namespace {

constexpr std::size_t max_text_file = 64 * 1024 * 1024;
// Reading a PDF takes memory in proportion to it; past this, the file is stored without its text.
constexpr std::uintmax_t max_pdf_file = 256 * 1024 * 1024;

std::string read_prefix(const std::filesystem::path& file, std::size_t limit) {
    std::ifstream in(file, std::ios::binary);
    std::string data(limit, '\0');
    in.read(data.data(), static_cast<std::streamsize>(limit));
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

bool is_block(const xmlNode* node) {
    static constexpr const char* blocks[] = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                                             "section", "article", "table", "ul", "ol", "dd", "dt", "title"};
    for (const char* b : blocks)
        if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(b)) == 0)
            return true;
    return false;
}

void collect_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            out += reinterpret_cast<const char*>(n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (xmlStrcasecmp(n->name, BAD_CAST "script") == 0 || xmlStrcasecmp(n->name, BAD_CAST "style") == 0 ||
                xmlStrcasecmp(n->name, BAD_CAST "noscript") == 0)
                continue;
            collect_text(n->children, out);
            if (is_block(n))
                out += '\n';
        }
    }
}

} // namespace

std::string html_text(std::string_view html) {
    XmlDoc doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    if (!doc)
        return {};
    std::string out;
    collect_text(xmlDocGetRootElement(doc.get()), out);
    return unicode::sanitize(out);
}

namespace {

ExtractedText read_text(const std::filesystem::path& file, const std::string& mime, OcrMode ocr, int ocr_page_seconds) {
    ExtractedText out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (mime == "application/pdf" && size > max_pdf_file) {
        out.reason = "the PDF is too large to read its text (over 256 MiB)";
        return out;
    }
    if (mime == "application/pdf")
        return pdf_text(file, ocr, ocr_page_seconds);
    if (mime == "text/html" || mime == "text/plain") {
        if (size > max_text_file) {
            out.reason = "the text file is too large to index";
            return out;
        }
        const std::string data = read_prefix(file, max_text_file);
        out.pages.push_back(mime == "text/html" ? html_text(data) : unicode::sanitize(data));
        return out;
    }
    if (mime.find("openxmlformats") != std::string::npos || mime.starts_with("application/vnd.oasis.opendocument.") ||
        mime.find("macroEnabled") != std::string::npos)
        return office_text(file, mime);
    if (mime == "application/msword" || mime == "application/vnd.ms-excel")
        return legacy_office_text(file, mime);
    if (mime == "application/rtf")
        return rtf_text(file);
    out.reason = "no text is read from " + mime + " files";
    return out;
}

} // namespace

ExtractedText extract_text(const std::filesystem::path& file, const std::string& mime, OcrMode ocr, int ocr_page_seconds) {
    ExtractedText out = read_text(file, mime, ocr, ocr_page_seconds);
    if (out.has_text())
        out.identity = text_identity(out.pages);
    return out;
}

} // namespace kennis
