#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace kennis {

// SHA-256 computed piece by piece while bytes stream past (Nettle: as quick as OpenSSL with the
// processor's SHA instructions, and a program that loads OpenSSL's libcrypto starts 2 ms later).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    std::string hex_digest(); // lower-case hex; the object cannot be updated afterwards

private:
    struct Ctx;
    std::unique_ptr<Ctx> m_ctx;
};

std::string sha256_hex(std::string_view bytes);

// The SHA-256 of a whole file, read in pieces; throws std::system_error when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

} // namespace kennis
