#include "harnesses.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

using namespace kennis;

// The fuzz harnesses' promises hold for the seed corpus and for every input a fuzzer once broke
// them with (kept in tests/fuzz/regressions/TARGET/). A broken promise aborts the test binary.
TEST(FuzzRegressions, EveryTargetKeepsItsPromisesOnTheSeedsAndPastCrashes) {
    for (const auto& t : fuzz::targets()) {
        const auto seeds = fuzz::seed_corpus(t.name);
        EXPECT_FALSE(seeds.empty()) << t.name;
        for (const auto& input : seeds)
            t.run(input);
        const auto kept = test::source_dir() / "tests/fuzz/regressions" / t.name;
        if (!std::filesystem::exists(kept))
            continue;
        for (const auto& file : std::filesystem::directory_iterator(kept)) {
            SCOPED_TRACE(file.path().string());
            t.run(test::read_file(file.path()));
        }
    }
}
