#include "extract/text_extract.hpp"

#include "util/unicode.hpp"

#include <array>
#include <cctype>
#include <fstream>
#include <iconv.h>
#include <string_view>

namespace kennis {
namespace {

constexpr std::size_t max_file = 64u << 20;

// Groups whose words are not the document's text: tables of fonts and colours, styles, the
// document's properties, pictures, headers and footers, field codes.
bool is_hidden_destination(std::string_view word) {
    static constexpr std::array<std::string_view, 22> hidden{
        "fonttbl", "colortbl", "stylesheet", "info",     "pict",     "header",  "headerl",  "headerr",
        "headerf", "footer",   "footerl",    "footerr",  "footerf",  "fldinst", "listtable", "listoverridetable",
        "revtbl",  "rsidtbl",  "generator",  "xmlnstbl", "filetbl",  "object"};
    for (auto h : hidden)
        if (word == h)
            return true;
    return false;
}

// A character of the document's code page (\ansicpg, Windows-1252 unless it says otherwise).
class CodePage {
public:
    CodePage() { use(1252); }
    ~CodePage() { close(); }
    CodePage(const CodePage&) = delete;
    CodePage& operator=(const CodePage&) = delete;

    void use(long number) {
        close();
        m_cd = ::iconv_open("UTF-8", ("CP" + std::to_string(number)).c_str());
    }
    void append(std::string& out, unsigned char byte) {
        if (byte < 0x80 || m_cd == reinterpret_cast<iconv_t>(-1)) {
            out += byte < 0x80 ? static_cast<char>(byte) : '?';
            return;
        }
        char in = static_cast<char>(byte);
        std::array<char, 8> buf{};
        char* from = &in;
        char* to = buf.data();
        std::size_t left = 1, room = buf.size();
        ::iconv(m_cd, nullptr, nullptr, nullptr, nullptr);
        if (::iconv(m_cd, &from, &left, &to, &room) != static_cast<std::size_t>(-1))
            out.append(buf.data(), static_cast<std::size_t>(to - buf.data()));
    }

private:
    void close() {
        if (m_cd != reinterpret_cast<iconv_t>(-1))
            ::iconv_close(m_cd);
        m_cd = reinterpret_cast<iconv_t>(-1);
    }
    iconv_t m_cd = reinterpret_cast<iconv_t>(-1);
};

struct Group {
    bool hidden = false;
    int skip_after_unicode = 1; // \ucN: the characters that stand in for a \uN for older readers
};

class RtfReader {
public:
    explicit RtfReader(std::string_view rtf) : m_in(rtf) {}

    ExtractedText read() {
        std::vector<Group> groups{Group{}};
        std::string page;
        int skip = 0; // stand-in characters still to pass over after a \uN
        char32_t high = 0;
        while (m_pos < m_in.size()) {
            const char c = m_in[m_pos++];
            if (c == '{') {
                groups.push_back(groups.back());
                skip = 0;
            } else if (c == '}') {
                if (groups.size() > 1)
                    groups.pop_back();
                skip = 0;
            } else if (c == '\\') {
                control(groups, page, skip, high);
            } else if (c == '\r' || c == '\n') {
                continue;
            } else if (skip > 0) {
                --skip;
            } else if (!groups.back().hidden) {
                page += c;
            }
        }
        // A last \page before the end begins no page.
        if (m_out.pages.empty() || page.find_first_not_of(" \t\n") != std::string::npos)
            m_out.pages.push_back(std::move(page));
        for (auto& p : m_out.pages)
            p = unicode::sanitize(p);
        return std::move(m_out);
    }

private:
    void control(std::vector<Group>& groups, std::string& page, int& skip, char32_t& high) {
        if (m_pos >= m_in.size())
            return;
        Group& g = groups.back();
        const char c = m_in[m_pos];
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            ++m_pos;
            if (c == '*') {
                g.hidden = true; // a destination an older reader may ignore: kennis does
                return;
            }
            if (c == '\'') {
                const auto byte = hex_byte();
                if (skip > 0)
                    --skip;
                else if (!g.hidden && byte >= 0)
                    m_code_page.append(page, static_cast<unsigned char>(byte));
                return;
            }
            if (skip > 0) {
                --skip;
                return;
            }
            if (g.hidden)
                return;
            if (c == '\\' || c == '{' || c == '}')
                page += c;
            else if (c == '~')
                page += "\u00a0";
            else if (c == '_')
                page += '-';
            else if (c == '\n' || c == '\r')
                page += '\n';
            return;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_in.size() && std::isalpha(static_cast<unsigned char>(m_in[m_pos])))
            ++m_pos;
        const std::string_view word = m_in.substr(start, m_pos - start);
        long number = 0;
        bool has_number = false;
        const bool negative = m_pos < m_in.size() && m_in[m_pos] == '-';
        if (negative)
            ++m_pos;
        while (m_pos < m_in.size() && std::isdigit(static_cast<unsigned char>(m_in[m_pos])) && number < 100'000'000) {
            number = number * 10 + (m_in[m_pos++] - '0');
            has_number = true;
        }
        if (negative)
            number = -number;
        if (m_pos < m_in.size() && m_in[m_pos] == ' ')
            ++m_pos;

