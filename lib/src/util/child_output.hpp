#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace kennis {

// What a program wrote to its standard output, run with nothing on its input and its errors
// discarded: `complete` when it exited 0 within `limit` having written at most `max_bytes`;
// otherwise it is killed and `why` says what happened.
struct ChildOutput {
    std::string out;
    bool complete = false;
    std::string why;
};

ChildOutput run_for_output(const std::vector<std::string>& argv, std::chrono::milliseconds limit, std::size_t max_bytes);

} // namespace kennis
