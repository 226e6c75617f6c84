"""Pagination shared by every list page and the JSON API."""
from dataclasses import dataclass
from math import ceil
from typing import Any

from sqlalchemy import Select, func, select

from ..extensions import db


def page_number(value: Any) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@dataclass
class Page:
    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page)) if self.per_page else 1

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to show, with None where a gap is elided: 1 … 4 5 [6] 7 8 … 20."""
        shown = {1, self.pages, *range(self.page - around, self.page + around + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.pages)
        result: list[int | None] = []
        for previous, current in zip([0, *numbers], numbers):
            if current - previous > 1:
                result.append(None)
            result.append(current)
        return result


def count_rows(query: Select) -> int:
    """How many rows a select returns (its order dropped: counting does not need it)."""
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def paginate(query: Select, page: int, per_page: int) -> Page:
    """One page of an ordered select's rows; a page past the end shows the last one."""
    total = count_rows(query)
    page = min(page, max(1, ceil(total / per_page)))
    items = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(items=items, page=page, per_page=per_page, total=total)
