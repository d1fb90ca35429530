#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kennis::test {

// A zip of the given parts (deflated), in memory.
inline std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::unique_ptr<archive, decltype(&archive_write_free)> zip(archive_write_new(), archive_write_free);
    archive_write_set_format_zip(zip.get());
    archive_write_set_bytes_in_last_block(zip.get(), 1);
    std::string out;
    archive_write_open(
        zip.get(), &out, nullptr,
        [](archive*, void* to, const void* data, size_t n) -> la_ssize_t {
            static_cast<std::string*>(to)->append(static_cast<const char*>(data), n);
            return static_cast<la_ssize_t>(n);
        },
        nullptr);
    for (const auto& [name, content] : parts) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(e.get(), name.c_str());
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), 0644);
        archive_entry_set_size(e.get(), static_cast<la_int64_t>(content.size()));
        archive_write_header(zip.get(), e.get());
        archive_write_data(zip.get(), content.data(), content.size());
    }
    archive_write_close(zip.get());
    return out;
}

inline const std::string content_types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

// A Word file: each page's paragraphs, the pages parted as Word marks where it laid them out.
inline std::string make_docx(const std::vector<std::vector<std::string>>& pages) {
    std::string body;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (std::size_t i = 0; i < pages[p].size(); ++i)
            body += fmt::format("<w:p><w:r>{}<w:t>{}</w:t></w:r></w:p>", p > 0 && i == 0 ? "<w:lastRenderedPageBreak/>" : "", pages[p][i]);
    return zip_of({{"[Content_Types].xml", content_types},
                   {"word/document.xml",
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
                        "</w:body></w:document>"}});
}

// An Excel file: sheets by name, each with rows of cells (strings shared, as Excel writes them).
inline std::string make_xlsx(const std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>>& sheets) {
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    std::vector<std::pair<std::string, std::string>> parts{{"[Content_Types].xml", content_types}};
    std::string book = "<workbook " + ns + "><sheets>", rels = "<Relationships>", strings;
    int shared = 0;
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        book += fmt::format("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>", sheets[s].first, s + 1, s + 1);
        rels += fmt::format("<Relationship Id=\"rId{}\" Target=\"worksheets/sheet{}.xml\"/>", s + 1, s + 1);
        std::string data = "<worksheet " + ns + "><sheetData>";
        for (const auto& row : sheets[s].second) {
            data += "<row>";
            for (const auto& cell : row) {
                data += fmt::format("<c t=\"s\"><v>{}</v></c>", shared++);
                strings += "<si><t>" + cell + "</t></si>";
            }
            data += "</row>";
        }
        parts.emplace_back(fmt::format("xl/worksheets/sheet{}.xml", s + 1), data + "</sheetData></worksheet>");
    }
    parts.emplace_back("xl/workbook.xml", book + "</sheets></workbook>");
    parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    parts.emplace_back("xl/sharedStrings.xml", "<sst " + ns + ">" + strings + "</sst>");
    return zip_of(parts);
}

// A PowerPoint file: each slide's lines.
inline std::string make_pptx(const std::vector<std::vector<std::string>>& slides) {
    const std::string ns = "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
                           "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    std::vector<std::pair<std::string, std::string>> parts{{"[Content_Types].xml", content_types}};
    std::string list, rels = "<Relationships>";
    for (std::size_t s = 0; s < slides.size(); ++s) {
        list += fmt::format("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 256 + s, s + 1);
        rels += fmt::format("<Relationship Id=\"rId{}\" Target=\"slides/slide{}.xml\"/>", s + 1, s + 1);
        std::string text;
        for (const auto& line : slides[s])
            text += "<a:p><a:r><a:t>" + line + "</a:t></a:r></a:p>";
        parts.emplace_back(fmt::format("ppt/slides/slide{}.xml", s + 1),
                           "<p:sld " + ns + "><p:cSld><p:spTree><p:sp><p:txBody>" + text + "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>");
    }
    parts.emplace_back("ppt/presentation.xml", "<p:presentation " + ns + "><p:sldIdLst>" + list + "</p:sldIdLst></p:presentation>");
    parts.emplace_back("ppt/_rels/presentation.xml.rels", rels + "</Relationships>");
    return zip_of(parts);
}

// An OpenDocument file of this kind ("text", "spreadsheet", "presentation") with this body.
inline std::string make_odf(const std::string& kind, const std::string& body) {
    const std::string ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                           "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"";
    return zip_of({{"mimetype", "application/vnd.oasis.opendocument." + kind},
                   {"META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"},
                   {"content.xml", "<office:document-content " + ns + "><office:body>" + body + "</office:body></office:document-content>"}});
}

} // namespace kennis::test
