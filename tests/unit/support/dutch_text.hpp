#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace kennis::test {

// Paragraphs in the field's Dutch, without accents or parentheses (make_pdf's Helvetica text),
// for documents with text that searches can tell apart: each document gets two of them.
inline constexpr std::array<const char*, 12> dutch_paragraphs{
    "De leerplichtambtenaar spreekt eerst met de ouders en de leerling. Bij ongeoorloofd verzuim volgt een gesprek op "
    "school, en pas daarna een proces-verbaal. De methodische aanpak schoolverzuim, kortweg MAS, geeft daarvoor de stappen.",
    "Thuiszitters zijn jongeren die langer dan vier weken niet naar school gaan zonder vrijstelling. Het "
    "samenwerkingsverband zoekt samen met de gemeente en de ouders binnen drie maanden een passende plek.",
    "Voortijdig schoolverlaten betekent dat een jongere zonder startkwalificatie het onderwijs verlaat. De regionale "
    "meld- en coordinatiefunctie volgt deze jongeren tot hun drieentwintigste jaar.",
    "Een vrijstelling van de leerplicht wordt alleen verleend op grond van de wet. De leerplichtambtenaren controleren of "
    "de verklaring van de arts of de psycholoog volledig is, en leggen het besluit vast in de registratie.",
    "Handreikingen voor scholen beschrijven hoe verzuim wordt gemeld bij DUO. Een melding volgt na zestien uur afwezigheid "
    "in vier weken; luxeverzuim wordt altijd gemeld, ook als het om een enkele dag gaat.",
    "Het RMC-jaarverslag telt de nieuwe voortijdig schoolverlaters per regio. Gemeenten gebruiken die cijfers om hun "
    "aanpak te richten op jongeren zonder werk, zonder school en zonder uitkering.",
    "Zorg en onderwijs werken samen in het zorgadviesteam. De jeugdarts ziet leerlingen met veel ziekteverzuim, zodat "
    "ziekte en verzuim niet door elkaar lopen en de leerling snel terug naar school kan.",
    "Het mbo heeft een eigen verzuimprotocol. Studenten boven de achttien vallen onder de kwalificatieplicht tot hun "
    "startkwalificatie; de school meldt hen bij het regionaal meld- en coordinatiepunt.",
    "Ouders die hun kind zonder geldige reden thuishouden krijgen een waarschuwing. Bij herhaling maakt de "
    "leerplichtambtenaar een proces-verbaal op en beslist de officier van justitie over een boete of een taakstraf.",
    "De aanpak van thuiszitten vraagt om maatwerk: een deeltijdrooster, onderwijs op een andere plek of een combinatie "
    "van zorg en onderwijs. Het ontwikkelingsperspectief legt vast welke ondersteuning een leerling krijgt.",
    "Gegevens over leerlingen worden alleen gedeeld als dat nodig is. De algemene verordening gegevensbescherming vraagt "
    "dat de school vastlegt waarom, met wie en hoe lang gegevens worden bewaard.",
    "In het primair onderwijs meldt de directeur het verzuim; in het voortgezet onderwijs doet de verzuimcoordinator dat. "
    "Beide registreren aanwezigheid per lesuur of per dagdeel in het leerlingvolgsysteem.",
};

// A paragraph in lines of at most 80 characters, broken at spaces.
inline std::string wrapped(const std::string& paragraph) {
    std::string out, line;
    for (std::size_t at = 0; at <= paragraph.size();) {
        const std::size_t space = std::min(paragraph.find(' ', at), paragraph.size());
        const std::string word = paragraph.substr(at, space - at);
        if (!line.empty() && line.size() + 1 + word.size() > 80) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        at = space + 1;
    }
    return out + line;
}

// The text pages of document `n`: two paragraphs that differ from document to document.
inline std::vector<std::string> dutch_pages(std::size_t n) {
    return {wrapped(dutch_paragraphs[n % dutch_paragraphs.size()]), wrapped(dutch_paragraphs[(n * 5 + 3) % dutch_paragraphs.size()])};
}

} // namespace kennis::test
