#include "util/mime.hpp"

#include <gtest/gtest.h>

using namespace kennis;

TEST(Mime, TheBytesDecideWhatAFileIs) {
    EXPECT_EQ(sniff_mime("%PDF-1.7\n", "application/octet-stream", "https://x.test/a"), "application/pdf");
    EXPECT_EQ(sniff_mime("\x89PNG\r\n\x1a\n", "", ""), "image/png");
    EXPECT_EQ(sniff_mime("\xFF\xD8\xFF\xE0", "", ""), "image/jpeg");
    // A web page served where a document was linked is recognised whatever the server says.
    EXPECT_EQ(sniff_mime("\n  <!DOCTYPE html><html>", "application/pdf", "https://x.test/a.pdf"), "text/html");
}

TEST(Mime, ZipBasedOfficeFilesAreToldApartByTheirAddressOrType) {
    const std::string_view zip = "PK\x03\x04rest";
    EXPECT_EQ(sniff_mime(zip, "", "https://x.test/Model%20brief.DOCX?v=2"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(sniff_mime(zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; charset=x", "https://x.test/f"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(sniff_mime(zip, "", "https://x.test/f"), "application/zip");
}

TEST(Mime, ExtensionsComeFromTheTypeAndFromTheAddress) {
    EXPECT_EQ(mime_extension("application/pdf"), ".pdf");
    EXPECT_EQ(mime_extension("application/x-unknown"), "");
    EXPECT_EQ(url_extension("https://x.test/docs/Handboek.PDF?x=1#p2"), ".pdf");
    EXPECT_EQ(url_extension("https://x.test/docs/"), "");
    EXPECT_TRUE(url_names_web_page("https://x.test/kennisbank/"));
    EXPECT_TRUE(url_names_web_page("https://x.test/page.php?id=3"));
    EXPECT_FALSE(url_names_web_page("https://x.test/a.pdf"));
}
