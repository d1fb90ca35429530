#pragma once

#include <libxml/tree.h>
#include <memory>

namespace kennis {

struct XmlDocFree {
    void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};
// A parsed XML or HTML document, freed with it.
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

} // namespace kennis
