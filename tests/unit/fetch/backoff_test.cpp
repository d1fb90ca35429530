#include "fetch/backoff.hpp"

#include <gtest/gtest.h>

using namespace kennis;
using http_module::Transport;

namespace {

constexpr std::time_t sunday_6_november_1994 = 784111777; // 08:49:37 UTC

} // namespace

TEST(HttpDate, ReadsTheThreeFormsAServerMaySend) {
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), sunday_6_november_1994);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), sunday_6_november_1994);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), sunday_6_november_1994);
    EXPECT_EQ(parse_http_date("Thu, 01 Jan 2026 00:00:00 GMT"), 1767225600);
    EXPECT_EQ(parse_http_date("Thursday, 01-Jan-26 00:00:00 GMT"), 1767225600);
}

TEST(HttpDate, RefusesWhatIsNotOne) {
    for (const char* text : {"", "GMT", "tomorrow", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 GMT+1",
                             "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Noo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                             "Sun, -6 Nov 1994 08:49:37 GMT", "Sun Nov  6 08:49:37", "2026-01-01T00:00:00Z"})
        EXPECT_EQ(parse_http_date(text), std::nullopt) << text;
}

TEST(RetryAfter, IsSecondsOrADate) {
    EXPECT_EQ(parse_retry_after("120", 0), 120.0);
    EXPECT_EQ(parse_retry_after(" 7\r\n", 0), 7.0);
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", sunday_6_november_1994 - 30), 30.0);
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", sunday_6_november_1994 + 30), 0.0); // past: at once
    EXPECT_EQ(parse_retry_after("soon", 0), std::nullopt);
    EXPECT_EQ(parse_retry_after("", 0), std::nullopt);
}

TEST(FailureKinds, TransfersThatBrokeOffAreTriedAgainOthersAreNot) {
    EXPECT_EQ(classify_failure(0, Transport::transient), FailureKind::transient);
    EXPECT_EQ(classify_failure(200, Transport::fatal), FailureKind::fatal);
    EXPECT_EQ(classify_failure(404, Transport::ok), FailureKind::not_found);
    EXPECT_EQ(classify_failure(410, Transport::ok), FailureKind::not_found);
    EXPECT_EQ(classify_failure(403, Transport::ok), FailureKind::unauthorized);
    EXPECT_EQ(classify_failure(429, Transport::ok), FailureKind::transient);
    EXPECT_EQ(classify_failure(503, Transport::ok), FailureKind::transient);
    EXPECT_EQ(classify_failure(400, Transport::ok), FailureKind::fatal);
}
