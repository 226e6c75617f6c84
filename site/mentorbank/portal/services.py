"""Reading and editing the admins' pages. Services flush; the request commits once."""
from sqlalchemy import select

from ..accounts.models import User
from ..audit.models import record
from ..core.models import utcnow
from ..extensions import db
from .models import PageSlug, PortalPage


class StaleVersion(Exception):
    """Someone saved the page after this editor opened it."""


def find_page(slug: PageSlug) -> PortalPage | None:
    return db.session.scalar(select(PortalPage).where(PortalPage.slug == slug))


def all_pages() -> dict[PageSlug, PortalPage | None]:
    found = {page.slug: page for page in db.session.scalars(select(PortalPage))}
    return {slug: found.get(slug) for slug in PageSlug}


def save_page(slug: PageSlug, body: str, *, actor: User | None, based_on_version: int | None) -> PortalPage:
    """Write the page's new text; ``based_on_version`` is the version the editor started from (None: the page
    did not exist yet). Audited with the version it became."""
    page = find_page(slug)
    if (page.version if page else None) != based_on_version:
        raise StaleVersion
    if page is None:
        page = PortalPage(slug=slug, body=body, version=1)
        db.session.add(page)
    else:
        page.body, page.version = body, page.version + 1
    page.updated_at = utcnow()
    page.updated_by = actor
    db.session.flush()
    record("portal_page.edit", page, actor=actor, details={"page": slug.value, "version": page.version})
    return page
