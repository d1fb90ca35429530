#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace kennis::test {

// The content stream of a page of Helvetica text, one line for each line of `text`.
// Parentheses and backslashes are escaped.
inline std::string pdf_page_content(const std::string& text) {
    const auto literal = [](std::string_view line) {
        std::string out = "(";
        for (char c : line) {
            if (c == '(' || c == ')' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + ")";
    };
    if (text.find('\n') == std::string::npos)
        return "BT /F1 12 Tf 72 720 Td " + literal(text) + " Tj ET";
    std::string content = "BT /F1 10 Tf 14 TL 50 740 Td";
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        content += " " + literal(std::string_view(text).substr(at, end - at)) + " Tj T*";
        at = end + 1;
    }
    return content + " ET";
}

// A PDF file of these objects, numbered from 1 (the first is the catalogue), with its cross-reference table.
inline std::string pdf_of_objects(const std::vector<std::string>& objects) {
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
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
           "\n%%EOF\n";
    return pdf;
}

// A small valid PDF with a page of Helvetica text for each of `pages` (a line for each line of
// one), made here so no binary fixture is needed. Text must be plain ASCII. `padding` bytes of an unreferenced stream make it
// as large as a real document without more text.
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
        const std::string content = pdf_page_content(pages[i]);
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                          ">> /Contents " +
                          std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    }
    if (padding > 0)
        objects.push_back("<< /Length " + std::to_string(padding) + " >>\nstream\n" + std::string(padding, 'p') +
                          "\nendstream");
    return pdf_of_objects(objects);
}

} // namespace kennis::test
