#include "mime.hpp"

#include "unicode.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace kennis {
namespace {

// The types kennis tells apart, with the extension an exported file gets. The zip-based office
// formats come first: their bytes look alike, so the URL or Content-Type decides among them.
constexpr std::size_t office_types = 4;
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> known_types{{
    {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {".odt", "application/vnd.oasis.opendocument.text"},
    {".pdf", "application/pdf"},
    {".docm", "application/vnd.ms-word.document.macroEnabled.12"},
    {".xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12"},
    {".pptm", "application/vnd.ms-powerpoint.presentation.macroEnabled.12"},
    {".ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {".odp", "application/vnd.oasis.opendocument.presentation"},
    {".odg", "application/vnd.oasis.opendocument.graphics"},
    {".ppt", "application/vnd.ms-powerpoint"},
    {".rtf", "application/rtf"},
    {".csv", "text/csv"},
    {".zip", "application/zip"},
    {".doc", "application/msword"},
    {".xls", "application/vnd.ms-excel"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".html", "text/html"},
    {".txt", "text/plain"},
}};

std::string_view url_path(std::string_view url) {
    const auto end = url.find_first_of("?#");
    url = url.substr(0, end);
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    return slash == std::string_view::npos ? std::string_view() : url.substr(slash);
}

bool looks_like_html(std::string_view head) {
    std::size_t i = 0;
    if (head.starts_with("\xEF\xBB\xBF"))
        i = 3;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i])))
        ++i;
    const std::string start = unicode::lower_ascii(head.substr(i, 512));
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<!--", "<title", "<meta", "<script", "<div", "<h1", "<p>"})
        if (start.starts_with(tag))
            return true;
    return false;
}

} // namespace

std::string mime_extension(std::string_view mime) {
    for (const auto& [ext, known] : known_types)
        if (known == mime)
            return std::string(ext);
    return {};
}

std::string url_extension(std::string_view url) {
    const std::string path = unicode::lower_ascii(url_path(url));
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || path.size() - dot < 2 || path.size() - dot > 5)
        return {};
    const bool plain = std::all_of(path.begin() + static_cast<std::ptrdiff_t>(dot) + 1, path.end(),
                                   [](unsigned char c) { return std::isalnum(c); });
    return plain ? path.substr(dot) : std::string();
}

bool is_html_mime(std::string_view mime) { return mime == "text/html"; }

bool url_names_web_page(std::string_view url) {
    const std::string path = unicode::lower_ascii(url_path(url));
    return path.empty() || path.ends_with("/") || path.ends_with(".html") || path.ends_with(".htm") ||
           path.ends_with(".php") || path.ends_with(".aspx");
}

std::string sniff_mime(std::string_view head, std::string_view content_type, std::string_view url) {
    const std::string type = unicode::lower_ascii(content_type.substr(0, content_type.find(';')));
    const std::string path = unicode::lower_ascii(url_path(url));
    if (head.starts_with("%PDF-"))
        return "application/pdf";
    if (head.starts_with("PK\x03\x04")) {
        for (const auto& [ext, mime] : std::span(known_types).first(office_types))
            if (path.ends_with(ext) || type == mime)
                return std::string(mime);
        return "application/zip";
    }
    if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return path.ends_with(".xls") ? "application/vnd.ms-excel" : "application/msword";
    if (head.starts_with("\x89PNG"))
        return "image/png";
    if (head.starts_with("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (looks_like_html(head) || (type == "text/html" && unicode::is_valid_utf8(head.substr(0, 256))))
        return "text/html";
    if (head.find('\0') == std::string_view::npos) {
        // A cut may fall inside a multi-byte character; judge the text before it.
        std::size_t end = head.size();
        while (end > 0 && end + 4 > head.size() && (static_cast<unsigned char>(head[end - 1]) & 0xC0) == 0x80)
            --end;
        if (end > 0 && (static_cast<unsigned char>(head[end - 1]) & 0xC0) == 0xC0)
            --end;
        if (unicode::is_valid_utf8(head.substr(0, end)))
            return "text/plain";
    }
    return type.empty() ? "application/octet-stream" : type;
}

} // namespace kennis
