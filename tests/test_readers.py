"""Tests of ie.readers: encodings, HTML, DOCX, PDF, legacy formats and bad input (all files generated here)."""

from __future__ import annotations

import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from helpers.make_docs import (
    PARA_1,
    PARA_2,
    PARA_AFTER,
    TITLE,
    make_docx,
    make_html,
    make_image_only_pdf,
    make_numbered_docx,
    make_ofd,
    make_pdf,
    make_table_pdf,
)

from ie.errors import InputError
from ie.readers import MAX_BYTES, Document, read_document
from ie.readers import legacy as legacy_mod
from ie.readers.sniff import OLE2_MAGIC

SIMPLIFIED = (
    "示例县人民政府2022年政府信息公开工作年度报告\r\n"
    "一、总体情况\r\n"
    "本年度共收到政府信息公开申请18件，均已在法定期限内答复。\r\n"
    "规章 | 0 | 0 | 0\r\n"
)
TRADITIONAL = (
    "示例縣人民政府2022年政府資訊公開工作年度報告\n"
    "一、總體情況\n"
    "本年度共收到政府信息公開申請18件，均已在法定期限內答覆。\n"
)


def _expected(text: str) -> str:
    return text.replace("\r\n", "\n")


# ---------------------------------------------------------------------------------------------- plain text

@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (SIMPLIFIED, "utf-8"),
        (SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED, "utf-16"),  # with BOM
        (SIMPLIFIED, "utf-16-le"),  # no BOM
        (SIMPLIFIED, "utf-16-be"),  # no BOM
        (SIMPLIFIED, "gbk"),
        (SIMPLIFIED, "gb18030"),
        (SIMPLIFIED + "𠀀€\n", "gb18030"),  # chars outside GBK
        (TRADITIONAL, "gbk"),  # traditional characters in a GBK file
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "cp950"),
        (TRADITIONAL, "utf-16-le"),
    ],
)
def test_text_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "report.bin"  # the extension says nothing
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.format == "txt"
    assert doc.text == _expected(text)
    assert doc.pages is None


@pytest.mark.parametrize(("text", "encoding"), [("政府信息公开", "gbk"), ("政府資訊公開", "big5"), ("申请", "gbk"),
                                                ("申請", "big5"), ("政府信息公开", "utf-16-le")])
