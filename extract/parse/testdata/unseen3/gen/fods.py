"""Flat ODF writers for the third unseen corpus (stdlib only): spreadsheets
(.fods) with merged ranges, number formats, formulas with cached values,
date cells, data-validation lists and hidden sheets; and a text document
(.fodt) with embedded pictures for the photos PDF."""
import base64

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')


def x(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Num:
    """A number cell; fmt is a unit shown after it ("人") or "money" (#,##0.00)."""
    def __init__(self, v, fmt=None):
        self.v, self.fmt = v, fmt


class F:
    """A formula cell with its cached value (LibreOffice keeps it in the xlsx)."""
    def __init__(self, formula, cached, fmt=None):
        self.formula, self.v, self.fmt = formula, cached, fmt


class D:
    """A date cell shown as 2026年9月24日 (cn) or 2026/9/24 (slash)."""
    def __init__(self, iso, fmt="cn"):
        self.iso, self.fmt = iso, fmt


class Sheet:
    def __init__(self, name, hidden=False, cols=None):
        self.name, self.hidden = name, hidden
        self.cells, self.merges, self.valid = {}, [], {}
        self.cols = cols  # column widths in cm

    def put(self, r, c, v, span=(1, 1), choices=None):
        self.cells[(r, c)] = v
        if span != (1, 1):
            self.merges.append((r, c, r + span[0] - 1, c + span[1] - 1))
        if choices:
            self.valid[(r, c)] = tuple(choices)
        return self

    def row(self, r, values, c0=0):
        for i, v in enumerate(values):
            if v is not None:
                self.put(r, c0 + i, v)
        return self


def _numfmt_styles(units):
    b = []
    for i, u in enumerate(units):
        if u == "money":
            b.append(f'<number:number-style style:name="N{i}"><number:number number:decimal-places="2" '
                     f'number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>')
        elif u == "dec2":
            b.append(f'<number:number-style style:name="N{i}"><number:number number:decimal-places="2" '
                     f'number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>')
        elif u == "cn":
            b.append(f'<number:date-style style:name="N{i}"><number:year number:style="long"/><number:text>年</number:text>'
                     f'<number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>')
        elif u == "slash":
            b.append(f'<number:date-style style:name="N{i}"><number:year number:style="long"/><number:text>/</number:text>'
                     f'<number:month/><number:text>/</number:text><number:day/></number:date-style>')
        else:
            b.append(f'<number:number-style style:name="N{i}"><number:number number:decimal-places="0" '
                     f'number:min-integer-digits="1"/><number:text> {x(u)}</number:text></number:number-style>')
        b.append(f'<style:style style:name="ce{i}" style:family="table-cell" style:data-style-name="N{i}"/>')
    return "".join(b)


def write_fods(path, sheets):
    units = []
    for sh in sheets:
        for v in sh.cells.values():
            f = getattr(v, "fmt", None)
            if f and f not in units:
                units.append(f)
    vals = []
    for sh in sheets:
        for (r, c), ch in sh.valid.items():
            if ch not in vals:
                vals.append(ch)
    b = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
         'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:automatic-styles>',
         '<style:style style:name="tahid" style:family="table"><style:table-properties table:display="false"/></style:style>',
         '<style:style style:name="tavis" style:family="table"><style:table-properties table:display="true"/></style:style>',
         '<style:style style:name="co" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>',
         '<style:style style:name="cow" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>',
         '<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/></style:style>',
         _numfmt_styles(units), '</office:automatic-styles><office:body><office:spreadsheet>']
    if vals:
        b.append("<table:content-validations>")
        for i, ch in enumerate(vals):
            lst = ";".join(f'&quot;{x(o)}&quot;' for o in ch)
            b.append(f'<table:content-validation table:name="val{i}" table:condition="of:cell-content-is-in-list({lst})" '
                     f'table:allow-empty-cell="true" table:base-cell-address="{x(sheets[0].name)}.A1" table:display-list="unsorted"/>')
        b.append("</table:content-validations>")
    for sh in sheets:
        st = "tahid" if sh.hidden else "tavis"
        b.append(f'<table:table table:name="{x(sh.name)}" table:style-name="{st}">')
        maxr = max([r for r, _ in sh.cells] + [m[2] for m in sh.merges] + [0])
        maxc = max([c for _, c in sh.cells] + [m[3] for m in sh.merges] + [0])
        widths = sh.cols or []
        for c in range(maxc + 1):
            w = "cow" if c < len(widths) and widths[c] == "w" else "co"
            b.append(f'<table:table-column table:style-name="{w}"/>')
        covered = set()
        anchors = {}
        for (r1, c1, r2, c2) in sh.merges:
            anchors[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1)
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        covered.add((r, c))
        for r in range(maxr + 1):
            b.append("<table:table-row>")
            for c in range(maxc + 1):
                if (r, c) in covered:
                    b.append("<table:covered-table-cell/>")
                    continue
                attrs = ""
                if (r, c) in anchors:
                    rs, cs = anchors[(r, c)]
                    attrs += f' table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"'
                if (r, c) in sh.valid:
                    attrs += f' table:content-validation-name="val{vals.index(sh.valid[(r, c)])}"'
                b.append(_cell(sh.cells.get((r, c)), attrs, units))
            b.append("</table:table-row>")
        b.append("</table:table>")
    b.append("</office:spreadsheet></office:body></office:document>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(b))


def _cell(v, attrs, units):
    if v is None:
        return f"<table:table-cell{attrs}/>"
    style = ""
    fmt = getattr(v, "fmt", None)
    if fmt:
        style = f' table:style-name="ce{units.index(fmt)}"'
    if isinstance(v, Num):
        return (f'<table:table-cell{attrs}{style} office:value-type="float" office:value="{v.v}">'
                f'<text:p>{v.v}</text:p></table:table-cell>')
    if isinstance(v, F):
        return (f'<table:table-cell{attrs}{style} table:formula="{x(v.formula)}" office:value-type="float" '
                f'office:value="{v.v}"><text:p>{v.v}</text:p></table:table-cell>')
    if isinstance(v, D):
        return (f'<table:table-cell{attrs}{style} office:value-type="date" office:date-value="{v.iso}">'
                f'<text:p>{v.iso}</text:p></table:table-cell>')
    if isinstance(v, bool):
        v = str(v)
    if isinstance(v, (int, float)):
        return (f'<table:table-cell{attrs} office:value-type="float" office:value="{v}">'
                f'<text:p>{v}</text:p></table:table-cell>')
    paras = "".join(f"<text:p>{x(p)}</text:p>" for p in str(v).split("\n"))
    return f'<table:table-cell{attrs} table:style-name="wrap" office:value-type="string">{paras}</table:table-cell>'


def write_fodt_photos(path, title, sub, pics):
    """A Writer document: a title, a sub-title line, then each picture
    (PNG bytes) with its caption paragraph under it."""
    b = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
         'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
         '<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>'
         '<style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>'
         '<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>'
         '</office:automatic-styles><office:body><office:text>',
         f'<text:p text:style-name="T">{x(title)}</text:p><text:p text:style-name="C">{x(sub)}</text:p>']
    for i, (png, cap) in enumerate(pics):
        data = base64.b64encode(png).decode()
        b.append(f'<text:p text:style-name="C"><draw:frame draw:name="p{i}" text:anchor-type="as-char" svg:width="9cm" '
                 f'svg:height="5.6cm"><draw:image><office:binary-data>{data}</office:binary-data></draw:image></draw:frame></text:p>'
                 f'<text:p text:style-name="C">{x(cap)}</text:p>')
    b.append("</office:text></office:body></office:document>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(b))
