#pragma once

#include <string_view>

namespace kennis {

// The entry point `name` of one of kennis's modules (such as "kennis-pdf.so"): the parts that need
// large libraries, loaded on first use from the folder they are installed in beside the
// executable. Error naming the module's file when it cannot be loaded.
void* module_entry(std::string_view module, const char* name);

} // namespace kennis
