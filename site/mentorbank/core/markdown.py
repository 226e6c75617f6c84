"""Markdown typed by people (admins' pages, practices' descriptions) into safe HTML: markdown-it renders (raw
HTML allowed, so a table or a <br> works), then nh3 keeps only the tags and attributes of a text page; scripts,
styles, event handlers and javascript: links go."""
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "s", "del", "code", "pre",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "abbr", "small",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> Markup:
    html = _RENDERER.render(text or "")
    return Markup(nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    ))