def test_short_chinese_texts_detected(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text


def test_damaged_utf8_kept_as_utf8_with_warning(tmp_path: Path) -> None:
    good = ("本年度共收到政府信息公开申请18件。\n" * 200).encode()
    path = tmp_path / "d.txt"
    cut = good.index(b"\n", 1000) + 1  # between two lines: no character is split
    path.write_bytes(good[:cut] + b"\xff" + good[cut:])
    doc = read_document(path)
    assert doc.text.count("政府信息公开") == 200 and any("could not be decoded" in w for w in doc.warnings)


def test_mostly_ascii_gbk_not_mistaken_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_bytes(("abc 123 " * 3000 + "政府信息公开\n").encode("gbk"))
    assert read_document(path).text.endswith("政府信息公开\n")


def test_newlines_normalised_and_bom_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff第一行\r\n第二行\r第三行\n".encode())
    assert read_document(path).text == "第一行\n第二行\n第三行\n"


def test_detection_ignores_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"  # really GBK text
    path.write_bytes(SIMPLIFIED.encode("gbk"))
    doc = read_document(path)
    assert doc.format == "txt" and "政府信息公开" in doc.text


def test_large_text_file_reads_fast(tmp_path: Path) -> None:
    line = "本年度共收到政府信息公开申请18件，均已按时答复。规章 | 0 | 0 | 0\n"
    data = (line * (20 * 1024 * 1024 // len(line.encode("gb18030")) + 1)).encode("gb18030")
    assert len(data) >= 20 * 1024 * 1024
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    start = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - start
    assert doc.text.startswith(line) and doc.text.count("\n") == data.count(b"\n")
    assert elapsed < 10, f"20 MB GB18030 text took {elapsed:.1f} s"


# ---------------------------------------------------------------------------------------------------- HTML

def test_html_visible_text_tables_and_meta_charset(tmp_path: Path) -> None:
    doc = read_document(make_html(tmp_path / "page.txt", charset="gbk"))  # wrong extension on purpose
    assert doc.format == "html"
    lines = doc.text.split("\n")
    assert lines[0] == TITLE
    assert lines[1] == PARA_1  # &nbsp; indentation stripped
    assert lines[2] == PARA_2  # the source line break between two CJK chars is not a space
    assert lines[3:7] == [
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 0",
        "行政规范性文件 | 3 | 1 | 12",
        "行政许可 |  | 5 | ",  # blank cells stay blank (not 0)
    ]
    assert lines[7:] == [PARA_AFTER, "第一行", "第二行"]
    for hidden in ("脚本文字", "样式文字", "隐藏的广告", "注释文字", "门户网站", "版权所有", "政务公开"):
        assert hidden not in doc.text


def test_html_xml_declaration_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.xhtml"
    markup = '<?xml version="1.0" encoding="gb2312"?>\n<html><body><p>政府信息公开</p></body></html>'
    path.write_bytes(markup.encode("gb2312"))
    assert read_document(path).text == "政府信息公开"


@pytest.mark.parametrize("charset", ["utf-8", "gb2312", "big5"])
def test_html_charsets(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "p.html"
    body = "<html><head><meta charset='%s'></head><body><p>政府資訊公開</p><p>年度報告</p></body></html>"
    if charset == "gb2312":
        body = body.replace("資訊公開", "信息公开").replace("報", "报")
    path.write_bytes((body % charset).encode(charset))
    doc = read_document(path)
    assert doc.text.split("\n")[0] in ("政府資訊公開", "政府信息公开")
    assert len(doc.text.split("\n")) == 2


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u.html"
    path.write_bytes("<html><body><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>".encode("utf-16"))
    assert read_document(path).text == "一、总体情况\n规章 | 0"


def test_text_mentioning_a_tag_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("说明：网页中的<p>标记不影响本报告。\n第二行\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "txt" and doc.text == "说明：网页中的<p>标记不影响本报告。\n第二行\n"


def test_html_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    path = make_html(tmp_path / "p.html", charset="gbk")
    path.write_bytes(path.read_bytes().replace(b"charset=gbk", b"charset=utf-8"))
    doc = read_document(path)
    assert PARA_2 in doc.text
    assert any("does not decode" in w for w in doc.warnings)


def test_html_without_meta_is_detected(tmp_path: Path) -> None:
    doc = read_document(make_html(tmp_path / "p.htm", charset="gb18030", declare=False))
    assert PARA_2 in doc.text


def test_html_two_column_layout_table_is_not_flattened(tmp_path: Path) -> None:
    body = "".join(f"<p>第{i}段正文。</p>" for i in range(6))
    page = f"<html><body><table><tr><td>栏目导航</td><td><p>一、总体情况</p>{body}</td></tr></table></body></html>"
    path = tmp_path / "layout2.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).text.split("\n")[:3] == ["栏目导航", "一、总体情况", "第0段正文。"]


def test_html_layout_table_is_not_flattened(tmp_path: Path) -> None:
    page = (
        "<html><body><table><tr><td><p>一、总体情况</p><p>正文第一段。</p>"
        "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>"
    )
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).text == "一、总体情况\n正文第一段。\n规章 | 0"


# ---------------------------------------------------------------------------------------------------- DOCX

def test_docx_paragraphs_and_table_in_order(tmp_path: Path) -> None:
    doc = read_document(make_docx(tmp_path / "report.bin"))
    assert doc.format == "docx"
    assert doc.text.split("\n") == [
        TITLE,
        PARA_1,
        PARA_2,
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 0",
        "行政规范性文件 | 3 | 1 | 12",
        "（三）不予公开 | 1 |  | 2",  # a vertically merged cell appears once, like HTML rowspan
        "4 | 5 | 6",
        PARA_AFTER,
    ]


def test_docx_layout_table_keeps_lines(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "栏目"
    body = table.cell(0, 1)
    body.text = "一、总体情况"
    for i in range(5):
        body.add_paragraph(f"第{i}段正文。")
    path = tmp_path / "layout.docx"
    document.save(str(path))
    assert read_document(path).text.split("\n") == ["栏目", "一、总体情况"] + [f"第{i}段正文。" for i in range(5)]


def test_docx_chinese_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    doc = read_document(make_numbered_docx(tmp_path / "n.docx"))
    assert doc.text.split("\n") == ["一、总体情况", "（一）主动公开情况", "（二）依申请公开情况",
                                    "二、主动公开政府信息情况", "（一）规章"]


def test_docx_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for text in ("总体情况", "主动公开政府信息情况"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    lines = read_document(path).text.split("\n")
    assert lines == ["1.总体情况", "2.主动公开政府信息情况"]  # python-docx's template: "%1."


# ----------------------------------------------------------------------------------------------------- PDF

def test_pdf_two_pages_page_numbers(tmp_path: Path) -> None:
    pages = [["示例县2022年政府信息公开工作年度报告", "一、总体情况", "本年共收到申请 18 件"],
             ["二、主动公开政府信息情况", "规章 0 0 0"]]
    doc = read_document(make_pdf(tmp_path / "two.pdf", pages))
    assert doc.format == "pdf"
    assert doc.pages is not None and [p[2] for p in doc.pages] == [1, 2]
    for number, lines in enumerate(pages, start=1):
        start, end, _ = doc.pages[number - 1]
        assert doc.text[start:end].split("\n") == lines
        for line in lines:
            assert doc.page_of(doc.text.index(line)) == number


def test_pdf_lines_that_run_to_the_margin_are_soft_breaks(tmp_path: Path) -> None:
    from ie.normalize import normalize

    full = "本机关坚持以公开为常态不公开为例外的原则推进政务公开标准化规范化建设"  # 34 characters: the full width
    lines = ["一、总体情况", full, full, "全年主动公开政府信息一千余条。", "二、主动公开政府信息情况", full, "本年新公开规范性文件三件"]
    doc = read_document(make_pdf(tmp_path / "wrap.pdf", [lines]))
    assert doc.text.split("\n") == lines
    ends = [sum(len(x) + 1 for x in lines[:i]) + len(line) for i, line in enumerate(lines)]
    assert doc.soft_breaks == [ends[1], ends[2], ends[5]]  # the full lines, each followed by one from the left
    norm = normalize(doc.text, pdf=True, soft_breaks=doc.soft_breaks)
    assert norm.text.split("\n") == ["一、总体情况", full + full + "全年主动公开政府信息一千余条。",
                                     "二、主动公开政府信息情况", full + "本年新公开规范性文件三件"]


def test_pdf_a_sentence_goes_on_across_a_page_number(tmp_path: Path) -> None:
    from ie.normalize import normalize

    full = "本机关坚持以公开为常态不公开为例外的原则推进政务公开标准化规范化建设"
    pages = [["一、总体情况", full, full, full, "- 1 -"], ["工作成效明显。", "二、主动公开政府信息情况"]]
    doc = read_document(make_pdf(tmp_path / "pages.pdf", pages))
    norm = normalize(doc.text, pdf=True, soft_breaks=doc.soft_breaks)
    assert norm.text.split("\n") == ["一、总体情况", full * 3 + "工作成效明显。", "二、主动公开政府信息情况"]
    # a page number centred under the text (not at the left edge) is skipped too
    from ie.readers.pdf import _Line, _soft_breaks

    body = [_Line("正文" * 17, 72.0, 480.0, 12.0, 12.0) for _ in range(4)]
    flags = _soft_breaks([[*body, _Line("- 1 -", 270.0, 300.0, 6.0, 6.0)], [_Line("工作成效明显。", 72.0, 156.0, 12.0, 12.0)]])
    assert flags[0][3] is True and flags[0][4] is False
    # a bare number is no page number the normalizer drops: never glued to the text (正文…正文2)
    flags = _soft_breaks([[*body, _Line("2", 270.0, 276.0, 6.0, 6.0)], [_Line("工作成效明显。", 72.0, 156.0, 12.0, 12.0)]])
    assert flags[0][3] is False


def test_pdf_a_number_moved_down_whole_leaves_a_soft_break() -> None:
    from ie.readers.pdf import _Line, _soft_breaks

    full = [_Line("正文" * 17, 72.0, 480.0, 12.0, 12.0) for _ in range(4)]
    short = _Line("群众满意度达到", 72.0, 444.0, 12.0, 12.0)  # three glyphs short of the edge
    number = _Line("95.5%以上,促进了服务型政府建设。", 72.0, 300.0, 12.0, 30.0)  # its first run is 30 wide
    word = _Line("以上,促进了服务型政府建设。", 72.0, 250.0, 12.0, 12.0)
    assert _soft_breaks([[*full, short, number]])[0][-2] is True
    assert _soft_breaks([[*full, short, word]])[0][-2] is False  # an ideograph would have fitted: a real end


def test_pdf_ruled_table_rendered_as_rows(tmp_path: Path) -> None:
    doc = read_document(make_table_pdf(tmp_path / "table.pdf"))
    assert doc.text.split("\n") == [
        PARA_AFTER,
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 0",
        "行政规范性文件 | 3 | 1 | 12",
        "三、收到和处理政府信息公开申请情况",
    ]
    plain = read_document(tmp_path / "table.pdf", pdf_tables=False)
    assert "行政规范性文件 3 1 12" in plain.text


def test_pdf_fake_bold_not_doubled(tmp_path: Path) -> None:
    doc = read_document(make_pdf(tmp_path / "bold.pdf", [["一、总体情况", "规章 0 0 0"]], fake_bold=True))
    assert doc.text == "一、总体情况\n规章 0 0 0"


def test_pdf_blank_page_warned(tmp_path: Path) -> None:
    doc = read_document(make_pdf(tmp_path / "gap.pdf", [["一、总体情况"], [], ["二、主动公开政府信息情况"]]))
    assert doc.pages == [(0, 6, 1), (7, 7, 2), (8, 20, 3)]
    assert doc.page_of(8) == 3 and any("page(s) 2 have no text" in w for w in doc.warnings)


def test_pdf_image_only_needs_ocr(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text layer .*needs OCR"):
        read_document(make_image_only_pdf(tmp_path / "scan.pdf"))


def test_pdf_encrypted(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="encrypted PDF"):
        read_document(make_pdf(tmp_path / "locked.pdf", [["机密"]], encrypt="secret"))


def test_pdf_damaged(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(InputError, match="damaged PDF"):
        read_document(path)


@pytest.mark.parametrize("name", ["hzq2023.pdf", "hzq2024.pdf"])
def test_real_pdfs(shared_dir: Path, name: str) -> None:
    doc = read_document(shared_dir / "real" / name)
    assert doc.format == "pdf" and doc.pages and len(doc.pages) >= 4
    assert [p[2] for p in doc.pages] == list(range(1, len(doc.pages) + 1))
    assert all(doc.pages[i][1] < doc.pages[i + 1][0] for i in range(len(doc.pages) - 1))
    text = doc.text
    assert "政府信息公开" in text
    headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert doc.page_of(positions[0]) == 1 and doc.page_of(positions[-1]) == len(doc.pages)
    lines = text.split("\n")
    # Table rows come out as cells: label, then the 7 applicant columns.
    new_requests = next(line for line in lines if line.startswith("一、本年新收政府信息公开申请数量"))
    cells = [c.strip() for c in new_requests.split("|")]
    assert len(cells) == 8 and all(c.isdigit() for c in cells[1:])
    assert int(cells[-1]) == sum(int(c) for c in cells[1:-1])
    total = next(line for line in lines if line.startswith("（七）总计"))
    assert total.split("|")[-1].strip() == cells[-1]
    assert any(line.startswith("规章 | ") for line in lines)
    review = [line for line in lines if line.count("|") == 14 and all(c.strip().isdigit() for c in line.split("|"))]
    assert len(review) == 1  # the 15-number review/litigation row


# ------------------------------------------------------------------------------------------ legacy formats

def _fake_ole(stream: str) -> bytes:
    return OLE2_MAGIC + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 1000


@pytest.mark.parametrize(("stream", "what"), [("WordDocument", "legacy Word/WPS file"),
                                              ("Workbook", "legacy Excel/WPS spreadsheet")])
def test_legacy_without_libreoffice_names_the_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   stream: str, what: str) -> None:
    monkeypatch.setattr(legacy_mod, "find_soffice", lambda: None)
    path = tmp_path / "report.txt"  # detected by bytes, not by name
    path.write_bytes(_fake_ole(stream))
    with pytest.raises(InputError, match=f"{what}.*install LibreOffice \\(soffice\\)"):
        read_document(path)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
@pytest.mark.parametrize(("ext", "what"), [("doc", "a legacy Word/WPS file"), ("odt", "an OpenDocument text")])
def test_document_converted_with_libreoffice(tmp_path: Path, ext: str, what: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    src = make_docx(tmp_path / "src.docx")
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", "--convert-to", ext, "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=180)
    doc = read_document(out / f"src.{ext}")
    assert doc.format == "docx" and PARA_2 in doc.text and "规章 | 0 | 0 | 0" in doc.text
    assert any(f"converted from {what}" in w for w in doc.warnings)


def _fake_odf(path: Path, mimetype: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", mimetype)
        zf.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize(("mimetype", "what"), [("application/vnd.oasis.opendocument.text", "OpenDocument text"),
                                                ("application/vnd.oasis.opendocument.spreadsheet",
                                                 "OpenDocument spreadsheet")])
def test_opendocument_without_libreoffice_names_the_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         mimetype: str, what: str) -> None:
    monkeypatch.setattr(legacy_mod, "find_soffice", lambda: None)
    path = _fake_odf(tmp_path / "report.zip", mimetype)  # detected by bytes, not by name
    with pytest.raises(InputError, match=f"{what}.*install LibreOffice \\(soffice\\)"):
        read_document(path)


def test_opendocument_presentation_is_unknown(tmp_path: Path) -> None:
    path = _fake_odf(tmp_path / "slides.odp", "application/vnd.oasis.opendocument.presentation")
    message = _error(path).message
    assert message.startswith("unknown format") and "OpenDocument" in message


def _fake_soffice(tmp_path: Path, converted: Path | None, sleep: float = 0) -> str:
    """A stand-in for `soffice --convert-to`: copies `converted` to OUTDIR/input.<ext>, as LibreOffice names it."""
    import sys

    script = tmp_path / "fake-soffice"
    script.write_text(
        f"#!{sys.executable}\n"
        "import shutil, sys, time, pathlib\n"
        f"time.sleep({sleep})\n"
        "args = sys.argv[1:]\n"
        "assert '--headless' in args and any(a.startswith('-env:UserInstallation=') for a in args)\n"
        "out = pathlib.Path(args[args.index('--outdir') + 1]); out.mkdir(parents=True, exist_ok=True)\n"
        "ext = args[args.index('--convert-to') + 1].split(':')[0]\n"
        f"src = {str(converted)!r}\n"
        "if src != 'None': shutil.copy(src, out / ('input.' + ext))\n"
        "else: sys.exit(3)\n"
    )
    script.chmod(0o755)
    return str(script)


def test_legacy_doc_conversion_plumbing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_soffice(tmp_path, make_docx(tmp_path / "as-converted.docx"))
    monkeypatch.setattr(legacy_mod, "find_soffice", lambda: fake)
    path = tmp_path / "report.wps"
    path.write_bytes(_fake_ole("WordDocument"))
    doc = read_document(path)
    assert doc.format == "docx" and "规章 | 0 | 0 | 0" in doc.text
    assert doc.warnings[0].startswith("converted from a legacy Word/WPS file")


def test_legacy_xls_conversion_goes_through_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_soffice(tmp_path, make_html(tmp_path / "as-converted.html", charset="utf-8"))
    monkeypatch.setattr(legacy_mod, "find_soffice", lambda: fake)
    path = tmp_path / "report.et"
    path.write_bytes(_fake_ole("Workbook"))
    doc = read_document(path)
    assert doc.format == "html" and "行政规范性文件 | 3 | 1 | 12" in doc.text


def test_legacy_conversion_failure_and_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(_fake_ole("WordDocument"))
    monkeypatch.setattr(legacy_mod, "find_soffice", lambda: _fake_soffice(tmp_path, None))
    with pytest.raises(InputError, match="LibreOffice could not convert it"):
        read_document(path)
    monkeypatch.setattr(legacy_mod, "find_soffice", lambda: _fake_soffice(tmp_path, None, sleep=5))
    monkeypatch.setattr(legacy_mod, "CONVERT_TIMEOUT_S", 0.5)
    with pytest.raises(InputError, match="did not convert it within"):
        read_document(path)


def test_ofd_text_extracted(tmp_path: Path) -> None:
    doc = read_document(make_ofd(tmp_path / "r.ofd", ["一、总体情况", "本年共收到申请18件"]))
    assert doc.text == "一、总体情况\n本年共收到申请18件"
    assert doc.pages == [(0, len(doc.text), 1)]
    assert any("OFD" in w for w in doc.warnings)


# --------------------------------------------------------------------------------------------- bad input

def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path)
    err = info.value
    assert err.path == str(path) and str(err) == f"{path}: {err.message}" and "\n" not in str(err)
    return err


def test_missing_path(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nope.txt").message


def test_directory(tmp_path: Path) -> None:
    assert "directory" in _error(tmp_path).message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty file" in _error(path).message


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n")
    assert "no text" in _error(path).message


@pytest.mark.parametrize("data", [bytes(range(256)) * 20, b"\x00\x01\x02\x03" * 500, b"\x8f\x7f\x03" * 999])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    assert "not a text file" in _error(path).message


@pytest.mark.parametrize(("name", "claimed"), [("report.pdf", "not a PDF"), ("report.docx", "not a DOCX")])
def test_binary_file_named_as_a_format(tmp_path: Path, name: str, claimed: str) -> None:
    """Random bytes under a .pdf/.docx name: the error says the file is not what its name promises."""
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 20)
    message = _error(path).message
    assert claimed in message and "not text either" in message


@pytest.mark.parametrize(
    ("data", "needle"),
    [(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"), (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "JPEG image")],
)
def test_unknown_binary_formats(tmp_path: Path, data: bytes, needle: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    message = _error(path).message
    assert message.startswith("unknown format") and needle in message


def test_zip_that_is_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "unknown format" in _error(path).message


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<not-xml")
    assert "DOCX" in _error(path).message


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written to disk
    message = _error(path).message
    assert message == f"file too large: 50.0 MB ({MAX_BYTES + 1} bytes); the limit is 50 MB"


def test_document_dataclass_shape() -> None:
    doc = Document("abc", "txt", None, [])
    assert doc.page_of(1) is None
