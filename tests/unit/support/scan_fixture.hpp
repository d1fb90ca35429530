#pragma once

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
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        std::string num = std::to_string(off);
        pdf += std::string(10 - num.size(), '0') + num + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
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
