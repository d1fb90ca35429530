#pragma once

#include "fetch/http_client.hpp"

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

// An HTTP date in any of the three forms a server may send (RFC 9110, 5.6.7):
// "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT" or "Sun Nov  6 08:49:37 1994".
std::optional<std::time_t> parse_http_date(std::string_view text);

enum class FailureKind {
    not_found,    // 404, 410
    unauthorized, // 401, 403
    transient,    // 5xx, 429, 408, timeouts, resets, truncated bodies: worth another try
    fatal,        // everything else: the same request would fail the same way
};

// How a transfer with this HTTP status fails, or (when not ok) the transfer itself.
FailureKind classify_failure(long http_status, http_module::Transport transport);

} // namespace kennis
