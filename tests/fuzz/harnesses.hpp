#pragma once

#include <string>
#include <string_view>
#include <vector>

// The fuzz targets, as plain functions: libFuzzer drives them in `make fuzz`, and the unit suite
// runs them over the seed corpus and every input a fuzzer once crashed on (tests/fuzz/regressions).
// Each returns normally for any input; a broken promise aborts, so the fuzzer keeps the input.
namespace kennis::fuzz {

using Harness = void (*)(std::string_view input);

struct Target {
    const char* name;
    Harness run;
};

const std::vector<Target>& targets();

// Starting inputs for each target, from the real listing: the seed page in the markups the
// Downloadcentrum uses, the built-in snapshot, its titles, and queries people type.
std::vector<std::string> seed_corpus(std::string_view target);

} // namespace kennis::fuzz
