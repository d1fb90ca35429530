#pragma once

#include "pdf_fixture.hpp"

#include <memory>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <stdexcept>
#include <string>
#include <vector>
#include <zlib.h>

namespace kennis::test {

// A page of a scan: an image, gray, 8 bits a pixel, and the size of the page it fills in points.
struct ScanPage {
    std::string gray;
    int width = 0, height = 0;
    double page_w = 612, page_h = 792;
};

// A PDF whose pages are only images, as a scanner makes.
inline std::string image_only_pdf(const std::vector<ScanPage>& pages) {
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>", ""};
    std::string kids;
    for (const auto& p : pages) {
        uLongf packed_size = compressBound(static_cast<uLong>(p.gray.size()));
        std::string packed(packed_size, '\0');
        if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(p.gray.data()),
                      static_cast<uLong>(p.gray.size()), 6) != Z_OK)
            throw std::runtime_error("cannot compress the image");
        packed.resize(packed_size);
        const std::size_t page = objects.size() + 1;
        const std::string content = "q " + std::to_string(p.page_w) + " 0 0 " + std::to_string(p.page_h) + " 0 0 cm /Im1 Do Q";
        kids += std::to_string(page) + " 0 R ";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(p.page_w) + " " + std::to_string(p.page_h) +
                          "] /Resources << /XObject << /Im1 " + std::to_string(page + 2) + " 0 R >> >> /Contents " +
                          std::to_string(page + 1) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
        objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(p.width) + " /Height " + std::to_string(p.height) +
                          " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " + std::to_string(packed.size()) +
                          " >>\nstream\n" + packed + "\nendstream");
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    return pdf_of_objects(objects);
}

// A text PDF's page `index` rendered at `dpi`: what a scanner would make of it.
inline ScanPage render(const std::string& text_pdf, int index = 0, double dpi = 300) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(text_pdf.data(), static_cast<int>(text_pdf.size())));
    std::unique_ptr<poppler::page> page(doc ? doc->create_page(index) : nullptr);
    if (!page)
        throw std::runtime_error("cannot read the text PDF");
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    ScanPage out{{}, image.width(), image.height()};
    for (int y = 0; y < image.height(); ++y)
        out.gray.append(image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(), static_cast<std::size_t>(image.width()));
    return out;
}

// A scan of a text PDF's page `index`: the same page, an image only.
inline std::string scanned(const std::string& text_pdf, int index = 0) { return image_only_pdf({render(text_pdf, index)}); }

} // namespace kennis::test
