#include "catalogue_fixture.hpp"
#include "dutch_text.hpp"
#include "extract/text_extract.hpp"
#include "kennis/browse.hpp"
#include "kennis/fetch.hpp"
#include "kennis/maintenance.hpp"
#include "kennis/search.hpp"
#include "kennis/sync.hpp"
#include "pdf_fixture.hpp"
#include "scan_fixture.hpp"
#include "test_server.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <set>

using namespace kennis;
using namespace kennis::test;
namespace fs = std::filesystem;

namespace {

// A page of the field's Dutch, as a text PDF and as the scan of it.
const std::string page_text = wrapped(std::string(dutch_paragraphs[0]) + " " + dutch_paragraphs[1] + " " + dutch_paragraphs[3]);
const std::string text_pdf = make_pdf({page_text});

std::set<std::string> long_words(const std::string& text) {
    std::set<std::string> out;
    for (auto& w : split_words(unicode::fold(text)))
        if (unicode::length(w) >= 4)
            out.insert(w);
    return out;
}

class OcrTest : public CatalogueTest {
protected:
    fs::path write(const std::string& name, const std::string& bytes) {
        const fs::path p = dir() / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
};

} // namespace

TEST_F(OcrTest, AScannedPageGivesBackNineTenthsOfItsWords) {
    const fs::path scan = write("scan.pdf", scanned(text_pdf));
    const auto before = ocr_pages_read();
    const ExtractedText t = pdf_text(scan, OcrMode::automatic);
    ASSERT_TRUE(t.has_text()) << t.reason;
    EXPECT_EQ(ocr_pages_read(), before + 1);
    ASSERT_EQ(t.ocr, std::vector<bool>{true});
    const auto wanted = long_words(page_text), got = long_words(t.pages[0]);
    std::size_t found = 0;
    for (const auto& w : wanted)
        found += got.contains(w);
    EXPECT_GE(found * 10, wanted.size() * 9) << found << " of " << wanted.size() << " words:\n" << t.pages[0];
    RecordProperty("words_found", fmt::format("{} of {}", found, wanted.size()));
}

TEST_F(OcrTest, ATextLayerIsNotReadByOcrAndNeverMeansNever) {
    const auto before = ocr_pages_read();
    const ExtractedText text = pdf_text(write("tekst.pdf", text_pdf), OcrMode::automatic);
    EXPECT_TRUE(text.ocr.empty());
    const ExtractedText never = pdf_text(write("scan.pdf", scanned(text_pdf)), OcrMode::never);
    EXPECT_FALSE(never.has_text());
    EXPECT_NE(never.reason.find("OCR was not asked for"), std::string::npos) << never.reason;
    EXPECT_EQ(ocr_pages_read(), before);
}

TEST_F(OcrTest, APageOcrDoesNotFinishInTimeIsGivenUpWithAReason) {
    const fs::path scan = write("scan.pdf", image_only_pdf({render(text_pdf), render(text_pdf)}));
    const auto start = std::chrono::steady_clock::now();
    const ExtractedText t = pdf_text(scan, OcrMode::automatic, 0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    EXPECT_FALSE(t.has_text());
    EXPECT_NE(t.reason.find("OCR did not finish in time"), std::string::npos) << t.reason;
}

TEST_F(OcrTest, APageThatWouldRenderToAGiganticImageEndsQuickly) {
    // 200 inches square: 3.6 gigapixels at 300 dpi.
    const fs::path huge = write("groot.pdf", image_only_pdf({{std::string(64 * 64, '\xff'), 64, 64, 14400, 14400}}));
    const auto start = std::chrono::steady_clock::now();
    const ExtractedText t = pdf_text(huge, OcrMode::automatic);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
    EXPECT_FALSE(t.has_text());
}

TEST_F(OcrTest, AScanIsSearchableAndItsBytesAreNeverReadByOcrTwice) {
    TestServer server;
    const std::string scan = scanned(text_pdf);
    server.server().Get("/media/uitspraak.pdf", [&](const httplib::Request&, httplib::Response& res) { res.set_content(scan, "application/pdf"); });
    apply_listings(library(), {{"https://example.test/kennisbank", "html", std::nullopt,
                                {{"Thema", "Uitspraak rechtbank", server.url("/media/uitspraak.pdf")}}}},
                   true);
    FetchOptions o;
    o.network.retries = 0;
    const auto before = ocr_pages_read();
    ASSERT_EQ(fetch(library(), o).downloaded, 1u);
    EXPECT_EQ(ocr_pages_read(), before + 1);
    const auto hits = search(library(), "leerplichtambtenaar", {});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_TRUE(hits[0].ocr);
    EXPECT_EQ(library_stats(library()).text.ocr, 1u);

    o.mode = FetchOptions::Mode::refresh;
    fetch(library(), o);
    EXPECT_EQ(ocr_pages_read(), before + 1) << "the same bytes fetched again are not read again";

    const Document d = find_document(library(), "Uitspraak rechtbank");
    fs::permissions(*d.path, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(*d.path, std::ios::binary | std::ios::in) << "beschadigd";
    VerifyOptions repair;
    repair.repair = true;
    repair.network.retries = 0;
    EXPECT_EQ(verify(library(), repair).repaired(), 1u);
    EXPECT_EQ(ocr_pages_read(), before + 1) << "a repaired file is not read again";
    EXPECT_EQ(search(library(), "leerplichtambtenaar", {}).size(), 1u);
}
