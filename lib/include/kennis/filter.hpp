#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

// The document filters shared by list, search, tag and export. Several values of one kind match
// any of them; different kinds must all match.
struct Filter {
    std::vector<std::string> themes; // name, case- and accent-insensitive, or a unique prefix
    std::vector<std::string> tags;   // a tag also matches its children: regio matches regio/zaanstad
    std::optional<std::string> type; // Handreiking, Handboek, … (any case)
    std::optional<int> year;         // the date's year, or a year inside the period
    std::optional<std::string> level; // PO, VO, (V)SO or MBO
    std::string status = "active";    // active, withdrawn or all
    bool latest = false;              // leave out documents of which a newer active edition exists
    std::optional<std::size_t> limit;
};

} // namespace kennis
