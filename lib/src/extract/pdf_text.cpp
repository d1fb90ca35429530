#include "library/modules.hpp"
#include "extract/pdf_reader.hpp"
#include "extract/text_extract.hpp"
#include "util/unicode.hpp"

namespace kennis {

ExtractedText pdf_text(const std::filesystem::path& file) {
    static const auto read = reinterpret_cast<pdf_module::ReadPdf>(module_entry("kennis-pdf.so", pdf_module::entry_point));
    pdf_module::Pages pdf;
    read(file.c_str(), pdf);
    ExtractedText out;
    if (pdf.status != pdf_module::Pages::Status::read) {
        out.reason = pdf.status == pdf_module::Pages::Status::locked ? "the PDF is protected with a password" : "not a readable PDF";
        return out;
    }
    bool any = false;
    for (const auto& page : pdf.pages) {
        std::string text = unicode::sanitize(page);
        any = any || text.find_first_not_of(" \t\r\n\f") != std::string::npos;
        out.pages.push_back(std::move(text));
    }
    if (!any) {
        out.pages.clear();
        out.reason = pdf.pages.empty() ? "the PDF has no pages" : "the PDF has no text layer (scanned pages?)";
    }
    return out;
}

} // namespace kennis
