"""Legacy and OpenDocument formats: .doc/.wps/.xls/.et/.rtf/.odt/.ods converted with LibreOffice; OFD text read from its XML.

LibreOffice is optional: without it, the error names the tool to install. Conversion runs headless in
a private temp dir with its own user profile (so it works while another LibreOffice is open) and a
timeout.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

CONVERT_TIMEOUT_S = 120

# kind -> (what it is, extension LibreOffice should see, target format)
LEGACY_KINDS = {
    "ole-word": ("a legacy Word/WPS file (.doc/.wps)", ".doc", "docx"),
    "ole-excel": ("a legacy Excel/WPS spreadsheet (.xls/.et)", ".xls", "html"),
    "rtf": ("an RTF document", ".rtf", "docx"),
    "odf-text": ("an OpenDocument text (.odt)", ".odt", "docx"),
    "odf-sheet": ("an OpenDocument spreadsheet (.ods)", ".ods", "html"),
}


class LegacyError(ValueError):
    """Conversion impossible or failed (message is user-facing)."""


@dataclass
class Converted:
    path: Path  # the converted file (inside `tmpdir`)
    target: str  # "docx" | "html"
    tmpdir: tempfile.TemporaryDirectory[str]


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run_killable(cmd: list[str], timeout: float) -> tuple[int, bytes]:
    """Run `cmd` in its own process group; on timeout kill the whole group (soffice forks soffice.bin)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return proc.returncode, stderr


def convert_with_soffice(data: bytes, kind: str) -> Converted:
    """Convert legacy bytes to DOCX (documents) or HTML (spreadsheets: every sheet as a table)."""
    what, ext, target = LEGACY_KINDS[kind]
    soffice = find_soffice()
    if soffice is None:
        raise LegacyError(f"{what}; install LibreOffice (soffice) to convert it")
    tmp = tempfile.TemporaryDirectory(prefix="govie-convert-")
    src = Path(tmp.name) / f"input{ext}"
    src.write_bytes(data)
    out_dir = Path(tmp.name) / "out"
    profile = (Path(tmp.name) / "profile").as_uri()
    filter_name = "docx:MS Word 2007 XML" if target == "docx" else "html"
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
           "--convert-to", filter_name, "--outdir", str(out_dir), str(src)]
    try:
        returncode, stderr = _run_killable(cmd, CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        tmp.cleanup()
        raise LegacyError(f"{what}; LibreOffice did not convert it within {CONVERT_TIMEOUT_S} s") from exc
    except OSError as exc:
        tmp.cleanup()
        raise LegacyError(f"{what}; running LibreOffice failed ({exc})") from exc
    produced = sorted(out_dir.glob("input.*")) if out_dir.is_dir() else []
    if not produced:
        tmp.cleanup()
        err = " ".join(stderr.decode("utf-8", errors="replace").split())[:200]
        raise LegacyError(f"{what}; LibreOffice could not convert it (exit {returncode}{': ' + err if err else ''})")
    return Converted(produced[0], target, tmp)


# ---------------------------------------------------------------------------------------------------- OFD

def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def read_ofd(data: bytes) -> tuple[str, list[tuple[int, int, int]], list[str]]:
    """Text of an OFD (GB/T 33190) package: TextCode elements of each page, in reading order.

    Each TextObject is placed by its Boundary (x y w h); objects are grouped into lines by their y
    position and ordered by x, giving a plain-text rendering comparable to a PDF's. Returns
    (text, pages, warnings).
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LegacyError("damaged OFD file (not a valid ZIP package)") from exc
    with zf:
        names = zf.namelist()
        page_files = _ofd_page_order(zf, names)
        if not page_files:
            raise LegacyError("OFD file without pages; convert it to PDF with an OFD reader (e.g. 数科OFD阅读器)")
        page_texts: list[str] = []
        for name in page_files:
            try:
                root = etree.fromstring(zf.read(name))
            except (etree.XMLSyntaxError, KeyError):
                page_texts.append("")
                continue
            page_texts.append(_ofd_page_text(root))
    text = "\n".join(page_texts)
    if not any(ch.isalnum() for ch in text):
        raise LegacyError("OFD file with no text (scanned images); it needs OCR first")
    pages: list[tuple[int, int, int]] = []
    pos = 0
    for number, page_text in enumerate(page_texts, start=1):
        pages.append((pos, pos + len(page_text), number))
        pos += len(page_text) + 1
    return text, pages, ["OFD: text read from the page XML; table cells are not marked (space-separated)"]


def _ofd_page_order(zf: zipfile.ZipFile, names: list[str]) -> list[str]:
    """Page content files in document order (Document.xml's Pages list), else by name."""
    lower = {n.lower(): n for n in names}
    order: list[str] = []
    for doc_xml in [n for n in names if n.lower().endswith("document.xml")]:
        try:
            root = etree.fromstring(zf.read(doc_xml))
        except etree.XMLSyntaxError:
            continue
        base = doc_xml.rsplit("/", 1)[0] + "/" if "/" in doc_xml else ""
        for el in root.iter():
            if _local(el.tag) == "Page" and el.get("BaseLoc"):
                loc = el.get("BaseLoc", "").lstrip("/")
                for candidate in (base + loc, loc):
                    if candidate.lower() in lower:
                        order.append(lower[candidate.lower()])
                        break
    if order:
        return order
    return sorted(n for n in names if n.lower().endswith("content.xml") and "/pages/" in n.lower())


def _ofd_page_text(root: etree._Element) -> str:
    pieces: list[tuple[float, float, float, str]] = []  # (y, x, font size, text)
    for obj in root.iter():
        if _local(obj.tag) != "TextObject":
            continue
        try:
            bx, by, _bw, bh = (float(v) for v in (obj.get("Boundary") or "0 0 0 0").split()[:4])
            size = float(obj.get("Size") or bh or 3.0)
        except ValueError:
            bx, by, size = 0.0, 0.0, 3.0
        for code in obj:
            if _local(code.tag) != "TextCode" or not code.text:
                continue
            x = bx + float(code.get("X") or 0)
            y = by + float(code.get("Y") or 0)
            pieces.append((y, x, size, code.text))
    pieces.sort()
    lines: list[list[tuple[float, float, str]]] = []
    last_y: float | None = None
    for y, x, size, text in pieces:
        if last_y is None or abs(y - last_y) > max(1.0, size * 0.4):
            lines.append([])
            last_y = y
        lines[-1].append((x, size, text))
    out = []
    for line in lines:
        line.sort()
        buf = ""
        end: float | None = None
        for x, size, text in line:
            if end is not None and x - end > 0.6 * size:
                buf += " "
            buf += text
            # Estimated advance: CJK glyphs are one em wide, others about half.
            end = x + sum(size if ord(ch) > 0x2E80 else 0.5 * size for ch in text)
        out.append(buf.strip())
    return "\n".join(line for line in out if line)
