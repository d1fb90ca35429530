// The Snowball Dutch stemmer, as the catalogue's search index stems every word (libstemmer's
// "dutch"), so that a query typed on the share finds the word forms `kennis search` finds. It
// takes a word already folded (lower case, accents removed) and returns its stem.
var kennisZoek = window.kennisZoek || (window.kennisZoek = {});
(function (K) {
  'use strict';
  var isVowel = function (c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === '\u00e8'; };
  var accents = { '\u00e4': 'a', '\u00e1': 'a', '\u00eb': 'e', '\u00e9': 'e', '\u00ef': 'i', '\u00ed': 'i',
                  '\u00f6': 'o', '\u00f3': 'o', '\u00fc': 'u', '\u00fa': 'u' };

  K.stem = function (word) {
    var s = Array.from(word, function (c) { return accents[c] || c; });
    // An initial y, a y after a vowel and an i between vowels are consonants: marked upper case.
    if (s[0] === 'y') s[0] = 'Y';
    for (var c = 0; ;) {
      while (c < s.length && !isVowel(s[c])) c++;
      if (c++ >= s.length) break;
      if (s[c] === 'i') {
        if (c + 1 < s.length && isVowel(s[c + 1])) s[c] = 'I';
        c++;
      } else if (s[c] === 'y') {
        s[c++] = 'Y';
      }
    }
    // R1 starts after the first non-vowel that follows a vowel, but not within the first three
    // bytes of the word in UTF-8 (libstemmer counts bytes there); R2 after the next such non-vowel.
    var n = s.length;
    var after = function (from) {
      var i = from;
      while (i < n && !isVowel(s[i])) i++;
      while (i < n && isVowel(s[i])) i++;
      return i < n ? i + 1 : n;
    };
    var p1 = after(0);
    var p2 = p1 < n ? after(p1) : n;
    for (var i = 0, bytes = 0; i < n && bytes < 3; i++) {
      var code = s[i].codePointAt(0);
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (bytes >= 3 && p1 < i + 1) p1 = i + 1;
    }
    if (p1 < 3 && n < 3) p1 = 3;

    var ends = function (suffix) {
      if (suffix.length > s.length) return false;
      for (var i = 0; i < suffix.length; i++) if (s[s.length - suffix.length + i] !== suffix[i]) return false;
      return true;
    };
    var cut = function (k) { s.length = s.length - k; };
    var before = function (suffix) { return s[s.length - suffix.length - 1]; }; // the letter before it
    var undouble = function () { if (ends('kk') || ends('dd') || ends('tt')) cut(1); };
    var enEnding = function (suffix) {
      var at = s.length - suffix.length;
      var c = s[at - 1];
      if (at >= p1 && c !== undefined && !isVowel(c) && !(at >= 3 && s[at - 3] === 'g' && s[at - 2] === 'e' && s[at - 1] === 'm')) {
        cut(suffix.length);
        undouble();
        return true;
      }
      return false;
    };
    var eFound = false;
    var eEnding = function () {
      eFound = false;
      var at = s.length - 1;
      if (ends('e') && at >= p1 && s[at - 1] !== undefined && !isVowel(s[at - 1])) {
        cut(1);
        eFound = true;
        undouble();
      }
    };

    if (ends('heden')) {
      if (s.length - 5 >= p1) { cut(5); s.push('h', 'e', 'i', 'd'); }
    } else if (ends('ene')) enEnding('ene');
    else if (ends('en')) enEnding('en');
    else if (ends('se')) {
      if (s.length - 2 >= p1 && before('se') !== undefined && !isVowel(before('se')) && before('se') !== 'j') cut(2);
    } else if (ends('s')) {
      if (s.length - 1 >= p1 && before('s') !== undefined && !isVowel(before('s')) && before('s') !== 'j') cut(1);
    }
    eEnding();
    if (ends('heid') && s.length - 4 >= p2 && before('heid') !== 'c') {
      cut(4);
      if (ends('en')) enEnding('en');
    }
    var at;
    if (ends('end') || ends('ing')) {
      if (s.length - 3 >= p2) {
        cut(3);
        if (ends('ig') && s.length - 2 >= p2 && before('ig') !== 'e') cut(2);
        else undouble();
      }
    } else if (ends('ig')) {
      if (s.length - 2 >= p2 && before('ig') !== 'e') cut(2);
    } else if (ends('lijk')) {
      if (s.length - 4 >= p2) { cut(4); eEnding(); }
    } else if (ends('baar')) {
      if (s.length - 4 >= p2) cut(4);
    } else if (ends('bar')) {
      if (s.length - 3 >= p2 && eFound) cut(3);
    }
    // A doubled vowel between two non-vowels at the end is made single: "maan" gives "man".
    at = s.length;
    if (at >= 4 && !isVowel(s[at - 1]) && s[at - 1] !== 'I' && !isVowel(s[at - 4]) &&
        s[at - 2] === s[at - 3] && (s[at - 2] === 'a' || s[at - 2] === 'e' || s[at - 2] === 'o' || s[at - 2] === 'u')) {
      s.splice(at - 2, 1);
    }
    return s.join('').replace(/Y/g, 'y').replace(/I/g, 'i');
  };
})(kennisZoek);
