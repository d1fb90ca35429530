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

// The numbers a title names that are not part of a date, in their order: "Modelbrief 2 …" and
// "Verzuim deel 2" say "2", which sets them apart from "Modelbrief 1" and "Verzuim deel 3" however
// alike the rest of their titles. A number in brackets at the end ("Stappenplan (2)") marks a copy,
// not a part, and does not count. Empty when the title names none.
std::string series_numbers(std::string_view title);

} // namespace kennis
