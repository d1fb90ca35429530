#include "kennis/snapshot.hpp"

#include "library/embedded.hpp"
#include "kennis/error.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <fmt/format.h>

namespace kennis {
namespace {

constexpr int format_version = 1;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool is_iso_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool is_http_url(std::string_view s) {
    for (std::string_view scheme : {"http://", "https://"})
        if (s.size() > scheme.size() && s.substr(0, scheme.size()) == scheme)
            return s.find_first_of(" \t\"<>") == std::string_view::npos;
    return false;
}

class Reader {
public:
    Reader(std::string_view text, const std::string& name) : m_text(text), m_name(name) {}

    Listing read(const std::string& fallback_source) {
        Listing listing;
        listing.kind = "snapshot";
        std::string_view line;
        bool header_seen = false;
        while (next_line(line)) {
            if (!unicode::is_valid_utf8(line))
                fail("the line is not valid UTF-8");
            if (!header_seen) {
                read_magic(line);
                header_seen = true;
            } else if (line.starts_with('#')) {
                read_comment(line, listing);
            } else if (!trim(line).empty()) {
                listing.entries.push_back(read_entry(line));
            }
        }
        if (!header_seen)
            fail("the file is empty; a snapshot starts with '#kennis-snapshot 1'");
        if (listing.entries.empty())
            throw InputError(fmt::format("{}: the snapshot has no entries", m_name));
        if (listing.source.empty())
            listing.source = fallback_source;
        return listing;
    }

private:
    bool next_line(std::string_view& line) {
        if (m_pos >= m_text.size())
            return false;
        const auto end = m_text.find('\n', m_pos);
        line = m_text.substr(m_pos, end == std::string_view::npos ? std::string_view::npos : end - m_pos);
        m_pos = end == std::string_view::npos ? m_text.size() : end + 1;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        ++m_line;
        return true;
    }

    [[noreturn]] void fail(const std::string& problem) const {
        throw InputError(fmt::format("{}:{}: {}", m_name, m_line, problem));
    }

    void read_magic(std::string_view line) {
        if (!line.starts_with(snapshot_magic))
            fail("not a kennis snapshot: the first line must be '#kennis-snapshot 1'");
        const auto version = trim(line.substr(snapshot_magic.size()));
        if (version != std::to_string(format_version)) {
            if (!version.empty() && version.find_first_not_of("0123456789") == std::string_view::npos)
                fail(fmt::format("snapshot format {} is newer than this kennis reads ({})",
                                 version, format_version));
            fail("not a kennis snapshot: the first line must be '#kennis-snapshot 1'");
        }
    }

    void read_comment(std::string_view line, Listing& listing) {
        const auto body = trim(line.substr(1));
        if (body.starts_with("source:")) {
            const auto value = trim(body.substr(7));
            if (value.empty())
                fail("'# source:' needs a value: the page this snapshot was taken from");
            listing.source = std::string(value);
        } else if (body.starts_with("captured:")) {
            const auto value = trim(body.substr(9));
            if (!is_iso_day(value))
                fail(fmt::format("'# captured:' must be a date like 2026-11-22, not '{}'", value));
            listing.captured = std::string(value);
        }
    }

    ListingEntry read_entry(std::string_view line) {
        std::vector<std::string_view> fields;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
            fields.push_back(line.substr(start, tab - start));
        fields.push_back(line.substr(start));
        if (fields.size() == 3 && trim(fields[2]).empty())
            fields.pop_back();
        if (fields.size() < 2 || fields.size() > 3)
            fail(fmt::format("expected THEME<tab>TITLE[<tab>URL], found {} field{}", fields.size(),
                             fields.size() == 1 ? "" : "s"));
        for (char c : line)
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
                fail("the line contains a control character");
        ListingEntry entry;
        entry.theme = collapse_spaces(fields[0]);
        entry.title = collapse_spaces(fields[1]);
        if (entry.theme.empty())
            fail("the theme is empty");
        if (entry.title.empty())
            fail("the title is empty");
        if (fields.size() == 3) {
            const auto url = trim(fields[2]);
            if (!is_http_url(url))
                fail(fmt::format("'{}' is not an http:// or https:// URL", url));
            entry.url = std::string(url);
        }
        return entry;
    }

    std::string_view m_text;
    const std::string& m_name;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
};

} // namespace

bool looks_like_snapshot(std::string_view text) { return text.starts_with(snapshot_magic); }

Listing parse_snapshot(std::string_view text, const std::string& name,
                       const std::string& fallback_source) {
    return Reader(text, name).read(fallback_source);
}

Listing builtin_snapshot() {
    return parse_snapshot(embedded::snapshot, "built-in snapshot", "kennis:built-in");
}

} // namespace kennis
