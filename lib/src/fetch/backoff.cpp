#include "fetch/backoff.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace kennis {
namespace {

using http_module::Transport;

// Reads the digits at the front of `text` into `out`; false when there are none or out of
// [min, max].
bool take_number(std::string_view& text, int min, int max, int& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || out < min || out > max)
        return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return true;
}

bool take(std::string_view& text, std::string_view expected) {
    if (!text.starts_with(expected))
        return false;
    text.remove_prefix(expected.size());
    return true;
}

bool take_spaces(std::string_view& text) {
    if (!text.starts_with(' '))
        return false;
    while (text.starts_with(' '))
        text.remove_prefix(1);
    return true;
}

bool take_month(std::string_view& text, int& month) {
    static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (std::size_t i = 0; i < months.size(); ++i)
        if (take(text, months[i])) {
            month = static_cast<int>(i);
            return true;
        }
    return false;
}

bool take_time(std::string_view& text, std::tm& tm) {
    return take_number(text, 0, 23, tm.tm_hour) && take(text, ":") && take_number(text, 0, 59, tm.tm_min) &&
           take(text, ":") && take_number(text, 0, 60, tm.tm_sec);
}

} // namespace

std::optional<std::time_t> parse_http_date(std::string_view text) {
    std::tm tm{};
    int year = 0;
    const auto comma = text.find(',');
    if (comma != std::string_view::npos && comma <= 3) { // Sun, 06 Nov 1994 08:49:37 GMT
        text.remove_prefix(comma + 1);
        if (!(take_spaces(text) && take_number(text, 1, 31, tm.tm_mday) && take_spaces(text) && take_month(text, tm.tm_mon) &&
              take_spaces(text) && take_number(text, 1900, 9999, year) && take_spaces(text) && take_time(text, tm) &&
              take_spaces(text) && take(text, "GMT")))
            return std::nullopt;
    } else if (comma != std::string_view::npos) { // Sunday, 06-Nov-94 08:49:37 GMT
        text.remove_prefix(comma + 1);
        if (!(take_spaces(text) && take_number(text, 1, 31, tm.tm_mday) && take(text, "-") && take_month(text, tm.tm_mon) &&
              take(text, "-") && take_number(text, 0, 99, year) && take_spaces(text) && take_time(text, tm) &&
              take_spaces(text) && take(text, "GMT")))
            return std::nullopt;
        year += year < 70 ? 2000 : 1900; // two-digit years: 70 to 99 are the 1900s, the rest this century
    } else { // Sun Nov  6 08:49:37 1994
        if (text.size() < 4)
            return std::nullopt;
        text.remove_prefix(3);
        if (!(take_spaces(text) && take_month(text, tm.tm_mon) && take_spaces(text) && take_number(text, 1, 31, tm.tm_mday) &&
              take_spaces(text) && take_time(text, tm) && take_spaces(text) && take_number(text, 1900, 9999, year)))
            return std::nullopt;
    }
    if (!text.empty())
        return std::nullopt;
    tm.tm_year = year - 1900;
    return ::timegm(&tm);
}

double backoff_delay(const RetryPolicy& p, int failures, std::optional<double> retry_after, double jitter) {
    const double exponential = p.base_seconds * std::pow(2.0, std::max(0, failures - 1));
    const double capped = std::min(p.cap_seconds, exponential);
    const double delay = capped / 2 + std::clamp(jitter, 0.0, 1.0) * capped / 2;
    if (retry_after)
        return std::max(delay, std::clamp(*retry_after, 0.0, p.max_retry_after));
    return delay;
}

std::optional<double> parse_retry_after(std::string_view value, std::time_t now) {
    while (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r' || value.back() == '\n'))
        value.remove_suffix(1);
    if (value.empty())
        return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return value.size() > 9 ? 1e9 : std::stod(std::string(value));
    const auto when = parse_http_date(value);
    if (!when)
        return std::nullopt;
    return std::max(0.0, std::difftime(*when, now));
}

FailureKind classify_failure(long status, Transport transport) {
    if (transport != Transport::ok)
        return transport == Transport::transient ? FailureKind::transient : FailureKind::fatal;
    if (status == 404 || status == 410)
        return FailureKind::not_found;
    if (status == 401 || status == 403)
        return FailureKind::unauthorized;
    if (status == 408 || status == 429 || status >= 500)
        return FailureKind::transient;
    return FailureKind::fatal;
}

} // namespace kennis
