#include "extract/ocr_reader.hpp"

#include <algorithm>
#include <cmath>
#include <malloc.h>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

namespace {

void quiet(const std::string&, void*) {}

// One Tesseract per thread, made on the thread's first page: it takes a second to load its
// models, and cannot be shared between threads.
tesseract::TessBaseAPI* reader() {
    thread_local std::unique_ptr<tesseract::TessBaseAPI> api;
    thread_local bool tried = false;
    if (!tried) {
        tried = true;
        auto made = std::make_unique<tesseract::TessBaseAPI>();
        if (made->Init(nullptr, "nld+eng", tesseract::OEM_LSTM_ONLY) == 0) {
            made->SetVariable("debug_file", "/dev/null");
            api = std::move(made);
        }
    }
    return api.get();
}

} // namespace

extern "C" __attribute__((visibility("default"))) void kennis_ocr_page(const char* file, int index, const kennis::ocr_module::Limits& limits,
                                                                         kennis::ocr_module::Page& out) {
    static const bool set_up = [] {
        poppler::set_debug_error_function(quiet, nullptr);
        return true;
    }();
    (void)set_up;
    tesseract::TessBaseAPI* api = reader();
    if (!api) {
        out.problem = "the Dutch and English OCR data are not installed (tesseract-ocr-nld, tesseract-ocr-eng)";
        return;
    }
    const std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file));
    const std::unique_ptr<poppler::page> page(doc && !doc->is_locked() ? doc->create_page(index) : nullptr);
    if (!page) {
        out.problem = "the page cannot be read";
        return;
    }
    // A page that would render to a gigantic image is rendered at a lower resolution.
    const poppler::rectf box = page->page_rect();
    double dpi = limits.dpi;
    const double pixels = (box.width() / 72.0 * dpi) * (box.height() / 72.0 * dpi);
    if (pixels > static_cast<double>(limits.max_pixels))
        dpi *= std::sqrt(static_cast<double>(limits.max_pixels) / pixels);
    if (dpi < 50) {
        out.problem = "the page is too large to read by OCR";
        return;
    }
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid()) {
        out.problem = "the page cannot be rendered";
        return;
    }
    api->SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(), image.height(), 1, image.bytes_per_row());
    api->SetSourceResolution(static_cast<int>(dpi));
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(std::max(1, limits.timeout_ms)); // 0 would mean no deadline at all
    if (api->Recognize(&monitor) != 0) {
        out.problem = "OCR did not finish in time";
        api->Clear();
        return;
    }
    const std::unique_ptr<char[]> text(api->GetUTF8Text());
    out.text = text ? text.get() : "";
    api->Clear();
    // A rendered page and Tesseract's images of it are tens of megabytes, made on every page by
    // every thread. glibc keeps them in the thread's heap for the next page, and this gives back
    // what the page left free, so a long scan stays within its memory budget. Mapping each such
    // buffer afresh instead (a fixed mmap threshold) cost a fifth of a scan's time in page faults.
    malloc_trim(0);
}
