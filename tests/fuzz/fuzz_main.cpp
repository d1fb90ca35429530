// One libFuzzer target; KENNIS_FUZZ_TARGET names which harness (see harnesses.cpp).
#include "harnesses.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

kennis::fuzz::Harness harness() {
    for (const auto& t : kennis::fuzz::targets())
        if (std::strcmp(t.name, KENNIS_FUZZ_TARGET) == 0)
            return t.run;
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kennis::fuzz::Harness run = harness();
    run(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
