#include "extract/text_extract.hpp"

#include "extract/xml_doc.hpp"

#include "util/unicode.hpp"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <map>
#include <memory>
#include <stdexcept>

namespace kennis {
namespace {

// Bounds on what a zip may make kennis read: a few hundred entries and some megabytes of XML are
// what documents hold; more is a zip bomb or not a document.
constexpr int max_entries = 10000;
constexpr std::size_t max_part_bytes = 64u << 20;  // one XML part, expanded
constexpr std::size_t max_total_bytes = 256u << 20; // all parts read, expanded
constexpr std::size_t max_ratio = 200;              // expanded against the file's size, past 16 MiB

// A file that is not what it says it is, or more than kennis will read: no text, and why.
struct Unreadable : std::runtime_error {
    using std::runtime_error::runtime_error;
};


// The entries of the zip that `wanted` picks, by name, read whole within the bounds above.
std::map<std::string, std::string> zip_parts(const std::filesystem::path& file, const std::function<bool(std::string_view)>& wanted) {
    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), archive_read_free);
    archive_read_support_format_zip(a.get());
    if (archive_read_open_filename(a.get(), file.c_str(), 1 << 16) != ARCHIVE_OK)
        throw Unreadable("the file is not a readable zip");
    std::error_code ec;
    const auto size = std::max<std::uintmax_t>(std::filesystem::file_size(file, ec), 1);
    std::map<std::string, std::string> parts;
    std::size_t total = 0;
    archive_entry* entry = nullptr;
    int entries = 0;
    for (int rc; (rc = archive_read_next_header(a.get(), &entry)) != ARCHIVE_EOF;) {
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
            throw Unreadable("the zip is damaged");
        if (++entries > max_entries)
            throw Unreadable(fmt::format("the zip has more than {} entries", max_entries));
        const char* name = archive_entry_pathname(entry);
        if (!name || !wanted(name))
            continue;
        std::string& data = parts[name];
        char buffer[1 << 16];
        for (la_ssize_t n; (n = archive_read_data(a.get(), buffer, sizeof buffer)) != 0;) {
            if (n < 0)
                throw Unreadable("the zip is damaged");
            data.append(buffer, static_cast<std::size_t>(n));
            total += static_cast<std::size_t>(n);
            if (data.size() > max_part_bytes)
                throw Unreadable(fmt::format("{} expands beyond {} MiB (a zip bomb?)", name, max_part_bytes >> 20));
            if (total > max_total_bytes || (total > (16u << 20) && total / size > max_ratio))
                throw Unreadable("the zip expands far beyond its size (a zip bomb?)");
        }
    }
    return parts;
}

// Refuses to fetch anything an XML part names: no DTD, no external entity, no network.
xmlParserInputPtr no_external_entities(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

// An XML part parsed as data: entities are left unexpanded (no billion laughs), nothing outside
// the part is loaded, and no parse error is printed.
XmlDoc parse(const std::string& xml, const std::string& name) {
    static const bool guarded = [] {
        xmlSetExternalEntityLoader(no_external_entities);
        return true;
    }();
    (void)guarded;
    XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
    if (!doc)
        throw Unreadable(fmt::format("{} is not well-formed XML", name));
    return doc;
}

bool is(const xmlNode* n, const char* local) { return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0; }

std::string attribute(const xmlNode* n, const char* local) {
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0 && a->children && a->children->content)
            return reinterpret_cast<const char*>(a->children->content);
    return {};
}

// The relationship an element points to (r:id), not an attribute that is merely named id.
std::string relationship_id(const xmlNode* n) {
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (std::strcmp(reinterpret_cast<const char*>(a->name), "id") == 0 && a->ns && a->ns->href &&
            std::string_view(reinterpret_cast<const char*>(a->ns->href)).ends_with("/relationships") && a->children && a->children->content)
            return reinterpret_cast<const char*>(a->children->content);
    return {};
}

// Visits every element in document order (`enter` before its children, `leave` after), and with
// `text` every text node, as the child of its element.
void walk(const xmlNode* n, const std::function<void(const xmlNode*)>& enter, const std::function<void(const xmlNode*)>& leave,
          const std::function<void(const xmlNode*, std::string_view)>& text = {}) {
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && text && n->content && n->parent)
            text(n->parent, reinterpret_cast<const char*>(n->content));
        if (n->type != XML_ELEMENT_NODE)
            continue;
        enter(n);
        walk(n->children, enter, leave, text);
        leave(n);
    }
}

