#include "text_extract.hpp"
#include "unicode.hpp"

#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace kennis {
namespace {

// Poppler reports damaged files on stderr by default; kennis reports them itself.
void quiet(const std::string&, void*) {}

} // namespace

ExtractedText pdf_text(const std::filesystem::path& file) {
    static const bool silenced = (poppler::set_debug_error_function(quiet, nullptr), true);
    (void)silenced;
    ExtractedText out;
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    if (!doc) {
        out.reason = "not a readable PDF";
        return out;
    }
    if (doc->is_locked()) {
        out.reason = "the PDF is protected with a password";
        return out;
    }
    bool any = false;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        std::string text;
        if (page) {
            const auto bytes = page->text().to_utf8();
            text = unicode::sanitize(std::string_view(bytes.data(), bytes.size()));
        }
        any = any || text.find_first_not_of(" \t\r\n\f") != std::string::npos;
        out.pages.push_back(std::move(text));
    }
    if (!any) {
        out.pages.clear();
        out.reason = doc->pages() == 0 ? "the PDF has no pages" : "the PDF has no text layer (scanned pages?)";
    }
    return out;
}

} // namespace kennis
