#include "kennis/tags.hpp"

#include "kennis/error.hpp"
#include "unicode.hpp"
#include "words.hpp"

#include <fmt/format.h>

namespace kennis {

std::string normalize_tag(std::string_view tag) {
    const std::string folded = unicode::casefold(tag);
    std::string out;
    std::size_t start = 0;
    while (start <= folded.size()) {
        auto slash = folded.find('/', start);
        if (slash == std::string::npos)
            slash = folded.size();
        const std::string level = collapse_spaces(std::string_view(folded).substr(start, slash - start));
        if (!level.empty())
            out += (out.empty() ? "" : "/") + level;
        start = slash + 1;
    }
    if (out.empty())
        throw UsageError(fmt::format("'{}' is not a tag: a tag needs at least one letter or digit", tag));
    return out;
}

} // namespace kennis
