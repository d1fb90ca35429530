#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kennis {

// What a title says about its document. A field the title does not state stays empty.
struct TitleMetadata {
    std::optional<std::string> type;
    std::optional<std::string> publisher;
    std::optional<std::string> date;   // "2020", "2020-08" or "2021-01-14"
    std::optional<std::string> period; // "2018-2019"
    std::optional<std::string> level;  // "PO", "VO", "(V)SO", "MBO", comma separated when several

    bool operator==(const TitleMetadata&) const = default;
};

TitleMetadata parse_title_metadata(std::string_view title);

// What stays of a title's key without its dates, years, day numbers and the words "versie" and
// "editie": "Handboek Leerplicht versie augustus 2020" and "… versie augustus 2024" share it, so
// dated documents with one series key are editions of one publication. Empty when nothing stays.
std::string series_key(std::string_view title);

} // namespace kennis
