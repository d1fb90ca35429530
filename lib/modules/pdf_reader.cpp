#include "extract/pdf_reader.hpp"

#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace {

// Poppler reports damaged files on stderr by default; kennis reports them itself.
void quiet(const std::string&, void*) {}

} // namespace

extern "C" __attribute__((visibility("default"))) void kennis_read_pdf(const char* file, kennis::pdf_module::Pages& out) {
    using Status = kennis::pdf_module::Pages::Status;
    static const bool silenced = (poppler::set_debug_error_function(quiet, nullptr), true);
    (void)silenced;
    const std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file));
    if (!doc) {
        out.status = Status::unreadable;
        return;
    }
    if (doc->is_locked()) {
        out.status = Status::locked;
        return;
    }
    out.status = Status::read;
    for (int i = 0; i < doc->pages(); ++i) {
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            out.pages.emplace_back();
            continue;
        }
        const auto bytes = page->text().to_utf8();
        out.pages.emplace_back(bytes.data(), bytes.size());
    }
}
