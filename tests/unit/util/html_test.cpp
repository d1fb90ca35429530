#include "util/html.hpp"

#include <gtest/gtest.h>

using namespace kennis;

TEST(Html, MarkupInTextStaysText) {
    EXPECT_EQ(html_escape("<script>alert('x')</script> & \"meer\""),
              "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;meer&quot;");
    EXPECT_EQ(html_escape("Coördinatie"), "Coördinatie");
}

TEST(Html, AppendingEscapesTheSameWay) {
    std::string page = "<li>";
    append_html_escaped(page, "a < b");
    EXPECT_EQ(page, "<li>a &lt; b");
}
