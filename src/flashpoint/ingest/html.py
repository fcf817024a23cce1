"""HTML to article text with trafilatura (main text, title, date, site name).

Pages trafilatura and lxml cannot take (no ``<body>``, nesting deeper than libxml2's limit
of 255, markup that trips an assertion) fall back to Python's own tolerant parser, which
keeps every text node: less precise, but nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    sitename: str | None


def extract_html(html: str | bytes, url: str | None = None) -> HtmlText | None:
    """Main text of a page, paragraphs one per line; ``None`` when the page has no body text."""
    import trafilatura  # slow import: only when HTML is ingested

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        )
    except Exception:  # lxml/trafilatura bugs on odd pages ("too many bodies"): fall back
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        text = _fragment_text(html) or plain_text(html)
        if not text:
            return None
        return HtmlText(text, None, None, None)
    return HtmlText(
        text=text,
        title=getattr(doc, "title", None) or None,
        published=getattr(doc, "date", None) or None,
        sitename=getattr(doc, "sitename", None) or None,
    )


_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def _fragment_text(html: str | bytes) -> str:
    """Plain text of a short HTML fragment (feed entries), one block per line."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        etree.strip_elements(root, "script", "style", with_tail=False)
        for el in root.iter(*_BLOCK_TAGS):
            el.tail = "\n" + (el.tail or "")
        content = root.text_content()
    except Exception:  # lxml refuses some markup outright (depth, encoding declarations)
        return ""
    return _lines(content)


class _TextCollector(HTMLParser):
    """Every text node outside script/style; block tags end a line. No tree, so no depth."""

    _SKIP = frozenset({"script", "style", "template", "noscript", "head", "title"})
    _BLOCKS = frozenset(_BLOCK_TAGS) | {"h5", "h6", "section", "article", "td", "th", "ul"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(html: str | bytes) -> str:
    """Text of any markup, however malformed or deep, one block per line."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _lines("".join(collector.parts))


def _lines(content: str) -> str:
    lines = (" ".join(line.split()) for line in content.splitlines())
    return "\n".join(line for line in lines if line)
