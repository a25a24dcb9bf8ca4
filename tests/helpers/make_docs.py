"""Generate synthetic HTML / DOCX / PDF test files at test time (no real report text is stored in the repo)."""

from __future__ import annotations

from pathlib import Path

# Synthetic report-like content (invented; not copied from any real report).
TITLE = "示例县人民政府2022年政府信息公开工作年度报告"
PARA_1 = "一、总体情况"
PARA_2 = "2022年，本机关认真贯彻落实条例要求，主动公开政府信息三百余条。"
PARA_AFTER = "二、主动公开政府信息情况"
TABLE_ROWS = [
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "3", "1", "12"],
]


def make_html(path: Path, *, charset: str = "gbk", declare: bool = True) -> Path:
    """An HTML page with chrome (script, style, nav, header, footer, hidden spam) around a report and a table."""
    rows = "\n".join(
        "<tr>" + "".join(f"<td><p>{cell}</p></td>" for cell in row) + "</tr>" for row in TABLE_ROWS
    )
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if declare else ""
    page = f"""<!DOCTYPE html>
<html><head>{meta}<title>{TITLE}_示例县政府门户网站</title>
<style>.x {{ color: red; }} p::before {{ content: "样式文字"; }}</style>
<script>var msg = "脚本文字不可见"; document.write(msg);</script>
</head>
<body>
<header><div>示例县政府门户网站 首页</div></header>
<nav><ul><li>首页</li><li>政务公开</li></ul></nav>
<div class="content">
<h1>{TITLE}</h1>
<div style="display:none">隐藏的广告文字</div>
<p>&nbsp;&nbsp;{PARA_1}</p>
<p>2022年，本机关认真贯彻落实条例要求，
主动公开政府信息三百余条。</p>
<table border="1">
{rows}
<tr><td>行政许可</td><td>&nbsp;</td><td>5</td><td></td></tr>
</table>
<p>{PARA_AFTER}<br>第一行<br/>第二行</p>
<!-- 注释文字不可见 -->
</div>
<footer>版权所有 示例县人民政府</footer>
</body></html>
"""
    path.write_bytes(page.encode(charset))
    return path


def make_docx(path: Path) -> Path:
    """A DOCX: title, a paragraph, a table, a paragraph after it (order must be kept), a merged cell."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(PARA_1)
    document.add_paragraph(PARA_2)
    table = document.add_table(rows=len(TABLE_ROWS) + 2, cols=4)
    for r, row in enumerate(TABLE_ROWS):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    # A label cell merged over two rows (like 三、本年度办理结果) and an empty cell.
    n = len(TABLE_ROWS)
    merged = table.cell(n, 0).merge(table.cell(n + 1, 0))
    merged.text = "（三）不予公开"
    for c, val in enumerate(["1", "", "2"], start=1):
        table.cell(n, c).text = val
    for c, val in enumerate(["4", "5", "6"], start=1):
        table.cell(n + 1, c).text = val
    document.add_paragraph(PARA_AFTER)
    document.save(str(path))
    return path


def _cjk_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    name = "STSong-Light"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def make_pdf(path: Path, pages: list[list[str]], *, encrypt: str | None = None, fake_bold: bool = False) -> Path:
    """A text PDF, one list of lines per page, Chinese in the built-in CID font STSong-Light.

    `fake_bold` draws every line twice, 0.3 pt apart, as word processors do for bold CJK fonts.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _cjk_font()
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    _, height = A4
    for lines in pages:
        pdf.setFont(font, 12)
        y = height - 72
        for line in lines:
            pdf.drawString(72, y, line)
            if fake_bold:
                pdf.drawString(72.3, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return path


def make_table_pdf(path: Path) -> Path:
    """One page: a heading, then a ruled 4-column table drawn with lines (like the real reports)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _cjk_font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    pdf.setFont(font, 12)
    pdf.drawString(72, height - 72, PARA_AFTER)
    widths = [150, 100, 100, 100]
    xs = [72]
    for w in widths:
        xs.append(xs[-1] + w)
    top = height - 100
    row_h = 24
    ys = [top - i * row_h for i in range(len(TABLE_ROWS) + 1)]
    for y in ys:
        pdf.line(xs[0], y, xs[-1], y)
    for x in xs:
        pdf.line(x, ys[0], x, ys[-1])
    for r, row in enumerate(TABLE_ROWS):
        for c, cell in enumerate(row):
            pdf.setFont(font, 9 if r == 0 else 11)
            pdf.drawString(xs[c] + 4, ys[r] - 16, cell)
    pdf.setFont(font, 12)
    pdf.drawString(72, ys[-1] - 30, "三、收到和处理政府信息公开申请情况")
    pdf.showPage()
    pdf.save()
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF page with only a drawn rectangle (no text layer), like a scanned page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFillGray(0.5)
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def make_ofd(path: Path, lines: list[str]) -> Path:
    """A minimal OFD package: OFD.xml, Document.xml and one page whose TextObjects hold `lines`."""
    import zipfile

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    objects = "".join(
        f'<ofd:TextObject ID="{i + 10}" Boundary="20 {30 + i * 8} 150 6" Font="1" Size="5">'
        f'<ofd:TextCode X="0" Y="5">{line}</ofd:TextCode></ofd:TextObject>'
        for i, line in enumerate(lines)
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD {ns} Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                               f"</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" '
                                          f'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        zf.writestr("Doc_0/Pages/Page_0/Content.xml",
                    f"<ofd:Page {ns}><ofd:Content><ofd:Layer ID=\"2\">{objects}</ofd:Layer></ofd:Content></ofd:Page>")
    return path


def make_numbered_docx(path: Path) -> Path:
    """A DOCX whose headings are numbered by Word (一、 二、 at level 0, （一）（二） at level 1), not typed."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    ))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [(0, "总体情况"), (1, "主动公开情况"), (1, "依申请公开情况"), (0, "主动公开政府信息情况"),
                        (1, "规章")]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        ))
    document.save(str(path))
    return path
