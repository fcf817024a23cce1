"""HTML to article text with trafilatura (main text, title, date, site name)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    sitename: str | None


def extract_html(html: str | bytes, url: str | None = None) -> HtmlText | None:
    """Main text of a page, paragraphs one per line; ``None`` when the page has no body text."""
    import trafilatura  # slow import: only when HTML is ingested

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        text = _fragment_text(html)
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
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, "script", "style", with_tail=False)
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
