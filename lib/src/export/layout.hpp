#pragma once

#include "kennis/document.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// Where documents go inside an export: a template of folders and a file name made of fields,
// "{theme}/{title}{ext}". A field with several values ({theme}, {tag}) gives one path per value;
// a folder that is just {tag} nests by the tag's levels (regio/zaanstad). Every component is
// made safe for Windows clients; names that collide are sorted out by the caller.
class PathTemplate {
public:
    // Throws UsageError for an unknown field, an unclosed brace, an empty folder or "..".
    explicit PathTemplate(std::string_view text);

    // The template of a --by layout: theme, tag, type or flat.
    static PathTemplate for_layout(std::string_view by);

    // The relative paths of a document, components joined with '/', without repeats. A long
    // file name is shortened (keeping its extension) so that the path fits `max_path_bytes`.
    std::vector<std::string> paths(const Document& document, std::string_view extension, std::size_t max_path_bytes) const;

private:
    struct Token {
        bool field = false;
        std::string text; // literal text, or the field's name
    };
    std::vector<std::vector<Token>> m_segments;
};

// The extension an exported file gets, with its dot: from the type of its bytes; none for a type
// without one.
std::string export_extension(const Document& document);

} // namespace kennis
