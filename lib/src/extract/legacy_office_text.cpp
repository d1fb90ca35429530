#include "extract/text_extract.hpp"

#include "util/child_output.hpp"
#include "util/unicode.hpp"

#include <fmt/format.h>
#include <freexl.h>

namespace kennis {
namespace {

constexpr std::size_t max_text = 64u << 20;

struct Workbook {
    const void* handle = nullptr;
    ~Workbook() {
        if (handle)
            freexl_close(handle);
    }
};

// Excel 97–2003: a part per sheet, its cells a row to a line.
ExtractedText xls_text(const std::filesystem::path& file) {
    ExtractedText out;
    Workbook book;
    unsigned int sheets = 0;
    if (freexl_open(file.c_str(), &book.handle) != FREEXL_OK || freexl_get_info(book.handle, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) {
        out.reason = "the Excel file cannot be read";
        return out;
    }
    std::size_t total = 0;
    for (unsigned short s = 0; s < sheets; ++s) {
        const char* name = nullptr;
        unsigned int rows = 0;
        unsigned short width = 0;
        if (freexl_get_worksheet_name(book.handle, s, &name) != FREEXL_OK || freexl_select_active_worksheet(book.handle, s) != FREEXL_OK ||
            freexl_worksheet_dimensions(book.handle, &rows, &width) != FREEXL_OK)
            continue;
        std::string text;
        for (unsigned int r = 0; r < rows && total + text.size() <= max_text; ++r) {
            for (unsigned short c = 0; c < width; ++c) {
                FreeXL_CellValue v{};
                if (freexl_get_cell_value(book.handle, r, c, &v) != FREEXL_OK)
                    continue;
                if (v.type == FREEXL_CELL_INT)
                    text += std::to_string(v.value.int_value);
                else if (v.type == FREEXL_CELL_DOUBLE)
                    text += fmt::format("{}", v.value.double_value);
                else if (v.type != FREEXL_CELL_NULL && v.value.text_value)
                    text += v.value.text_value;
                else
                    continue;
                text += '\t';
            }
            text += '\n';
        }
        total += text.size();
        out.pages.push_back(unicode::sanitize(text));
        out.parts.push_back(std::string("blad: ") + (name ? name : ""));
    }
    if (total > max_text) {
        out = {};
        out.reason = "the Excel file holds more text than kennis reads (over 64 MiB)";
    }
    return out;
}

// Word 97–2003, through antiword. Its text output marks no pages (a page break becomes a line
// break), so the document is one part.
ExtractedText doc_text(const std::filesystem::path& file) {
    ExtractedText out;
    const ChildOutput run = run_for_output({"antiword", "-w", "0", "-m", "UTF-8.txt", file.string()}, std::chrono::seconds(60), max_text);
    if (!run.complete) {
        out.reason = "the Word file cannot be read: " + run.why;
        return out;
    }
    out.pages.push_back(unicode::sanitize(run.out));
    return out;
}

} // namespace

ExtractedText legacy_office_text(const std::filesystem::path& file, const std::string& mime) {
    return mime == "application/vnd.ms-excel" ? xls_text(file) : doc_text(file);
}

} // namespace kennis
