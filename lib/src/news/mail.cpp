#include "kennis/changes.hpp"

#include "library/edge.hpp"
#include "library/library_impl.hpp"
#include "util/html.hpp"
#include "util/sha256.hpp"
#include "kennis/error.hpp"
#include "kennis/version.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>
#include <unistd.h>

namespace kennis {
namespace {

// An address as it may stand in a header: no line breaks (which would let it write headers of
// its own), no other control characters, ASCII only (a name in another script needs an encoding
// this tool does not write), and an '@'.
void check_address(const std::string& address, std::string_view option) {
    const bool control = std::any_of(address.begin(), address.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 || b >= 0x7f;
    });
    if (control || address.find('@') == std::string::npos || address.front() == ' ' || address.back() == ' ')
        throw UsageError(fmt::format("{} wants a mail address such as lpa@gemeente.nl or \"Team Leerplicht <lpa@gemeente.nl>\", "
                                     "in ASCII and on one line, not {}",
                                     option, control ? "one with a line break or another character beyond ASCII" : "'" + address + "'"));
}

// Quoted-printable (RFC 2045): the text stays readable in any mail program's source view, every
// line stays under 76 characters, and only ASCII travels, whatever the mail system does to 8 bits.
std::string quoted_printable(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t column = 0;
    const auto put = [&](std::string_view piece) {
        if (column + piece.size() > 75) {
            out += "=\n";
            column = 0;
        }
        out += piece;
        column += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += '\n';
            column = 0;
            continue;
        }
        // A space or tab at the end of a line is lost in transit; so it is written as a code.
        const bool line_end = i + 1 == text.size() || text[i + 1] == '\n';
        const bool plain = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_end);
        if (plain) {
            put(std::string_view(&text[i], 1));
        } else {
            const std::array<char, 3> code{'=', hex[c >> 4], hex[c & 0xF]};
            put(std::string_view(code.data(), code.size()));
        }
    }
    return out;
}

// The RFC 5322 date of now: "Thu, 03 Dec 2026 05:30:00 +0000".
std::string mail_date() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    static constexpr std::array<std::string_view, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", days[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                       months[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// This machine's name as a Message-ID may carry it, or "localhost".
std::string host_name() {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0)
        return "localhost";
    std::string host(name.data());
    const bool fits = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
    return fits ? host : "localhost";
}

std::string count_of(std::size_t n) { return fmt::format("{} {}", n, n == 1 ? "wijziging" : "wijzigingen"); }

std::string theme_name(const ThemeChanges& t) { return t.theme.empty() ? "Zonder thema" : t.theme; }

std::string plain_text(const ChangesReport& changes) {
    std::string out = fmt::format("Kennisbank: {} sinds {}\n", count_of(changes.events), changes.since.substr(0, 10));
    for (const auto& t : changes.themes) {
        out += fmt::format("\n{} ({})\n", theme_name(t), t.changes.size());
        for (const auto& c : t.changes) {
            out += fmt::format("- {} ({}, {}, nr. {})\n", c.title, change_label(c.kind), c.at.substr(0, 10), c.id);
            if (!c.url.empty())
                out += fmt::format("  {}\n", c.url);
        }
    }
    out += fmt::format("\n-- \nkennis {}: kennis changes --format email\n", version());
    return out;
}

// HTML that mail programs show as it was meant: styles inline (many drop <style>), a table per
// theme, nothing loaded from elsewhere.
std::string html_text(const ChangesReport& changes) {
    std::string out = R"(<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Kennisbank – wat is nieuw</title></head>
<body style="margin:0;padding:16px;font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1a1a1a;background:#ffffff">
)";
    fmt::format_to(std::back_inserter(out),
                   "<h1 style=\"font-size:20px;margin:0 0 4px 0\">Kennisbank: {}</h1>\n"
                   "<p style=\"margin:0 0 16px 0;color:#555555\">sinds {}</p>\n",
                   count_of(changes.events), changes.since.substr(0, 10));
    for (const auto& t : changes.themes) {
        out += "<h2 style=\"font-size:16px;margin:16px 0 4px 0;border-bottom:1px solid #cccccc\">";
        append_html_escaped(out, theme_name(t));
        fmt::format_to(std::back_inserter(out), " <span style=\"color:#777777;font-weight:normal\">({})</span></h2>\n",
                       t.changes.size());
        out += "<table style=\"border-collapse:collapse;width:100%\">\n";
        for (const auto& c : t.changes) {
            fmt::format_to(std::back_inserter(out),
                           "<tr><td style=\"padding:3px 12px 3px 0;white-space:nowrap;color:#555555;vertical-align:top\">{}</td>"
                           "<td style=\"padding:3px 12px 3px 0;vertical-align:top\">",
                           change_label(c.kind));
            if (c.url.empty()) {
                out += "<bdi>";
                append_html_escaped(out, c.title);
                out += "</bdi>";
            } else {
                out += "<a style=\"color:#0b57d0\" href=\"";
                append_html_escaped(out, c.url);
                out += "\"><bdi>";
                append_html_escaped(out, c.title);
                out += "</bdi></a>";
            }
            fmt::format_to(std::back_inserter(out),
                           "</td><td style=\"padding:3px 0;white-space:nowrap;color:#777777;vertical-align:top\">{}</td></tr>\n",
                           c.at.substr(0, 10));
        }
        out += "</table>\n";
    }
    fmt::format_to(std::back_inserter(out), "<p style=\"margin:24px 0 0 0;color:#999999;font-size:12px\">kennis {}</p>\n</body></html>\n",
                   version());
    return out;
}

} // namespace

std::string changes_mail(Library& library, const ChangesReport& changes, const MailOptions& options) try {
    for (const auto& to : options.to)
        check_address(to, "--to");
    if (!options.from.empty())
        check_address(options.from, "--from");
    if (changes.events == 0)
        return {};
    const std::string text = plain_text(changes);
    const std::string html = html_text(changes);
    // Made of the message itself: '=' never stands bare in quoted-printable, so "=_" cannot occur
    // in a part and end it early.
    const std::string digest = sha256_hex(fmt::format("{}\x1f{}\x1f{}", library_id(library.impl().db), changes.since, text));
    const std::string boundary = "=_kennis_" + digest.substr(0, 24);
    std::string out;
    out.reserve(text.size() * 2 + html.size() * 2);
    if (!options.from.empty())
        out += fmt::format("From: {}\n", options.from);
    if (!options.to.empty())
        out += fmt::format("To: {}\n", fmt::join(options.to, ", "));
    out += fmt::format("Subject: Kennisbank: {} sinds {}\n", count_of(changes.events), changes.since.substr(0, 10));
    out += fmt::format("Date: {}\n", mail_date());
    out += fmt::format("Message-ID: <{}.{}@{}>\n", digest.substr(0, 32), std::time(nullptr), host_name());
    out += "Auto-Submitted: auto-generated\n";
    out += "MIME-Version: 1.0\n";
    out += fmt::format("Content-Type: multipart/alternative;\n boundary=\"{}\"\n\n", boundary);
    out += "A message in MIME format: a mail program shows it as text or as a page.\n";
    for (const auto& [type, body] : {std::pair<std::string_view, const std::string&>{"text/plain", text}, {"text/html", html}})
        out += fmt::format("\n--{}\nContent-Type: {}; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{}", boundary, type,
                           quoted_printable(body));
    out += fmt::format("\n--{}--\n", boundary);
    return out;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
