#include "kennis/error.hpp"
#include "kennis/listing_parser.hpp"
#include "listing_pages.hpp"

#include <gtest/gtest.h>

using namespace kennis;

namespace {

const std::string base = "https://www.example.test";
const std::string page = base + "/kennisbank/";

std::string page_error(const std::string& html) {
    try {
        parse_listing_html(html, page, "page.html");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

class ListingMarkup : public ::testing::TestWithParam<std::string> {};

TEST_P(ListingMarkup, GivesTheSeedListingEntryForEntry) {
    const Listing expected = test::seed_listing_with_urls(base);
    std::string html;
    if (GetParam() == "list")
        html = test::list_markup(expected, base);
    else if (GetParam() == "table")
        html = test::table_markup(expected, base);
    else
        html = test::accordion_markup(expected);
    const Listing got = parse_listing_html(html, page, "page.html");
    EXPECT_EQ(got.source, page);
    EXPECT_EQ(got.kind, "html");
    ASSERT_EQ(got.entries.size(), 230u);
    for (std::size_t i = 0; i < got.entries.size(); ++i)
        ASSERT_EQ(got.entries[i], expected.entries[i]) << "entry " << i + 1;
}

INSTANTIATE_TEST_SUITE_P(ThreeMarkups, ListingMarkup, ::testing::Values("list", "table", "accordion"));

TEST(ListingParser, NormalizesWhitespaceAndEntities) {
    const auto l = parse_listing_html("<h2>Downloadcentrum</h2><h3>Thema&nbsp;A</h3><p>  Ouders &amp;\n\t Onderwijs "
                                      "&ndash; caf&eacute; <a href='a.pdf'>download</a></p>",
                                      page, "p");
    ASSERT_EQ(l.entries.size(), 1u);
    EXPECT_EQ(l.entries[0], (ListingEntry{"Thema A", "Ouders & Onderwijs \u2013 caf\u00e9", page + "a.pdf"}));
}

TEST(ListingParser, KeepsThePlusOfATitleButNotOfTheLabel) {
    const auto l = parse_listing_html("<h2>Downloadcentrum</h2><h3>Verzuim 18+</h3><ul><li>Checklist verzuim 18+ "
                                      "+ <a href='/c.pdf'>download</a></li><li>\u2022 Ander stuk <a href='/d.pdf'>+ "
                                      "download</a></li></ul>",
                                      page, "p");
    ASSERT_EQ(l.entries.size(), 2u);
    EXPECT_EQ(l.entries[0].title, "Checklist verzuim 18+");
    EXPECT_EQ(l.entries[0].theme, "Verzuim 18+");
    EXPECT_EQ(l.entries[1].title, "Ander stuk");
}

TEST(ListingParser, ALinkThatCarriesTheTitleIsTheEntry) {
    const auto l = parse_listing_html(
        "<h2>Downloadcentrum</h2><details><summary>Thuiszitters</summary><p><a href='/t.pdf'>Rapport Opstaan tegen "
        "thuiszitten</a></p></details>",
        page, "p");
    ASSERT_EQ(l.entries.size(), 1u);
    EXPECT_EQ(l.entries[0], (ListingEntry{"Thuiszitters", "Rapport Opstaan tegen thuiszitten", base + "/t.pdf"}));
}

TEST(ListingParser, IgnoresLinksThatAreNotDownloads) {
    const auto l = parse_listing_html("<h2>Downloadcentrum</h2><h3>A</h3><ul><li>Een <a href='/e.pdf'>download</a> "
                                      "<a href='/meer-info'>lees meer</a></li><li>Mail <a href='mailto:x@y'>download</a>"
                                      "</li><li>Script <a href='javascript:void(0)'>download</a></li><li>Ftp <a "
                                      "href='ftp://x/y.pdf'>download</a></li></ul>",
                                      page, "p");
    ASSERT_EQ(l.entries.size(), 1u);
    EXPECT_EQ(l.entries[0].title, "Een");
}

TEST(ListingParser, HonoursTheBaseElement) {
    const auto l = parse_listing_html("<html><head><base href='https://cdn.example.test/files/'></head><body>"
                                      "<h2>Downloadcentrum</h2><h3>A</h3><p>Een <a href='e.pdf'>download</a></p></body>",
                                      page, "p");
    ASSERT_EQ(l.entries.size(), 1u);
    EXPECT_EQ(l.entries[0].url, "https://cdn.example.test/files/e.pdf");
}

TEST(ListingParser, RefusesPagesThatHoldNoListing) {
    EXPECT_EQ(page_error("%PDF-1.4 binary"), "page.html: not an HTML page");
    EXPECT_EQ(page_error("{\"json\": true}"), "page.html: not an HTML page");
    EXPECT_EQ(page_error(""), "page.html: not an HTML page");
    EXPECT_EQ(page_error("<html><body><h2>Nieuws</h2><a href='/x.pdf'>download</a></body></html>"),
              "page.html: the page has no Downloadcentrum");
    EXPECT_EQ(page_error("<html><body><h2>Downloadcentrum</h2><p>Binnenkort.</p><h2>Vraag en antwoord</h2>"
                       "<h3>A</h3><p>x <a href='/x.pdf'>download</a></p></body></html>"),
              "page.html: the Downloadcentrum has no entries with a download link");
}

TEST(ListingParser, SurvivesBrokenMarkup) {
    const auto l = parse_listing_html("<h2>Downloadcentrum</h2><h3>A</h3><li>Een <a href=/e.pdf>download<li>Twee <a "
                                      "href=/t.pdf>download</b></div></table>",
                                      page, "p");
    ASSERT_EQ(l.entries.size(), 2u);
    EXPECT_EQ(l.entries[1].title, "Twee");
}

TEST(ListingParser, ATitleLinkBesideTheDownloadLinkGivesTheTitle) {
    const auto l = parse_listing_html("<h2>Downloadcentrum</h2><h3>A</h3><ul><li><a href='/detail/7'>Handreiking "
                                      "vavo</a> <a href='/v.pdf'>download</a></li></ul>",
                                      page, "p");
    ASSERT_EQ(l.entries.size(), 1u);
    EXPECT_EQ(l.entries[0].title, "Handreiking vavo");
    EXPECT_EQ(l.entries[0].url, base + "/v.pdf");
}
