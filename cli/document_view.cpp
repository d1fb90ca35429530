#include "document_view.hpp"

namespace kennis::cli {

const std::vector<Column>& document_columns() {
    static const std::vector<Column> columns{
        {"ID", "id"}, {"TITLE", "title", true}, {"TYPE", "type"}, {"DATE", "date"}, {"THEMES", "themes"}};
    return columns;
}

const std::vector<std::string>& document_fields() {
    static const std::vector<std::string> fields{"id",        "slug",   "title", "aliases", "themes", "tags",
                                                 "urls",      "status", "type",  "publisher", "date", "period",
                                                 "level",     "sha256", "size",  "mime",    "path"};
    return fields;
}

} // namespace kennis::cli
