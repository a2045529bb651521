"""django-import-export's formats, named in the settings and imported on first use.

`import_export.formats.base_formats` imports tablib and openpyxl (with numpy when it is
installed): about half a second that every process paid at start-up, from the
settings, though only the admin's import and export pages use the formats.
"""

from __future__ import annotations

from collections.abc import Sequence


class ImportExportFormats(Sequence):
    """A list of format classes of `import_export.formats.base_formats`, by name."""

    def __init__(self, *names: str):
        self.names = names

    def _classes(self) -> list[type]:
        from import_export.formats import base_formats

        return [getattr(base_formats, name) for name in self.names]

    def __getitem__(self, index):
        return self._classes()[index]

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return f"ImportExportFormats{self.names!r}"
