#pragma once

#include <string>
#include <vector>

// The interface of the PDF reader module (kennis-pdf.so), the one part of kennis that uses poppler.
// It is loaded when the first PDF is read: poppler and the two dozen libraries it needs would
// otherwise be loaded, at several milliseconds, by every command, and most commands read no PDF.
namespace kennis::pdf_module {

struct Pages {
    enum class Status { read, unreadable, locked };
    Status status = Status::unreadable;
    std::vector<std::string> pages; // as poppler gives them: UTF-8, not yet checked
};

// The module's one entry point, by this name; the type it has.
inline constexpr const char* entry_point = "kennis_read_pdf";
using ReadPdf = void (*)(const char* file, Pages& out);

} // namespace kennis::pdf_module
