#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace kennis {

// What a downloaded file is, decided from its bytes (the server's word and the address only tell
// apart Office files whose bytes leave it open), and whether kennis keeps it.
struct DocumentType {
    std::string mime;
    // Why kennis does not keep it ("a Windows program"); empty for a document.
    std::string refusal;
    // An Office or OpenDocument file that carries macros: kept, but exported only when allowed.
    bool macros = false;
};

// The types kennis keeps: PDF, Office Open XML and OpenDocument (their zip contents checked), the
// old OLE Office formats, RTF, plain text and CSV, PNG and JPEG.
std::span<const std::string_view> document_mimes();

// `head_mime` is what the first bytes, the Content-Type and the URL suggested (sniff_mime).
// Types in `allowed` (MIME types an administrator added) are kept even when they are no document.
DocumentType document_type(const std::filesystem::path& file, std::string_view head_mime,
                           std::span<const std::string> allowed = {});

// Why text that was sent for a document is a script ("a script", "an HTML application (a Windows
// program)"), or empty: a file meant to be run says so in its first line or in the calls it makes,
// which no letter or list of addresses does.
std::string script_in(std::string_view text);

} // namespace kennis
