#include "backoff.hpp"

#include <algorithm>
#include <cmath>
#include <curl/curl.h>
#include <string>

namespace kennis {

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
    const std::time_t when = curl_getdate(std::string(value).c_str(), nullptr);
    if (when < 0)
        return std::nullopt;
    return std::max(0.0, std::difftime(when, now));
}

FailureKind classify_failure(long status, int curl_code) {
    switch (static_cast<CURLcode>(curl_code)) {
    case CURLE_OK:
        break;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
        return FailureKind::transient;
    default:
        return FailureKind::fatal;
    }
    if (status == 404 || status == 410)
        return FailureKind::not_found;
    if (status == 401 || status == 403)
        return FailureKind::unauthorized;
    if (status == 408 || status == 429 || status >= 500)
        return FailureKind::transient;
    return FailureKind::fatal;
}

} // namespace kennis
