"""Excel import and export of the data a province brings in on its first day: units,
people, staff roles and years of the award register; and, each year, a unit's list of
nominations.

- `reader`: reads an uploaded xlsx fast (python-calamine) and refuses what is unsafe.
- `columns`: how a cell is read (text, choice, year, date, a unit by code or name).
- `kinds`: one `SheetKind` per kind of data: its columns, its checks, how it writes and
  how it exports, so an export reads back unchanged. The award register's kind lives in
  awards/sheets.py and a unit's yearly nominations in awards/nomination_sheet.py (data
  flows units ← awards). The standing office imports the first kinds for its body; a
  unit's staff import its nominations for their unit (`SheetKind.imported_by`).
- `services`: the import's life: upload → check (preview) → confirm → write all or
  nothing → revert, each step recorded on an `ImportRecord`.
"""
