A stand-in Kennisbank on 127.0.0.1 whose documents 3 to 7 are a Word file, an Excel file, a scan
with no text layer, a Word 97 file and an Excel 97 file, all served as application/octet-stream:

  $ kennis_test_server --port-file port --office yes --lifetime 60 &
  $ URL=http://127.0.0.1:$(await-port port)
  $ kennis --home lib sync --source $URL/kennisbank --fetch -q

Their types come from their bytes, and their words are found, each in its part: the page Word
marked, the sheet, the scanned page read by OCR:

  $ for d in 3 4 5 6 7; do kennis --home lib show $d --format json | jq -r '.mime'; done
  application/vnd.openxmlformats-officedocument.wordprocessingml.document
  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
  application/pdf
  application/msword
  application/vnd.ms-excel
  $ kennis --home lib search kwalificatieplichtig --format json | jq -c '.[] | select(.id == 3) | {id, page, part, ocr}'
  {"id":3,"page":2,"part":null,"ocr":false}
  $ kennis --home lib search zwaluwschool --format json | jq -c '.[] | {id, page, part, ocr}'
  {"id":4,"page":2,"part":"blad: Leerlingen","ocr":false}
  $ kennis --home lib search zwaluwschool | grep -c 'blad: Leerlingen'
  1
  $ kennis --home lib search waarschuwing --format json | jq -c '.[] | {id, page, ocr}'
  {"id":5,"page":1,"ocr":true}
  $ kennis --home lib search meerderjarig --format json | jq -c '.[] | {id, page, part}'
  {"id":6,"page":1,"part":null}
  $ kennis --home lib search eikenhorst --format json | jq -c '.[] | {id, page, part}'
  {"id":7,"page":2,"part":"blad: Scholen"}

stats says how the text was read; reindex reads the files again, and a fetch of the same bytes
reads nothing again:

  $ kennis --home lib stats --format json | jq -c '.text.documents'
  {"text_layer":120,"ocr":1,"unreadable":0}
  $ kennis --home lib reindex 4
  1 stored files read again: 1 with text, 0 of them without before
  $ kennis --home lib fetch --all -q; kennis --home lib stats --format json | jq -c '.text.pages.ocr'
  1
  $ kill %1
