#pragma once

#include <memory>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <stdexcept>
#include <string>
#include <zlib.h>

namespace kennis::test {

// A PDF of one page that is only an image, as a scanner makes: `image` gray, 8 bits a pixel,
// `width` × `height`, shown on a page of `page_w` × `page_h` points.
inline std::string image_only_pdf(const std::string& gray, int width, int height, double page_w = 612, double page_h = 792) {
    uLongf packed_size = compressBound(static_cast<uLong>(gray.size()));
    std::string packed(packed_size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(gray.data()),
                  static_cast<uLong>(gray.size()), 6) != Z_OK)
        throw std::runtime_error("cannot compress the image");
    packed.resize(packed_size);
    const std::string content = "q " + std::to_string(page_w) + " 0 0 " + std::to_string(page_h) + " 0 0 cm /Im1 Do Q";
    const std::string objects[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(page_w) + " " + std::to_string(page_h) +
            "] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /XObject /Subtype /Image /Width " + std::to_string(width) + " /Height " + std::to_string(height) +
            " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " + std::to_string(packed.size()) +
            " >>\nstream\n" + packed + "\nendstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < std::size(objects); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(std::size(objects) + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        std::string num = std::to_string(off);
        pdf += std::string(10 - num.size(), '0') + num + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(std::size(objects) + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// A text PDF's page `index` rendered at `dpi` into a scan of it: the same page, an image only.
inline std::string scanned(const std::string& text_pdf, int index = 0, double dpi = 300) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(text_pdf.data(), static_cast<int>(text_pdf.size())));
    std::unique_ptr<poppler::page> page(doc ? doc->create_page(index) : nullptr);
    if (!page)
        throw std::runtime_error("cannot read the text PDF");
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    std::string gray;
    for (int y = 0; y < image.height(); ++y)
        gray.append(image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(), static_cast<std::size_t>(image.width()));
    return image_only_pdf(gray, image.width(), image.height());
}

} // namespace kennis::test
