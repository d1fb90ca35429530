#pragma once

#include "compare/text_identity.hpp"
#include "kennis/fetch.hpp"
#include "util/worker_pool.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// The version of the readers below: a file read by an older one is read again by `kennis reindex`.
inline constexpr int text_reader_version = 4;

// The text of a stored file, page by page (or part by part), or why there is none.
struct ExtractedText {
    std::vector<std::string> pages; // page 1 first; a web page or text file is one page
    // For a file without pages, what each of them is: "blad: Leerlingen", "dia 3"; else empty.
    std::vector<std::string> parts;
    std::vector<bool> ocr;          // for each page, whether its text was read from its image (empty: none was)
    std::string reason;             // why there is no text; empty when pages were read
    TextIdentity identity;          // what the text says, when there is text: extract_text works it out where it reads
    bool has_text() const { return reason.empty(); }
};

// Reads the text of a file of this type (decided from its bytes). Hostile files end in bounded
// time and memory with a reason and no text.
ExtractedText extract_text(const std::filesystem::path& file, const std::string& mime, OcrMode ocr = OcrMode::automatic,
                           int ocr_page_seconds = 120);

// The text of Office Open XML (.docx, .xlsx, .pptx) and OpenDocument (.odt, .ods, .odp) files.
ExtractedText office_text(const std::filesystem::path& file, const std::string& mime);

// The text of old Office files: .xls (libfreexl) and .doc (antiword).
ExtractedText legacy_office_text(const std::filesystem::path& file, const std::string& mime);

// The text of an RTF file, by page where it marks them (\page); hidden groups (fonts, styles,
// headers, pictures, field codes) left out.
ExtractedText rtf_text(const std::filesystem::path& file);
ExtractedText rtf_text_of(std::string_view rtf); // the same, of RTF in memory

// The readable text of an HTML document (scripts, styles and markup left out).
std::string html_text(std::string_view html);

// A PDF's text layer, page by page; pages without one (scans) read by OCR as `ocr` says: rendered
// with poppler and read by Tesseract, a page at a time on the OcrThreads in effect.
ExtractedText pdf_text(const std::filesystem::path& file, OcrMode ocr, int ocr_page_seconds = 120);

// The threads OCR runs on for as long as this lives, a thread per core at low priority: a fetch or
// a reindex holds one for its run, so that the scans it reads side by side share the cores rather
// than each taking all of them, and a thread keeps its Tesseract (with its language data loaded)
// from one page to the next. The threads end with the run, while Tesseract is still whole.
// Without one, each file's pages get threads of their own.
class OcrThreads {
public:
    OcrThreads();
    ~OcrThreads();
    OcrThreads(const OcrThreads&) = delete;
    OcrThreads& operator=(const OcrThreads&) = delete;

private:
    std::unique_ptr<WorkerPool> m_pool;
};

// The pages read by OCR in this process (for tests and benchmarks that count them).
std::size_t ocr_pages_read();

} // namespace kennis