        if (word == "bin") {
            m_pos += std::min<std::size_t>(static_cast<std::size_t>(std::max(0L, number)), m_in.size() - m_pos);
            return;
        }
        if (word == "ansicpg" && has_number) {
            // The header names it once; a file naming it a million times would open a converter
            // a million times.
            if (!m_code_page_named)
                m_code_page.use(number);
            m_code_page_named = true;
            return;
        }
        if (word == "uc" && has_number) {
            g.skip_after_unicode = static_cast<int>(std::max(0L, number));
            return;
        }
        if (is_hidden_destination(word)) {
            g.hidden = true;
            return;
        }
        if (g.hidden)
            return;
        if (word == "u" && has_number) {
            const auto unit = static_cast<char32_t>(number < 0 ? number + 65536 : number);
            skip = g.skip_after_unicode;
            if (unit >= 0xD800 && unit < 0xDC00) {
                high = unit;
                return;
            }
            if (unit >= 0xDC00 && unit < 0xE000) {
                if (high)
                    unicode::append(page, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
                high = 0;
                return;
            }
            unicode::append(page, unit);
            return;
        }
        if (word == "par" || word == "line" || word == "row" || word == "sect")
            page += '\n';
        else if (word == "tab" || word == "cell")
            page += '\t';
        else if (word == "page" && m_out.pages.size() < max_pages) {
            m_out.pages.push_back(std::move(page));
            page.clear();
        }
    }

    int hex_byte() {
        int value = 0;
        for (int i = 0; i < 2; ++i) {
            if (m_pos >= m_in.size() || !std::isxdigit(static_cast<unsigned char>(m_in[m_pos])))
                return -1;
            const char h = static_cast<char>(std::tolower(static_cast<unsigned char>(m_in[m_pos++])));
            value = value * 16 + (h <= '9' ? h - '0' : h - 'a' + 10);
        }
        return value;
    }

    static constexpr std::size_t max_pages = 100'000;
    std::string_view m_in;
    std::size_t m_pos = 0;
    CodePage m_code_page;
    bool m_code_page_named = false;
    ExtractedText m_out;
};

} // namespace

ExtractedText rtf_text_of(std::string_view rtf) {
    if (!rtf.starts_with("{\\rtf")) {
        ExtractedText out;
        out.reason = "not an RTF file";
        return out;
    }
    return RtfReader(rtf).read();
}

ExtractedText rtf_text(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > max_file) {
        ExtractedText out;
        out.reason = "the RTF file is too large to read its text (over 64 MiB)";
        return out;
    }
    std::ifstream in(file, std::ios::binary);
    return rtf_text_of(std::string((std::istreambuf_iterator<char>(in)), {}));
}

} // namespace kennis
