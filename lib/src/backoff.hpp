#pragma once

#include <ctime>
#include <optional>
#include <string_view>

namespace kennis {

struct RetryPolicy {
    int max_attempts = 4;           // the first try included
    double base_seconds = 1.0;      // the wait after the first failure, before jitter
    double cap_seconds = 60.0;      // no wait grows beyond this
    double max_retry_after = 300.0; // a server's Retry-After is honoured up to this
};

// Seconds to wait after `failures` failed attempts (1 or more): exponential, capped, with "equal
// jitter" (half fixed, half random from `jitter` in [0, 1)), and never less than a Retry-After
// the server asked for.
double backoff_delay(const RetryPolicy& policy, int failures, std::optional<double> retry_after, double jitter);

// A Retry-After header: seconds, or an HTTP date (relative to `now`).
std::optional<double> parse_retry_after(std::string_view value, std::time_t now);

enum class FailureKind {
    not_found,    // 404, 410
    unauthorized, // 401, 403
    transient,    // 5xx, 429, 408, timeouts, resets, truncated bodies: worth another try
    fatal,        // everything else: the same request would fail the same way
};

// How an HTTP status or a libcurl error code (0 when the transfer itself went through) fails.
FailureKind classify_failure(long http_status, int curl_code);

} // namespace kennis
