#include "library/modules.hpp"
#include "extract/ocr_reader.hpp"
#include "extract/pdf_reader.hpp"
#include "extract/text_extract.hpp"
#include "util/unicode.hpp"
#include "util/worker_pool.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <latch>
#include <memory>
#include <optional>
#include <thread>

namespace kennis {
namespace {

std::atomic<std::size_t> ocr_count{0};

// A page with fewer letters and digits than this has no text layer: a scan, or a scan with a
// page number added. A page with a line of text ("Bijlage 2") has one.
constexpr std::size_t min_text_layer = 4;

std::size_t letters_in(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size() && n <= min_text_layer;)
        n += unicode::is_alnum(unicode::next(text, pos)) ? 1 : 0;
    return n;
}

ocr_module::OcrPage ocr_entry() {
    static const auto entry = [] {
        // Tesseract's OpenMP would start threads of its own on every page; kennis gives each page
        // a thread. Read when the module's libraries load, so set before.
        ::setenv("OMP_THREAD_LIMIT", "1", 0);
        return reinterpret_cast<ocr_module::OcrPage>(module_entry("kennis-ocr.so", ocr_module::entry_point));
    }();
    return entry;
}

// The threads of the OcrThreads in effect, if one is.
std::atomic<WorkerPool*> shared_pool{nullptr};

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// Reads the pages `wanted` of `file` by OCR, a page to a task, and waits for them all.
std::vector<ocr_module::Page> ocr_pages(const std::filesystem::path& file, const std::vector<int>& wanted, int page_seconds) {
    const auto read = ocr_entry();
    std::vector<ocr_module::Page> out(wanted.size());
    ocr_module::Limits limits;
    limits.timeout_ms = page_seconds * 1000;
    std::optional<WorkerPool> own; // when no run shares its threads: this file's pages get threads of their own
    WorkerPool* pool = shared_pool.load();
    if (!pool)
        pool = &own.emplace(static_cast<unsigned>(std::min<std::size_t>(cores(), wanted.size())));
    std::latch done(static_cast<std::ptrdiff_t>(wanted.size()));
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        try {
            pool->submit([&, i] {
                read(file.c_str(), wanted[i], limits, out[i]);
                ++ocr_count;
                done.count_down();
            });
        } catch (...) {
            // The tasks given out use this frame: wait for them before it goes.
            done.count_down(static_cast<std::ptrdiff_t>(wanted.size() - i));
            done.wait();
            throw;
        }
    }
    done.wait();
    return out;
}

} // namespace

OcrThreads::OcrThreads() : m_pool(std::make_unique<WorkerPool>(cores())) {
    WorkerPool* none = nullptr;
    if (!shared_pool.compare_exchange_strong(none, m_pool.get()))
        m_pool.reset(); // another run's threads are shared already
}

OcrThreads::~OcrThreads() {
    if (m_pool)
        shared_pool = nullptr;
}

std::size_t ocr_pages_read() { return ocr_count; }

ExtractedText pdf_text(const std::filesystem::path& file, OcrMode ocr, int ocr_page_seconds) {
    static const auto read = reinterpret_cast<pdf_module::ReadPdf>(module_entry("kennis-pdf.so", pdf_module::entry_point));
    pdf_module::Pages pdf;
    read(file.c_str(), pdf);
    ExtractedText out;
    if (pdf.status != pdf_module::Pages::Status::read) {
        out.reason = pdf.status == pdf_module::Pages::Status::locked ? "the PDF is protected with a password" : "not a readable PDF";
        return out;
    }
    std::vector<int> scans;
    for (const auto& page : pdf.pages) {
        std::string text = unicode::sanitize(page);
        if (ocr == OcrMode::always || (ocr == OcrMode::automatic && letters_in(text) < min_text_layer))
            scans.push_back(static_cast<int>(out.pages.size()));
        out.pages.push_back(std::move(text));
    }
    std::string ocr_problem;
    if (ocr != OcrMode::never && !scans.empty()) {
        out.ocr.assign(out.pages.size(), false);
        const auto read_by_ocr = ocr_pages(file, scans, ocr_page_seconds);
        for (std::size_t i = 0; i < scans.size(); ++i) {
            if (ocr_problem.empty())
                ocr_problem = read_by_ocr[i].problem;
            std::string text = unicode::sanitize(read_by_ocr[i].text);
            if (!text.empty() && (ocr == OcrMode::always || letters_in(text) > letters_in(out.pages[static_cast<std::size_t>(scans[i])]))) {
                out.pages[static_cast<std::size_t>(scans[i])] = std::move(text);
                out.ocr[static_cast<std::size_t>(scans[i])] = true;
            }
        }
    }
    const bool any = std::any_of(out.pages.begin(), out.pages.end(),
                                 [](const std::string& p) { return p.find_first_not_of(" \t\r\n\f") != std::string::npos; });
    if (!any) {
        out.pages.clear();
        out.ocr.clear();
        out.reason = pdf.pages.empty()                   ? "the PDF has no pages"
                     : ocr == OcrMode::never             ? "the PDF has no text layer (scanned pages?); OCR was not asked for"
                     : ocr_problem.empty()               ? "the PDF has no text layer, and OCR found no text on its pages"
                                                         : "the PDF has no text layer, and OCR could not read it: " + ocr_problem;
    }
    return out;
}

} // namespace kennis