std::string text_of(const xmlNode* n) {
    std::string out;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
            out += reinterpret_cast<const char*>(c->content);
    return out;
}

// Text gathered page by page (or part by part), with paragraphs on their own lines.
class Parts {
public:
    void text(std::string_view t) { current() += t; }
    void line() {
        if (!current().empty() && current().back() != '\n')
            current() += '\n';
    }
    void next(std::string label = {}) {
        m_pages.emplace_back();
        m_parts.push_back(std::move(label));
    }
    ExtractedText finish(bool labelled) {
        ExtractedText out;
        for (std::size_t i = 0; i < m_pages.size(); ++i) {
            out.pages.push_back(unicode::sanitize(m_pages[i]));
            if (labelled)
                out.parts.push_back(m_parts[i]);
        }
        if (out.pages.empty())
            out.pages.emplace_back();
        return out;
    }

private:
    std::string& current() {
        if (m_pages.empty())
            next();
        return m_pages.back();
    }
    std::vector<std::string> m_pages, m_parts;
};

// A relationship file: id → target, relative to the folder of the part it belongs to.
std::map<std::string, std::string> relationships(const std::string& xml, const std::string& folder) {
    std::map<std::string, std::string> out;
    const XmlDoc doc = parse(xml, "relationships");
    walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* n) {
        if (is(n, "Relationship")) {
            std::string target = attribute(n, "Target");
            out[attribute(n, "Id")] = target.starts_with('/') ? target.substr(1) : folder + target;
        }
    }, [](const xmlNode*) {});
    return out;
}

ExtractedText docx_text(const std::filesystem::path& file) {
    auto parts = zip_parts(file, [](std::string_view name) { return name == "word/document.xml"; });
    if (!parts.contains("word/document.xml"))
        throw Unreadable("the Word file has no document part");
    const XmlDoc doc = parse(parts["word/document.xml"], "word/document.xml");
    // Pages as the file marks them (where Word last laid them out, or a break typed); a file
    // without marks is one page.
    Parts out;
    walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* n) {
        if (is(n, "t"))
            out.text(text_of(n));
        else if (is(n, "tab"))
            out.text("\t");
        else if (is(n, "lastRenderedPageBreak") || (is(n, "br") && attribute(n, "type") == "page"))
            out.next();
        else if (is(n, "br") || is(n, "cr"))
            out.line();
    }, [&](const xmlNode* n) {
        if (is(n, "p"))
            out.line();
    });
    return out.finish(false);
}

ExtractedText xlsx_text(const std::filesystem::path& file) {
    auto parts = zip_parts(file, [](std::string_view name) {
        return name == "xl/workbook.xml" || name == "xl/_rels/workbook.xml.rels" || name == "xl/sharedStrings.xml" ||
               (name.starts_with("xl/worksheets/") && name.ends_with(".xml"));
    });
    if (!parts.contains("xl/workbook.xml"))
        throw Unreadable("the Excel file has no workbook part");
    std::vector<std::string> shared;
    if (parts.contains("xl/sharedStrings.xml")) {
        const XmlDoc s = parse(parts["xl/sharedStrings.xml"], "xl/sharedStrings.xml");
        for (const xmlNode* si = xmlDocGetRootElement(s.get())->children; si; si = si->next) {
            if (!is(si, "si"))
                continue;
            std::string text;
            walk(si->children, [&](const xmlNode* n) { if (is(n, "t")) text += text_of(n); }, [](const xmlNode*) {});
            shared.push_back(std::move(text));
        }
    }
    const auto rels = relationships(parts["xl/_rels/workbook.xml.rels"], "xl/");
    const XmlDoc book = parse(parts["xl/workbook.xml"], "xl/workbook.xml");
    Parts out;
    walk(xmlDocGetRootElement(book.get()), [&](const xmlNode* sheet) {
        if (!is(sheet, "sheet"))
            return;
        out.next("blad: " + attribute(sheet, "name"));
        const auto target = rels.find(relationship_id(sheet));
        if (target == rels.end() || !parts.contains(target->second))
            return;
        const XmlDoc cells = parse(parts[target->second], target->second);
        walk(xmlDocGetRootElement(cells.get()), [&](const xmlNode* c) {
            if (!is(c, "c"))
                return;
            const std::string type = attribute(c, "t");
            std::string value;
            walk(c->children, [&](const xmlNode* n) {
                if (is(n, "v") || is(n, "t"))
                    value += text_of(n);
            }, [](const xmlNode*) {});
            if (type == "s") {
                const auto i = std::strtoul(value.c_str(), nullptr, 10);
                value = i < shared.size() ? shared[i] : std::string();
            }
            if (!value.empty()) {
                out.text(value);
                out.text("\t");
            }
        }, [&](const xmlNode* n) {
            if (is(n, "row"))
                out.line();
        });
    }, [](const xmlNode*) {});
    return out.finish(true);
}

