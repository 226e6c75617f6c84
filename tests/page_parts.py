"""Reading the parts of a page a person meets in a refused form (stdlib parser: no HTML library is installed)."""
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "track"}


@dataclass
class Element:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)
    text: str = ""

    def find_all(self, tag: str | None = None, **attrs) -> list["Element"]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(child.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag: str | None = None, **attrs) -> "Element | None":
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    @property
    def all_text(self) -> str:
        return " ".join((self.text + " " + " ".join(child.all_text for child in self.children)).split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: ("" if value is None else value) for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].text += data


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    return builder.root


def error_summary(html: str) -> Element | None:
    """The refused form's summary, or None."""
    found = [element for element in parse(html).find_all() if "data-error-summary" in element.attrs]
    assert len(found) <= 1, "one summary at most on a page"
    return found[0] if found else None


def summary_links(html: str) -> dict[str, str]:
    """href → text of the summary's links."""
    summary = error_summary(html)
    assert summary is not None, "the refused form shows an error summary"
    return {link.attrs["href"]: link.all_text for link in summary.find_all("a")}
