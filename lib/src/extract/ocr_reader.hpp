#pragma once

#include <cstdint>
#include <string>

// The interface of the OCR module (kennis-ocr.so), the one part of kennis that uses Tesseract:
// a page of a PDF rendered with poppler and read in Dutch and English. Loaded when the first page
// without a text layer is met.
namespace kennis::ocr_module {

struct Limits {
    int dpi = 300;                          // rendered at this resolution…
    std::int64_t max_pixels = 40'000'000;   // …or lower, so that no page makes a larger image
    int timeout_ms = 120'000;               // a page that takes longer is given up
};

struct Page {
    std::string text;    // UTF-8 as Tesseract gives it, not yet checked
    std::string problem; // why there is no text: empty when the page was read
};

// The module's one entry point, by this name; the type it has. `index` counts from 0. Safe to
// call from several threads at once (each has a Tesseract of its own).
inline constexpr const char* entry_point = "kennis_ocr_page";
using OcrPage = void (*)(const char* file, int index, const Limits& limits, Page& out);

} // namespace kennis::ocr_module
