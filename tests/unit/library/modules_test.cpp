#include "fetch/http_client.hpp"
#include "kennis/error.hpp"
#include "kennis/version.hpp"
#include "library/modules.hpp"
#include "extract/pdf_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>

using namespace kennis;

namespace {

// Why loading `module` failed, and what to do about it; empty when it loaded.
std::string refusal(std::string_view module) {
    try {
        module_entry(module, pdf_module::entry_point);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::failure);
        return fmt::format("{}\nhint: {}", e.what(), e.hint());
    }
    return {};
}

} // namespace

TEST(Modules, KennissOwnAreFoundBesideTheProgram) {
    EXPECT_NE(module_entry("kennis-pdf.so", pdf_module::entry_point), nullptr);
    EXPECT_NE(module_entry("kennis-http.so", http_module::entry_point), nullptr);
}

TEST(Modules, OneOfAnotherKennisIsRefusedWithBothVersions) {
    // Built for the tests with version 0.0.0-old, where kennis looks for its modules.
    const std::string why = refusal("kennis-test-old.so");
    EXPECT_NE(why.find(fmt::format("kennis-test-old.so is from kennis 0.0.0-old, and this is kennis {}", version())), std::string::npos)
        << why;
    EXPECT_NE(why.find("hint: install kennis again"), std::string::npos) << why;
}

TEST(Modules, AMissingOneIsNamed) {
    const std::string why = refusal("kennis-missing.so");
    EXPECT_NE(why.find("kennis-missing.so: cannot open shared object file"), std::string::npos) << why;
}