ExtractedText pptx_text(const std::filesystem::path& file) {
    auto parts = zip_parts(file, [](std::string_view name) {
        return name == "ppt/presentation.xml" || name == "ppt/_rels/presentation.xml.rels" ||
               (name.starts_with("ppt/slides/slide") && name.ends_with(".xml"));
    });
    if (!parts.contains("ppt/presentation.xml"))
        throw Unreadable("the PowerPoint file has no presentation part");
    const auto rels = relationships(parts["ppt/_rels/presentation.xml.rels"], "ppt/");
    const XmlDoc presentation = parse(parts["ppt/presentation.xml"], "ppt/presentation.xml");
    Parts out;
    int number = 0;
    walk(xmlDocGetRootElement(presentation.get()), [&](const xmlNode* id) {
        if (!is(id, "sldId"))
            return;
        out.next(fmt::format("dia {}", ++number));
        const auto target = rels.find(relationship_id(id));
        if (target == rels.end() || !parts.contains(target->second))
            return;
        const XmlDoc slide = parse(parts[target->second], target->second);
        walk(xmlDocGetRootElement(slide.get()), [&](const xmlNode* n) {
            if (is(n, "t"))
                out.text(text_of(n));
        }, [&](const xmlNode* n) {
            if (is(n, "p"))
                out.line();
        });
    }, [](const xmlNode*) {});
    return out.finish(true);
}

// OpenDocument: the text of content.xml, by page (text), sheet (spreadsheet) or slide.
ExtractedText odf_text(const std::filesystem::path& file, const std::string& mime) {
    auto parts = zip_parts(file, [](std::string_view name) { return name == "content.xml"; });
    if (!parts.contains("content.xml"))
        throw Unreadable("the OpenDocument file has no content part");
    const XmlDoc doc = parse(parts["content.xml"], "content.xml");
    const bool sheets = mime.ends_with("spreadsheet"), slides = mime.ends_with("presentation") || mime.ends_with("graphics");
    Parts out;
    int slide = 0;
    walk(xmlDocGetRootElement(doc.get()), [&](const xmlNode* n) {
        if (sheets && is(n, "table"))
            out.next("blad: " + attribute(n, "name"));
        else if (slides && is(n, "page"))
            out.next(fmt::format("dia {}", ++slide));
        else if (!sheets && !slides && is(n, "soft-page-break"))
            out.next();
        else if (is(n, "tab"))
            out.text("\t");
        else if (is(n, "s"))
            out.text(" ");
        else if (is(n, "line-break"))
            out.line();
    }, [&](const xmlNode* n) {
        if (is(n, "p") || is(n, "h"))
            out.line();
        else if (sheets && is(n, "table-cell"))
            out.text("\t");
    }, [&](const xmlNode* parent, std::string_view t) {
        if (is(parent, "p") || is(parent, "h") || is(parent, "span") || is(parent, "a"))
            out.text(t);
    });
    return out.finish(sheets || slides);
}

} // namespace

ExtractedText office_text(const std::filesystem::path& file, const std::string& mime) {
    try {
        if (mime.find("wordprocessingml") != std::string::npos || mime.starts_with("application/vnd.ms-word"))
            return docx_text(file);
        if (mime.find("spreadsheetml") != std::string::npos || mime.starts_with("application/vnd.ms-excel.sheet"))
            return xlsx_text(file);
        if (mime.find("presentationml") != std::string::npos || mime.starts_with("application/vnd.ms-powerpoint.presentation"))
            return pptx_text(file);
        return odf_text(file, mime);
    } catch (const Unreadable& e) {
        ExtractedText out;
        out.reason = e.what();
        return out;
    }
}

} // namespace kennis
