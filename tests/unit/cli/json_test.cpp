#include "json.hpp"

#include <gtest/gtest.h>

using namespace kennis;

namespace {

// The keys of a JSON object, in order.
std::vector<std::string> keys_of(const nlohmann::ordered_json& j) {
    std::vector<std::string> out;
    for (const auto& [key, value] : j.items())
        out.push_back(key);
    return out;
}

Document fetched_document() {
    Document d;
    d.id = 7;
    d.slug = "vo-handboek-leerplicht";
    d.title = "VO Handboek Leerplicht versie augustus 2020";
    d.aliases = {d.title};
    d.themes = {"Verzuim 18-"};
    d.tags = {"regio/zaanstad"};
    d.urls = {{"https://example.test/vo.pdf", "\"e1\"", std::nullopt, 200, "2026-12-01T02:00:00Z"}};
    d.status = "active";
    d.type = "Handboek";
    d.date = "2020-08";
    d.level = "VO";
    d.versions = {{"aa", 10, "application/pdf", "2026-11-01T02:00:00Z"}, {"bb", 12, "application/pdf", "2026-12-01T02:00:00Z"}};
    d.path = "/home/x/store/sha256/bb";
    return d;
}

} // namespace

// Scripts read these names; they are the command-line contract's and never change.
TEST(Json, ADocumentHasTheContractsFieldsInOrder) {
    const auto j = to_json(fetched_document());
    EXPECT_EQ(keys_of(j), (std::vector<std::string>{"id", "slug", "title", "aliases", "themes", "tags", "urls", "status", "type",
                                                   "publisher", "date", "period", "level", "sha256", "size", "mime", "path", "macros"}));
    EXPECT_EQ(j["urls"], nlohmann::ordered_json::array({"https://example.test/vo.pdf"}));
    EXPECT_EQ(j["sha256"], "bb"); // the current version: the newest
    EXPECT_EQ(j["size"], 12);
    EXPECT_TRUE(j["publisher"].is_null());
    EXPECT_TRUE(j["period"].is_null());
}

TEST(Json, AnUnfetchedDocumentHasNullsWhereItsFileWouldBe) {
    Document d = fetched_document();
    d.versions.clear();
    d.path.reset();
    const auto j = to_json(d);
    for (const char* key : {"sha256", "size", "mime", "path"})
        EXPECT_TRUE(j[key].is_null()) << key;
}

TEST(Json, ShowAddsVersionsAndWhereTheDocumentCameFrom) {
    const auto j = to_json(fetched_document(), true);
    EXPECT_EQ(j["versions"], nlohmann::ordered_json::parse(R"([{"sha256":"aa","first_seen":"2026-11-01T02:00:00Z"},
                                                               {"sha256":"bb","first_seen":"2026-12-01T02:00:00Z"}])"));
    EXPECT_EQ(j["url_details"][0]["etag"], "\"e1\"");
    EXPECT_EQ(j["url_details"][0]["last_status"], 200);
    EXPECT_TRUE(j["newer_edition"].is_null());
}

TEST(Json, ASearchHitIsTheDocumentWithScoreSnippetPageAndPart) {
    SearchHit hit{fetched_document(), -3.5, std::string("over ") + highlight_begin + "verzuim" + highlight_end + " melden", 4,
                  "blad: Leerlingen", false, std::nullopt};
    const auto j = to_json(hit);
    const auto keys = keys_of(j);
    EXPECT_EQ(std::vector<std::string>(keys.end() - 5, keys.end()), (std::vector<std::string>{"score", "snippet", "page", "part", "ocr"}));
    EXPECT_EQ(j["score"], -3.5);
    EXPECT_EQ(j["page"], 4);
    EXPECT_EQ(j["part"], "blad: Leerlingen");
    EXPECT_EQ(j["ocr"], false);
    EXPECT_EQ(j["snippet"], "over verzuim melden");
}

TEST(Json, ReportsCountWhatTheDesignNames) {
    FetchReport fetch;
    fetch.downloaded = 3;
    fetch.not_modified = 2;
    fetch.failed = {{9, "https://example.test/x.pdf", "HTTP 404"}};
    const auto f = to_json(fetch);
    EXPECT_EQ(f["downloaded"], 3);
    EXPECT_EQ(f["not_modified"], 2);
    EXPECT_EQ(f["merged"], 0);
    EXPECT_EQ(f["failed"], nlohmann::ordered_json::parse(R"([{"id":9,"url":"https://example.test/x.pdf","error":"HTTP 404"}])"));
    EXPECT_EQ(to_json(ThemeSummary{"Thuiszitters", 12, 14}), nlohmann::ordered_json::parse(R"({"name":"Thuiszitters","documents":12,"entries":14})"));
}
