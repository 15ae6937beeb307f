#!/usr/bin/python3
"""Builds the package's embedded fonts: subsets of Noto Serif CJK SC,
Noto Sans CJK SC and LXGW WenKai to GB 2312 (every hanzi and symbol of
the standard), ASCII, Latin-1, general punctuation, CJK symbols, fullwidth
forms, circled numbers, plus every character of the extra files given (the
registry, the code's Chinese strings), converted from CFF (cubic) to
TrueType glyf outlines (quadratic, cu2qu) because gofpdf reads only glyf.

Run from the repository root with Debian's fonts-noto-cjk and
fonts-lxgw-wenkai installed and python3-fonttools (4.38 or later):

    /usr/bin/python3 render/fonts/gen/build.py config/registry-2026.yaml $(git ls-files '*.go')

It writes render/fonts/*.ttf.gz. The output is deterministic for the same
inputs and fontTools version.
"""
import gzip
import os
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools import subset
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.cu2quPen import Cu2QuPen

NOTO = "/usr/share/fonts/opentype/noto/"
SOURCES = [
    # out file, source, font number in the collection (2 = SC), new family, style
    # The body face also holds every ideograph of the CJK Unified block
    # (U+4E00-U+9FFF, as GBK does): people's and places' names such as
    # 喆, 堃, 玥 are outside GB 2312 and are set in the body face.
    ("SongSC-Regular.ttf", NOTO + "NotoSerifCJK-Regular.ttc", 2, "Dossier Song SC", "Regular"),
    ("SongSC-Bold.ttf", NOTO + "NotoSerifCJK-Bold.ttc", 2, "Dossier Song SC", "Bold"),
    ("HeiSC-Regular.ttf", NOTO + "NotoSansCJK-Regular.ttc", 2, "Dossier Hei SC", "Regular"),
    ("KaiSC-Regular.ttf", "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", -1, "Dossier Kai SC", "Regular"),
]
MAX_ERR = float(os.environ.get("MAX_ERR", "1.0"))  # font units (of 1000): cu2qu's allowed deviation


def charset(extra_files):
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x2010, 0x2070)) | set(range(0x3000, 0x3040))
    cps |= set(range(0xFF01, 0xFF5F)) | set(range(0x2460, 0x24A0))
    cps |= {0x00D7, 0x00F7, 0x2192, 0x2190, 0x2264, 0x2265, 0x2116, 0x2103, 0x25A1, 0x25A0, 0x25CB, 0x25CF, 0x2713, 0x2714, 0x221A}
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.update(ord(c) for c in bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for path in extra_files:
        try:
            with open(path, encoding="utf-8", errors="ignore") as f:
                cps.update(ord(c) for c in f.read() if ord(c) >= 0x2E80 and ord(c) <= 0xFFFF)
        except OSError:
            pass
    return cps


def to_glyf(font):
    """Replaces the CFF table by glyf/loca with quadratic outlines."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for k in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def tabular_digits(font):
    """Maps 0-9 to tabular forms, so that figures right-aligned in a column
    line up on the decimal point: the font's tnum feature, or where it has
    none (Noto Serif CJK) its half-width forms (hwid), which all have one
    advance."""
    if "GSUB" not in font:
        return 0
    gsub = font["GSUB"].table
    tags = {fr.FeatureTag for fr in gsub.FeatureList.FeatureRecord}
    want = "tnum" if "tnum" in tags else "hwid"
    mapping = {}
    for fr in gsub.FeatureList.FeatureRecord:
        if fr.FeatureTag != want:
            continue
        for li in fr.Feature.LookupListIndex:
            lk = gsub.LookupList.Lookup[li]
            for st in lk.SubTable:
                if lk.LookupType == 7:
                    st = st.ExtSubTable
                mapping.update(getattr(st, "mapping", {}) or {})
    n = 0
    for table in font["cmap"].tables:
        for cp in range(0x30, 0x3A):
            g = table.cmap.get(cp)
            if g in mapping:
                table.cmap[cp] = mapping[g]
                n += 1
    widths = {font["hmtx"][table.cmap[cp]][0] for table in font["cmap"].tables for cp in range(0x30, 0x3A) if cp in table.cmap}
    if len(widths) > 1:
        raise SystemExit("digits of %s are not tabular: %s" % (font["name"].getDebugName(4), sorted(widths)))
    return n


def rename(font, family, style, src):
    """A subset is a Modified Version under the OFL: it must not carry a
    Reserved Font Name ("Source" for Noto CJK, "LXGW"/"霞鹜" for WenKai),
    so the family is renamed; copyright and licence records are kept."""
    name = font["name"]
    keep = [r for r in name.names if r.nameID in (0, 7, 8, 9, 11, 12, 13, 14)]
    name.names = keep
    ps = family.replace(" ", "") + "-" + style
    for nid, value in ((1, family), (2, style), (3, ps + ";dossier"), (4, family + " " + style), (5, "Version 1.000"), (6, ps),
                       (10, "Subset of " + src.rsplit("/", 1)[-1] + " (GB 2312 and more), outlines converted to TrueType, for dossier's package")):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)
    if "CFF " in font:
        font["CFF "].cff.fontNames = [ps]


def build(out, src, num, cps, family, style):
    font = TTFont(src, fontNumber=num) if num >= 0 else TTFont(src)
    tabular_digits(font)
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG", "meta"]
    s = subset.Subsetter(opts)
    s.populate(unicodes=cps)
    s.subset(font)
    rename(font, family, style, src)
    if "CFF " in font:
        to_glyf(font)
    font.save(out)
    # Stored gzipped (render decompresses once): 40 % of the size in the
    # repository and the binary. mtime 0 keeps the bytes reproducible.
    with open(out, "rb") as f, open(out + ".gz", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(f.read())
    os.remove(out)
    print(out, len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    cps = charset(sys.argv[1:])
    only = os.environ.get("ONLY")  # rebuild one file
    for out, src, num, family, style in SOURCES:
        if only and only != out:
            continue
        want = cps | set(range(0x4E00, 0xA000)) if out == "SongSC-Regular.ttf" else cps
        build("render/fonts/" + out, src, num, want, family, style)
