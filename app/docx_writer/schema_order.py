"""The order WordprocessingML's schema gives the children of an element (ECMA-376 Part 1,
transitional), for the parts this writer makes.

Word refuses a file whose property elements are out of order ("Word found unreadable
content") and offers to repair it; LibreOffice and python-docx read it anyway, so only a check
finds such a slip. `order_problems` lists every element whose children break the order.
"""

from __future__ import annotations

from typing import Any

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
SL_NS = "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}"

_PPR = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_RPR = (
    "ins",
    "del",
    "moveFrom",
    "moveTo",  # a paragraph mark's properties only
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
)
_TBLPR = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
)
# The schema lets trPr's children come in any order; Word writes them in this one.
_TRPR = (
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
)
_TCPR = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
)
_SECTPR = (
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
)
_SETTINGS = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    M_NS + "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    SL_NS + "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
_STYLE = (
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
)
_FONT = (
    "altName",
    "panose1",
    "charset",
    "family",
    "notTrueType",
    "pitch",
    "sig",
    "embedRegular",
    "embedBold",
    "embedItalic",
    "embedBoldItalic",
)
_BORDERS = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV")

# Every child listed, in order ("closed"); or the listed ones first, then the content.
CLOSED = {
    "pPr": _PPR,
    "rPr": _RPR,
    "tblPr": _TBLPR,
    "trPr": _TRPR,
    "tcPr": _TCPR,
    "sectPr": _SECTPR,
    "settings": _SETTINGS,
    "style": _STYLE,
    "docDefaults": ("rPrDefault", "pPrDefault"),
    "styles": ("docDefaults", "latentStyles", "style"),
    "font": _FONT,
    "tblBorders": _BORDERS,
    "tblCellMar": ("top", "left", "start", "bottom", "right", "end"),
    "tcMar": ("top", "left", "start", "bottom", "right", "end"),
}
LEADING = {
    "p": ("pPr",),
    "r": ("rPr",),
    "tc": ("tcPr",),
    "tbl": ("tblPr", "tblGrid"),
    "tr": ("tblPrEx", "trPr"),
}
_MARKUP = {
    "bookmarkStart",
    "bookmarkEnd",
    "proofErr",
    "permStart",
    "permEnd",
    "commentRangeStart",
    "commentRangeEnd",
}


def _name(tag: Any) -> str:
    """The child's name in the order tuples: local for w:, namespaced otherwise."""
    if not isinstance(tag, str):
        return ""
    return tag[len(W_NS) :] if tag.startswith(W_NS) else tag


def order_problems(root: Any) -> list[str]:
    """Where the children of an element under `root` (an lxml element) are out of the
    schema's order, as "w:pPr: w:jc before w:ind" lines."""
    problems: list[str] = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(W_NS):
            continue
        parent = tag[len(W_NS) :]
        names = [_name(child.tag) for child in element]
        if parent in CLOSED:
            problems += _closed(parent, names, CLOSED[parent])
        elif parent in LEADING:
            problems += _leading(parent, names, LEADING[parent])
        if parent == "body" and "sectPr" in names and names[-1] != "sectPr":
            problems.append("w:body: w:sectPr is not the last child")
    return problems


def _closed(parent: str, names: list[str], order: tuple[str, ...]) -> list[str]:
    rank = {name: i for i, name in enumerate(order)}
    out = []
    last = -1
    previous = ""
    for name in names:
        if not name:
            continue  # a comment or a processing instruction
        if name not in rank:
            if not name.startswith("{"):  # another vocabulary's extensions (w14:docId…) may
                out.append(f"w:{parent}: w:{name} is not one of its children")
            continue
        if rank[name] < last:
            out.append(f"w:{parent}: w:{name} after w:{previous}")
        elif rank[name] > last:
            last, previous = rank[name], name
    return out


def _leading(parent: str, names: list[str], order: tuple[str, ...]) -> list[str]:
    rank = {name: i for i, name in enumerate(order)}
    out = []
    seen_content = False
    last = -1
    for name in names:
        if name in _MARKUP:
            continue
        if name in rank:
            if seen_content or rank[name] < last:
                out.append(f"w:{parent}: w:{name} is not where the schema puts it")
            last = rank[name]
        else:
            seen_content = True
    return out
