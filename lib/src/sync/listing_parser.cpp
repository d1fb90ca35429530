#include "kennis/listing_parser.hpp"

#include "kennis/error.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <memory>

namespace kennis {
namespace {

struct DocFree {
    void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};
struct XmlCharFree {
    void operator()(xmlChar* s) const noexcept { xmlFree(s); }
};

bool named(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST name) == 0;
}

int heading_level(const xmlNode* n) {
    if (!n || n->type != XML_ELEMENT_NODE || (n->name[0] | 0x20) != 'h' || n->name[1] < '1' || n->name[1] > '6' ||
        n->name[2] != '\0')
        return 0;
    return n->name[1] - '0';
}

std::string attribute(const xmlNode* n, const char* name) {
    std::unique_ptr<xmlChar, XmlCharFree> v(xmlGetProp(n, BAD_CAST name));
    return v ? reinterpret_cast<const char*>(v.get()) : std::string();
}

bool skipped(const xmlNode* n) {
    return named(n, "script") || named(n, "style") || named(n, "noscript") || named(n, "template");
}

// The first node under `root`, in document order, that `wanted` accepts. A walk of the tree: an
// XPath query over a page of 100 000 links tested every node against each of its steps.
template <typename Wanted>
const xmlNode* first_node(const xmlNode* root, Wanted wanted) {
    for (const xmlNode* n = root; n;) {
        if (wanted(n))
            return n;
        if (n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = (!n || n == root) ? nullptr : n->next;
    }
    return nullptr;
}

// Whether text reads "Downloadcentrum", in any case and with any spacing around it.
bool says_downloadcentrum(const xmlChar* text) {
    if (!text)
        return false;
    std::string_view t(reinterpret_cast<const char*>(text));
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!t.empty() && space(t.front()))
        t.remove_prefix(1);
    while (!t.empty() && space(t.back()))
        t.remove_suffix(1);
    constexpr std::string_view word = "downloadcentrum";
    return t.size() == word.size() &&
           std::equal(t.begin(), t.end(), word.begin(), [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
}

// Page furniture whose links are never documents of the Downloadcentrum.
bool furniture(const xmlNode* n) {
    return named(n, "nav") || named(n, "footer") || named(n, "header") || named(n, "aside") || named(n, "form");
}

// The text a reader sees in a node, minus what is inside `except` (or inside any link when
// `except` is null and `no_links` is set).
void gather_text(const xmlNode* n, const xmlNode* except, bool no_links, std::string& out) {
    for (; n; n = n->next) {
        if (n == except || skipped(n) || (no_links && named(n, "a")))
            continue;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            out += reinterpret_cast<const char*>(n->content);
        else if (n->type == XML_ELEMENT_NODE) {
            if (named(n, "br"))
                out += ' ';
            gather_text(n->children, except, no_links, out);
            out += ' ';
        }
    }
}

std::string text_of(const xmlNode* n, const xmlNode* except = nullptr, bool no_links = false) {
    std::string out;
    gather_text(n->children, except, no_links, out);
    return collapse_spaces(unicode::sanitize(out));
}

bool is_download_label(const std::string& text) {
    const auto words = split_words(unicode::fold(text));
    return !words.empty() && words.size() <= 3 &&
           std::find(words.begin(), words.end(), "download") != words.end();
}

// Strips list bullets and the "+" that stands before a "download" label, but not the "+" of
// "Verzuim 18+".
std::string clean_title(std::string title) {
    for (std::string_view lead : {"\u2022 ", "\u00B7 ", "- ", "* "})
        if (title.starts_with(lead))
            title = collapse_spaces(title.substr(lead.size()));
    for (std::string_view tail : {" +", " |", " -", " \u00BB", " \u2192", " :"})
        while (title.ends_with(tail))
            title = collapse_spaces(title.substr(0, title.size() - tail.size()));
    if (title == "+" || title == "\u2022")
        return {};
    return title;
}

// An element that names a theme: a heading below the section's own, an accordion toggle, a
// definition term, a table caption or a header cell alone in its row.
bool is_theme_label(const xmlNode* n, int section_level) {
    const int level = heading_level(n);
    if (level > 0)
        return level > section_level;
    if (named(n, "button") || named(n, "summary") || named(n, "dt") || named(n, "caption") || named(n, "legend"))
        return true;
    const std::string role = attribute(n, "role");
    if (role == "button" || role == "tab")
        return true;
    if (named(n, "th")) {
        std::size_t cells = 0;
        for (const xmlNode* c = n->parent ? n->parent->children : nullptr; c; c = c->next)
            cells += named(c, "th") || named(c, "td");
        return cells == 1;
    }
    return false;
}

bool is_entry_container(const xmlNode* n) {
    return named(n, "li") || named(n, "tr") || named(n, "p") || named(n, "dd") || named(n, "article");
}

class Parser {
public:
    Parser(std::string_view html, const std::string& page_url, const std::string& name)
        : m_url(page_url), m_name(name) {
        std::size_t i = html.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i])))
            ++i;
        if (i >= html.size() || html[i] != '<')
            fail("not an HTML page");
        m_doc.reset(htmlReadMemory(html.data(), static_cast<int>(html.size()), page_url.c_str(), "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                       HTML_PARSE_COMPACT));
        if (!m_doc || !xmlDocGetRootElement(m_doc.get()))
            fail("not an HTML page");
    }

    Listing parse() {
        const xmlNode* marker = find_marker();
        if (!marker)
            fail("the page has no Downloadcentrum");
        m_base = base_url();
        const int level = heading_level(marker) ? heading_level(marker) : 2;
        Listing listing;
        listing.source = m_url;
        listing.kind = "html";
        const xmlNode* scope = section_scope(marker);
        std::string theme;
        // Everything after the marker in document order, inside the section, until a heading at
        // the marker's level or above closes it.
        for (const xmlNode* n = next_in_order(marker, false, scope); n; n = next_in_order(n, true, scope)) {
            const int h = heading_level(n);
            if (h > 0 && h <= level)
                break;
            if (n->type != XML_ELEMENT_NODE)
                continue;
            if (is_theme_label(n, level) && !contains_download_link(n)) {
                const std::string label = text_of(n);
                if (!label.empty())
                    theme = label;
                continue;
            }
            if (named(n, "a") && is_download_link(n)) {
                if (auto entry = entry_for(n, theme))
                    listing.entries.push_back(std::move(*entry));
            }
        }
        if (listing.entries.empty())
            fail("the Downloadcentrum has no entries with a download link");
        return listing;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw InputError(fmt::format("{}: {}", m_name, problem));
    }

    // Headings first, then any element of the body whose own first text is the word.
    const xmlNode* find_marker() {
        const xmlNode* root = xmlDocGetRootElement(m_doc.get());
        if (const auto* heading = first_node(root, [](const xmlNode* n) {
                if (heading_level(n) == 0)
                    return false;
                std::unique_ptr<xmlChar, XmlCharFree> text(xmlNodeGetContent(n));
                return says_downloadcentrum(text.get());
            }))
            return heading;
        const xmlNode* body = first_node(root, [](const xmlNode* n) { return named(n, "body"); });
        if (!body)
            return nullptr;
        return first_node(body, [body](const xmlNode* n) {
            if (n == body || n->type != XML_ELEMENT_NODE)
                return false;
            const xmlNode* text = n->children;
            while (text && text->type != XML_TEXT_NODE)
                text = text->next;
            return text && says_downloadcentrum(text->content);
        });
    }

    std::string base_url() {
        const xmlNode* base = first_node(xmlDocGetRootElement(m_doc.get()), [](const xmlNode* n) {
            return named(n, "base") && named(n->parent, "head") && xmlHasProp(n, BAD_CAST "href");
        });
        return base ? resolve(attribute(base, "href"), m_url) : m_url;
    }

    // The next node in document order inside `scope`; `descend` enters the node's children,
    // except those of scripts and page furniture.
    static const xmlNode* next_in_order(const xmlNode* n, bool descend, const xmlNode* scope) {
        if (descend && n->children && !skipped(n) && !furniture(n))
            return n->children;
        while (n && n != scope) {
            if (n->next)
                return n->next;
            n = n->parent;
        }
        return nullptr;
    }

    // The smallest element around the marker that holds download links after it: the
    // Downloadcentrum section however the page wraps its title.
    const xmlNode* section_scope(const xmlNode* marker) const {
        const xmlNode* scope = marker->parent;
        while (scope && scope->parent && scope->parent->type == XML_ELEMENT_NODE && !named(scope, "body")) {
            for (const xmlNode* n = next_in_order(marker, false, scope); n; n = next_in_order(n, true, scope))
                if (named(n, "a") && is_download_link(n))
                    return scope;
            scope = scope->parent;
        }
        return scope;
    }

    static std::string resolve(const std::string& href, const std::string& base) {
        std::unique_ptr<xmlChar, XmlCharFree> out(xmlBuildURI(BAD_CAST href.c_str(), BAD_CAST base.c_str()));
        return out ? reinterpret_cast<const char*>(out.get()) : href;
    }

    bool is_download_link(const xmlNode* a) const {
        const std::string href = attribute(a, "href");
        if (href.empty() || href.starts_with("#") || href.starts_with("javascript:") || href.starts_with("mailto:"))
            return false;
        if (is_download_label(text_of(a)) || !attribute(a, "download").empty() || xmlHasProp(a, BAD_CAST "download"))
            return true;
        const std::string path = unicode::fold(href.substr(0, href.find_first_of("?#")));
        for (std::string_view ext : {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".pptx", ".ppt", ".odt", ".zip"})
            if (path.ends_with(ext))
                return true;
        return false;
    }

    bool contains_download_link(const xmlNode* n) const {
        for (const xmlNode* c = n->children; c; c = next_within(c, n))
            if (named(c, "a") && is_download_link(c))
                return true;
        return false;
    }

    static const xmlNode* next_within(const xmlNode* n, const xmlNode* root) {
        if (n->children)
            return n->children;
        while (n && n != root) {
            if (n->next)
                return n->next;
            n = n->parent;
            if (n == root)
                return nullptr;
        }
        return nullptr;
    }

    std::optional<ListingEntry> entry_for(const xmlNode* link, const std::string& theme) const {
        if (theme.empty())
            return std::nullopt;
        const xmlNode* container = link->parent;
        for (const xmlNode* p = link->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
            if (is_entry_container(p)) {
                container = p;
                break;
            }
            if (named(p, "body") || named(p, "section"))
                break;
        }
        // The entry's own words; failing those, a title link beside the download link, or the
        // download link's own text.
        std::string title = clean_title(text_of(container, nullptr, true));
        if (title.empty())
            title = clean_title(text_of(container, link));
        if (title.empty())
            title = clean_title(text_of(link));
        if (title.empty() || is_download_label(title))
            return std::nullopt;
        std::string url = resolve(attribute(link, "href"), m_base);
        if (!url.starts_with("http://") && !url.starts_with("https://"))
            return std::nullopt;
        return ListingEntry{theme, title, url};
    }

    std::string m_url;
    std::string m_base;
    const std::string& m_name;
    std::unique_ptr<xmlDoc, DocFree> m_doc;
};

} // namespace

Listing parse_listing_html(std::string_view html, const std::string& page_url, const std::string& name) {
    return Parser(html, page_url, name).parse();
}

} // namespace kennis
