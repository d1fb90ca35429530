// Writes the seed corpus of every fuzz target into DIR/TARGET/, for `make fuzz`.
#include "harnesses.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: kennis_fuzz_corpus DIR\n";
        return 2;
    }
    for (const auto& t : kennis::fuzz::targets()) {
        const std::filesystem::path dir = std::filesystem::path(argv[1]) / t.name;
        std::filesystem::create_directories(dir);
        int n = 0;
        for (const auto& input : kennis::fuzz::seed_corpus(t.name))
            std::ofstream(dir / ("seed-" + std::to_string(++n)), std::ios::binary) << input;
    }
    return 0;
}
