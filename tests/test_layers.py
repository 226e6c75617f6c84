"""The areas of the package stand on each other in one order: an area imports only areas below it (or beside
it, without a cycle). Imports are read from the source (``ast``), inside functions too, so a lazy import
cannot hide a dependency.

Lowest first:
  0. core (with ``extensions`` and ``config``): what every area needs and no area owns.
  1. vocabularies, organisations: reference data every record points at.
  2. accounts: people, roles, log-in.
  3. audit, notifications, search, attachments: services the domains call (attachments: files kept for a
     record of any kind, whose visibility the domain registers). Search sits here, not among the capabilities,
     because issue 8 makes it an engine behind an interface that each domain registers its types with and
     calls; it imports no domain.
  4. mentors, home, portal, library, mentoring (requests, mentorships, programmes; stands on mentors),
     evaluation and programmes (the Kirkpatrick answers and the bank of programme templates; stand on
     mentoring): the domains and their pages (home shows the bank's mentors; portal the operator,
     the privacy policy built from the consent texts accounts keeps, and the pages admins write, audited).
  5. moderation, api, admin, curation, feed: capabilities that work across the domains (curation: the curator's
     cabinet reads the school's mentor profiles and writes its organisation's page, with the audit log; feed:
     /feed.atom merges the entries the domains register, signed by the operator of portal).
  6. demo, migrations and the app factory (``mentorbank/__init__.py``): they assemble everything. The demo
     builds data for every area and rebuilds the index; migrations are scripts Alembic runs.

Accounts reach nothing above them. Audit stays above accounts (an entry's actor is a ``User``), so the account
changes it keeps (role grants, blocking, consents, closing) are announced by ``accounts/signals.py`` and
recorded by ``audit/account_events.py``; notifications erase a closed account's rows on ``account_closed`` and
own their pages (notifications/routes.py, still under /account/notifications); the account page shows the
sections the domains register (``accounts/pages.py``, as organisations/pages.py), e.g. the mentor profiles.

An area declares what it adds to other areas' registries (record pages, navigation counts, page sections,
searchable types, moderated kinds) in an *adapter* module (``registrations.py``, ``searchable.py``, ``moderated.py``). Adapters
may import any area, and only the app factory may import them: they are its wiring, kept beside the area
they describe.
"""
import ast
from collections import defaultdict
from pathlib import Path

import mentorbank

PACKAGE = Path(mentorbank.__file__).resolve().parent
APP_FACTORY = "__init__"

LAYERS = [
    {"core", "extensions", "config"},
    {"vocabularies", "organisations"},
    {"accounts"},
    {"audit", "notifications", "search", "attachments"},
    {"mentors", "home", "portal", "practices", "library", "competitions", "mentoring", "evaluation", "programmes"},
    {"moderation", "api", "admin", "curation", "feed"},
    {"demo", "migrations", APP_FACTORY},
]
RANK = {area: rank for rank, areas in enumerate(LAYERS) for area in areas}
ADAPTER_MODULES = {"registrations", "searchable", "moderated"}

# (importing area, imported area) → what removes it; a fixed one must leave (the test below). Empty: keep it so.
KNOWN_VIOLATIONS_BEING_FIXED: dict[tuple[str, str], str] = {}

def module_name(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def area_of(module: tuple[str, ...]) -> str:
    return module[0] if module else APP_FACTORY


def imported_modules(path: Path) -> list[tuple[str, ...]]:
    """Every module of the package that ``path`` imports, at any depth of its code."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
            elif node.module and (node.module == "mentorbank" or node.module.startswith("mentorbank.")):
                base, node_module = (), node.module.split(".", 1)[1] if "." in node.module else None
                found += _from_import(base, node_module, node.names)
                continue
            else:
                continue
            found += _from_import(base, node.module, node.names)
        elif isinstance(node, ast.Import):
            found += [tuple(alias.name.split(".")[1:]) for alias in node.names
                      if alias.name.startswith("mentorbank.")]
    return found


def _from_import(base: tuple[str, ...], module: str | None, names) -> list[tuple[str, ...]]:
    if module:
        return [base + tuple(module.split("."))]
    # ``from . import search``: each name is a module (or a name of the package itself).
    return [base + (alias.name,) for alias in names]


def import_edges() -> list[tuple[tuple[str, ...], tuple[str, ...], Path]]:
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        edges += [(source, target, path) for target in imported_modules(path)]
    return edges


def is_adapter(module: tuple[str, ...]) -> bool:
    return bool(module) and module[-1] in ADAPTER_MODULES


def area_violations() -> dict[tuple[str, str], list[str]]:
    """(area, area above it) → the files that import upwards, adapters left out."""
    violations = defaultdict(list)
    for source, target, path in import_edges():
        importer, imported = area_of(source), area_of(target)
        if is_adapter(source) or importer == imported:
            continue
        if RANK[imported] > RANK[importer]:
            violations[(importer, imported)].append(str(path.relative_to(PACKAGE)))
    return dict(violations)


def test_every_area_has_a_layer():
    areas = {area_of(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert areas - RANK.keys() == set(), "put the new area in LAYERS (and say why in the docstring)"


def test_no_area_imports_an_area_above_it():
    unexpected = {edge: files for edge, files in area_violations().items()
                  if edge not in KNOWN_VIOLATIONS_BEING_FIXED}
    assert unexpected == {}


def test_the_known_violations_still_exist():
    """A fixed violation must leave the list, so the list never hides a new one of the same two areas."""
    fixed = KNOWN_VIOLATIONS_BEING_FIXED.keys() - area_violations().keys()
    assert fixed == set(), "remove these from KNOWN_VIOLATIONS_BEING_FIXED"


def test_only_the_app_factory_imports_adapters():
    offenders = [f"{path.relative_to(PACKAGE)} imports {'.'.join(target)}"
                 for source, target, path in import_edges()
                 if is_adapter(target) and source != () and not is_adapter(source)]
    assert offenders == []


def test_no_import_cycle_between_areas():
    graph = defaultdict(set)
    for source, target, _path in import_edges():
        importer, imported = area_of(source), area_of(target)
        if importer != imported and not is_adapter(source) and (importer, imported) not in KNOWN_VIOLATIONS_BEING_FIXED:
            graph[importer].add(imported)
    cycles = [(a, b) for a in list(graph) for b in graph[a] if _reaches(graph, b, a)]
    assert cycles == []


def _reaches(graph, start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        area = todo.pop()
        if area == goal:
            return True
        if area not in seen:
            seen.add(area)
            todo += graph.get(area, ())
    return False


def test_the_reader_sees_imports_inside_functions():
    """The app factory imports core and search only inside ``create_app``: the reader must see both."""
    imported = imported_modules(PACKAGE / "__init__.py")
    assert ("core",) in imported and ("search",) in imported
