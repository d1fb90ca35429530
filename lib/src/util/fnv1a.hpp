#pragma once

#include <cstdint>
#include <string_view>

namespace kennis {

// FNV-1a: a quick hash of short strings (words), not for anything an attacker may choose to
// collide where that would matter.
constexpr std::uint32_t fnv1a_32(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

constexpr std::uint64_t fnv1a_64(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace kennis
