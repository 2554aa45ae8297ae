"""Printable worksheets: a question bank as print-ready HTML and PDF (WeasyPrint).

One file holds, in this order: the student sheet of every version (A, B, ...), then the
answer key of every version, each starting on a new page, then the sources. Teachers print
the front run for the class and keep the back run; each part is paginated on its own
("page 1 of 2" of version B, not "page 3 of 9"), which is why the PDF is rendered part by
part and the pages joined. Labels and instructions come from the language pack's
worksheet.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..errors import QuizgenError
from ..lang import LanguagePack, load_language
from ..model import MCQ, QuestionBank
from ..outfile import atomic_write_bytes, atomic_write_text
from ..truefalse import answer_words
from .cardtext import source_line
from .pdfengine import submit
from .worksheet_layout import Layout, Question, Section, Version, WorksheetOptions, build_layout

__all__ = ["WorksheetOptions", "render_html", "start_worksheet", "write_worksheet"]

PAPER_CSS = {"a4": "A4", "letter": "letter"}
LABELS = (
    "name", "class", "date", "version", "key", "key_note", "page", "sources", "sources_note",
    "number", "answer", "source_ref", "explanation",
)  # fmt: skip


@dataclass
class Part:
    kind: str  # "sheet" | "key" | "sources"
    version: Version | None = None


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("quizgen.export", "assets"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _css() -> str:
    return resources.files("quizgen.export").joinpath("assets/worksheet.css").read_text("utf-8")


def css_string(text: str) -> str:
    """A CSS string literal for any text: everything but letters, digits and spaces is
    hex-escaped, so no text can end the string or the style element."""
    body = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)
    return f'"{body}"'


def _css_template(template: str, counters: dict[str, str]) -> str:
    """'Page {page} of {pages}' as CSS content: "Page " counter(page) " of " counter(pages)."""
    out, rest = [], template
    while rest:
        hits = [(rest.find("{" + k + "}"), k) for k in counters if "{" + k + "}" in rest]
        if not hits:
            out.append(css_string(rest))
            break
        pos, name = min(hits)
        if pos:
            out.append(css_string(rest[:pos]))
        out.append(counters[name])
        rest = rest[pos + len(name) + 2 :]
    return " ".join(out) or '""'


def _worksheet_data(pack: LanguagePack) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    doc = pack.doc("worksheet")
    data = doc.data if isinstance(doc.data, dict) else {}
    labels, sections = data.get("labels"), data.get("sections")
    if not isinstance(labels, dict) or not isinstance(sections, dict):
        raise QuizgenError(f"{doc.where()}: worksheet data needs 'labels' and 'sections' mappings")
    for name in LABELS:
        if not isinstance(labels.get(name), str):
            raise QuizgenError(f"{doc.where('labels')}: label '{name}' is missing; add it as text")
    for kind, sec in sections.items():
        for name in ("title", "instruction"):
            if not isinstance(sec, dict) or not isinstance(sec.get(name), str):
                raise QuizgenError(
                    f"{doc.where('sections', kind)}: section '{kind}' needs a '{name}' text"
                )
    return labels, sections


def _join_or(words: list[str], locale: str) -> str:
    from babel import UnknownLocaleError
    from babel.lists import format_list

    try:
        return format_list(words, style="or", locale=locale)
    except (UnknownLocaleError, ValueError):
        return ", ".join(words)


def choice_columns(q: Question) -> int:
    """Options side by side when they are short enough to read that way."""
    longest = max((len(c.text) for c in q.choices), default=0)
    if longest <= 14 and len(q.choices) <= 4:
        return 4
    return 2 if longest <= 32 else 1


def _context(layout: Layout, options: WorksheetOptions, pack: LanguagePack) -> dict[str, Any]:
    labels, sections = _worksheet_data(pack)
    doc = pack.doc("worksheet")
    truth = answer_words(pack)

    def section_data(s: Section) -> dict[str, str]:
        if s.kind not in sections:
            raise QuizgenError(f"{doc.where('sections')}: no section '{s.kind}'; add its title")
        return sections[s.kind]

    def instruction(s: Section) -> str:
        count = max((len(q.choices) for q in s.questions), default=0)
        letters = _join_or([chr(ord("A") + i) for i in range(count)], pack.code)
        head, _, last = letters.rpartition(" ")  # keep the last letter with its word
        letters = f"{head}\u00a0{last}" if head else letters
        text = section_data(s)["instruction"]
        for name, value in (("letters", letters), ("true", truth[0]), ("false", truth[1])):
            text = text.replace("{" + name + "}", value)
        return text

    page = _css_template(labels["page"], {"page": "counter(page)", "pages": "counter(pages)"})
    size = PAPER_CSS[options.paper]
    page_css = f"@page {{ size: {size}; @bottom-center {{ content: {page}; }} }}"
    return {
        "lang": pack.code,
        "title": layout.title,
        "layout": layout,
        "labels": labels,
        "css": Markup(_css()),
        "page_css": Markup(page_css),
        "show_sources": options.include_sources and bool(layout.sources),
        "version_label": lambda v: labels["version"].replace("{label}", v.label),
        "section_title": lambda s: section_data(s)["title"],
        "instruction": instruction,
        "choice_columns": choice_columns,
        "source_line": lambda a: source_line(a, pack.code),
        "mcq": MCQ,
    }


def _parts(layout: Layout, options: WorksheetOptions) -> list[Part]:
    parts = [Part("sheet", v) for v in layout.versions]
    parts += [Part("key", v) for v in layout.versions]
    if options.include_sources and layout.sources:
        parts.append(Part("sources"))
    return parts


def _prepare(bank: QuestionBank, options: WorksheetOptions) -> tuple[dict[str, Any], list[Part]]:
    pack = load_language(bank.lang)
    layout = build_layout(bank, options, answer_words(pack))
    return _context(layout, options, pack), _parts(layout, options)


def _render(context: dict[str, Any], parts: list[Part]) -> str:
    return _environment().get_template("worksheet.html.j2").render(context, parts=parts)


def render_html(bank: QuestionBank, options: WorksheetOptions | None = None) -> str:
    """The whole worksheet (all versions, keys, sources) as one print-ready HTML page."""
    context, parts = _prepare(bank, options or WorksheetOptions())
    return _render(context, parts)


def _pdf(context: dict[str, Any], parts: list[Part]) -> Callable[[], bytes]:
    """Start the PDF: each part rendered as its own document (its own page numbers), pages
    joined; the style element of the HTML file is passed to WeasyPrint once, parsed once."""
    bare = dict(context, css="", page_css="")
    htmls = [_render(bare, [part]) for part in parts]
    css = f"{context['css']}\n{context['page_css']}"
    return submit(htmls, css, b"quizgen-worksheet")


def start_worksheet(
    bank: QuestionBank,
    out_dir: str | Path,
    options: WorksheetOptions | None = None,
    *,
    pdf: bool = True,
    stem: str = "worksheet",
) -> Callable[[], list[Path]]:
    """`write_worksheet` in two steps: lay out the worksheet and start its PDF (in the
    background worker of pdfengine.background(), if one is open), and return a function
    that writes STEM.html and STEM.pdf and returns their paths. Other outputs can be
    written in between while the PDF renders on another core."""
    options = options or WorksheetOptions()
    context, parts = _prepare(bank, options)
    html = _render(context, parts)
    pending = _pdf(context, parts) if pdf else None
    out = Path(out_dir)

    def finish() -> list[Path]:
        written = [out / f"{stem}.html"]
        atomic_write_text(written[0], html)
        if pending is not None:
            written.append(out / f"{stem}.pdf")
            atomic_write_bytes(written[1], pending())
        return written

    return finish


def write_worksheet(
    bank: QuestionBank,
    out_dir: str | Path,
    options: WorksheetOptions | None = None,
    *,
    pdf: bool = True,
    stem: str = "worksheet",
) -> list[Path]:
    """Write STEM.html (and STEM.pdf) into out_dir; return the paths written."""
    return start_worksheet(bank, out_dir, options, pdf=pdf, stem=stem)()
