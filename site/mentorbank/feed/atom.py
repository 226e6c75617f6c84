"""An Atom 1.0 document (RFC 4287) built with xml.etree: the library escapes every text, so a title holding
``<script>`` or ``&`` stays text, and the document is well-formed whatever the entries say."""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree

from .registry import FeedEntry

ATOM = "http://www.w3.org/2005/Atom"
ElementTree.register_namespace("", ATOM)
# XML 1.0 forbids these characters even escaped; user text could carry them (a pasted control character).
_FORBIDDEN = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


@dataclass(frozen=True)
class FeedHead:
    id_uri: str
    title: str
    subtitle: str
    self_url: str
    alternate_url: str
    author_name: str
    author_uri: str
    language: str


def atom_timestamp(moment: datetime) -> str:
    """RFC 3339 in UTC; stored times are naive UTC."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _text(value: str) -> str:
    return value.translate(_FORBIDDEN)


def _add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = _text(text)
    return element


def atom_document(head: FeedHead, entries: Sequence[FeedEntry], empty_updated: datetime) -> bytes:
    """The feed; ``updated`` is its newest entry's (``empty_updated`` when there is none)."""
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": head.language})
    _add(feed, "id", head.id_uri)
    _add(feed, "title", head.title)
    _add(feed, "subtitle", head.subtitle)
    _add(feed, "updated", atom_timestamp(max((e.updated for e in entries), default=empty_updated)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=head.self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=head.alternate_url)
    author = _add(feed, "author")
    _add(author, "name", head.author_name)
    _add(author, "uri", head.author_uri)
    for entry in entries:
        element = _add(feed, "entry")
        _add(element, "id", entry.id_uri)
        _add(element, "title", entry.title)
        _add(element, "updated", atom_timestamp(entry.updated))
        _add(element, "link", rel="alternate", type="text/html", href=entry.url)
        if entry.author:
            _add(_add(element, "author"), "name", entry.author)
        if entry.summary:
            _add(element, "summary", entry.summary)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
