#pragma once

#include <string>
#include <vector>

namespace kennis::test {

// A small valid PDF with one line of Helvetica text per page, made here so no binary fixture is
// needed. Text must be plain ASCII without parentheses or backslashes. `padding` bytes of an
// unreferenced stream make it as large as a real document without more text.
inline std::string make_pdf(const std::vector<std::string>& pages, std::size_t padding = 0) {
    std::vector<std::string> objects;
    const std::size_t n = pages.size();
    std::string kids;
    for (std::size_t i = 0; i < n; ++i)
        kids += std::to_string(4 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (std::size_t i = 0; i < n; ++i) {
        const std::string content = "BT /F1 12 Tf 72 720 Td (" + pages[i] + ") Tj ET";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                          ">> /Contents " +
                          std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    }
    if (padding > 0)
        objects.push_back("<< /Length " + std::to_string(padding) + " >>\nstream\n" + std::string(padding, 'p') +
                          "\nendstream");
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
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace kennis::test
