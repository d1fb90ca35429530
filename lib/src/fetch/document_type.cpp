#include "fetch/document_type.hpp"

#include "util/unicode.hpp"
#include "util/unique_fd.hpp"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <array>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <vector>

namespace kennis {
namespace {

constexpr std::string_view docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
constexpr std::string_view docm = "application/vnd.ms-word.document.macroEnabled.12";
constexpr std::string_view xlsm = "application/vnd.ms-excel.sheet.macroEnabled.12";
constexpr std::string_view pptm = "application/vnd.ms-powerpoint.presentation.macroEnabled.12";

constexpr std::array<std::string_view, 18> document_types{
    "application/pdf",
    docx, xlsx, pptx, docm, xlsm, pptm,
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.oasis.opendocument.graphics",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/rtf",
    "text/plain",
    "image/png",
    "image/jpeg",
};

// A zip with more entries than this is no document kennis expects, and listing it is bounded.
constexpr int max_zip_entries = 10000;

std::string read_head(const std::filesystem::path& file, std::size_t bytes) {
    const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    std::string out(bytes, '\0');
    const ssize_t n = fd ? ::pread(fd.get(), out.data(), bytes, 0) : -1;
    out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return out;
}

bool starts(std::string_view head, std::string_view magic) { return head.starts_with(magic); }

DocumentType kept(std::string_view mime, bool macros = false) { return {std::string(mime), {}, macros}; }
DocumentType refused(std::string_view mime, std::string why) { return {std::string(mime), std::move(why), false}; }

// What a zip holds: Office Open XML and OpenDocument are zips with a known first part; anything
// else (a program zipped, a Java archive) is not a document.
DocumentType zip_type(const std::filesystem::path& file) {
    std::unique_ptr<archive, decltype(&archive_read_free)> zip(archive_read_new(), archive_read_free);
    archive_read_support_format_zip(zip.get());
    if (archive_read_open_filename(zip.get(), file.c_str(), 64 * 1024) != ARCHIVE_OK)
        return refused("application/zip", "a damaged zip file");
    bool content_types = false, word = false, excel = false, powerpoint = false, vba = false;
    bool manifest = false, odf_basic = false, java = false;
    std::string odf_mime;
    archive_entry* entry = nullptr;
    int entries = 0;
    for (int rc; (rc = archive_read_next_header(zip.get(), &entry)) != ARCHIVE_EOF;) {
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
            return refused("application/zip", "a damaged zip file");
        if (++entries > max_zip_entries)
            return refused("application/zip", "a zip file of more than 10000 parts");
        const char* raw = archive_entry_pathname(entry);
        const std::string name = raw ? raw : "";
        const std::string low = unicode::lower_ascii(name);
        content_types |= name == "[Content_Types].xml";
        word |= name.starts_with("word/");
        excel |= name.starts_with("xl/");
        powerpoint |= name.starts_with("ppt/");
        vba |= low.ends_with("vbaproject.bin");
        manifest |= name == "META-INF/manifest.xml";
        odf_basic |= name.starts_with("Basic/") || name.starts_with("Scripts/");
        java |= low.ends_with(".class") || name == "META-INF/MANIFEST.MF";
        if (name == "mimetype" && entries == 1) {
            char buffer[128];
            const la_ssize_t n = archive_read_data(zip.get(), buffer, sizeof buffer);
            if (n > 0)
                odf_mime.assign(buffer, static_cast<std::size_t>(n));
        }
    }
    if (content_types && (word || excel || powerpoint)) {
        DocumentType t;
        t.macros = vba;
        t.mime = std::string(word ? (vba ? docm : docx) : excel ? (vba ? xlsm : xlsx) : (vba ? pptm : pptx));
        return t;
    }
    if (odf_mime.starts_with("application/vnd.oasis.opendocument.") && manifest) {
        const bool known = std::find(document_types.begin(), document_types.end(), odf_mime) != document_types.end();
        return {odf_mime, known ? "" : "an OpenDocument type that is not a document", odf_basic};
    }
    if (java)
        return refused("application/java-archive", "a Java program");
    return refused("application/zip", "a zip file that is not an Office or OpenDocument file");
}

// An OLE compound file is a Word, Excel or PowerPoint file when it holds their main stream;
// installers (.msi) and other OLE files are not documents. Stream names are UTF-16 in the file's
// directory, which may lie anywhere in it: the whole file is looked through.
DocumentType ole_type(const std::filesystem::path& file) {
    const auto utf16 = [](std::string_view ascii) {
        std::string out;
        for (char c : ascii) {
            out += c;
            out += '\0';
        }
        return out;
    };
    const std::array<std::string, 6> names{utf16("WordDocument"), utf16("Workbook"), utf16("Book"),
                                           utf16("PowerPoint Document"), utf16("_VBA_PROJECT"), utf16("Macros")};
    std::array<bool, 6> found{};
    const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    std::string window;
    std::string buffer(1 << 20, '\0');
    constexpr std::size_t keep = 64; // longer than every name, so none is missed across two reads
    for (ssize_t n; fd && (n = ::read(fd.get(), buffer.data(), buffer.size())) > 0;) {
        window.append(buffer.data(), static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < names.size(); ++i)
            found[i] = found[i] || window.find(names[i]) != std::string::npos;
        window.erase(0, window.size() > keep ? window.size() - keep : 0);
    }
    const bool macros = found[4] || found[5];
    if (found[0])
        return kept("application/msword", macros);
    if (found[1] || found[2])
        return kept("application/vnd.ms-excel", macros);
    if (found[3])
        return kept("application/vnd.ms-powerpoint", macros);
    return refused("application/x-ole-storage", "an installer or another file that is not an Office document");
}

} // namespace

std::string script_in(std::string_view text) {
    const std::string low = unicode::lower_ascii(text.substr(0, 64 * 1024));
    std::size_t start = low.starts_with("\xef\xbb\xbf") ? 3 : 0;
    while (start < low.size() && std::isspace(static_cast<unsigned char>(low[start])))
        ++start;
    const std::string_view first(std::string_view(low).substr(start));
    for (std::string_view opener : {"#!", "@echo", "echo off", "rem ", "::", "<job", "<package", "<script", "option explicit",
                                    "param(", "[cmdletbinding"})
        if (first.starts_with(opener))
            return "a script";
    if (low.find("<hta:application") != std::string::npos)
        return "an HTML application (a Windows program)";
    for (std::string_view call : {"wscript.", "createobject(", "powershell", "cmd.exe", "cmd /c", "invoke-expression",
                                  "start-process", "shell.application"})
        if (low.find(call) != std::string::npos)
            return "a script";
    return {};
}

namespace {

DocumentType from_bytes(const std::filesystem::path& file, std::string_view head_mime) {
    const std::string head = read_head(file, 64 * 1024);
    if (starts(head, "%PDF-"))
        return kept("application/pdf");
    if (starts(head, "PK\x03\x04"))
        return zip_type(file);
    if (starts(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return ole_type(file);
    if (starts(head, "{\\rtf"))
        return kept("application/rtf");
    if (starts(head, "\x89PNG\r\n\x1a\n"))
        return kept("image/png");
    if (starts(head, "\xFF\xD8\xFF"))
        return kept("image/jpeg");
    if (starts(head, "MZ"))
        return refused("application/x-msdownload", "a Windows program");
    if (starts(head, "\x7F" "ELF"))
        return refused("application/x-executable", "a Linux program");
    for (std::string_view magic : {"\xFE\xED\xFA\xCE", "\xFE\xED\xFA\xCF", "\xCE\xFA\xED\xFE", "\xCF\xFA\xED\xFE", "\xCA\xFE\xBA\xBE"})
        if (starts(head, magic))
            return refused("application/x-mach-binary", "a macOS program");
    if (starts(head, std::string_view("L\0\0\0\x01\x14\x02\0", 8)))
        return refused("application/x-ms-shortcut", "a Windows shortcut (.lnk)");
    if (unicode::lower_ascii(head.substr(0, 32)).find("[internetshortcut]") != std::string::npos)
        return refused("application/x-mswinurl", "an Internet shortcut (.url)");
    for (std::string_view magic : {"7z\xBC\xAF\x27\x1C", "Rar!\x1A\x07", "\x1F\x8B", "BZh", "\xFD" "7zXZ", "MSCF", "xar!"})
        if (starts(head, magic))
            return refused("application/octet-stream", "a compressed archive, not a document");
    if ((head.size() > 0x8006 && head.compare(0x8001, 5, "CD001") == 0) || starts(head, "conectix") || starts(head, "vhdxfile") ||
        starts(head, "KDM") || starts(head, "QFI\xFB"))
        return refused("application/x-iso9660-image", "a disk image");
    if (head_mime == "text/html") {
        if (const auto why = script_in(head); !why.empty())
            return refused("application/hta", why);
        return refused("text/html", "a web page, not a document");
    }
    if (head_mime == "text/plain") {
        if (const auto why = script_in(head); !why.empty())
            return refused("text/x-script", why);
        return kept("text/plain");
    }
    return refused(head_mime, "a file of a type that is not a document");
}

} // namespace

std::span<const std::string_view> document_mimes() { return document_types; }

DocumentType document_type(const std::filesystem::path& file, std::string_view head_mime, std::span<const std::string> allowed) {
    DocumentType type = from_bytes(file, head_mime);
    if (!type.refusal.empty() && std::find(allowed.begin(), allowed.end(), type.mime) != allowed.end())
        type.refusal.clear();
    return type;
}

} // namespace kennis
