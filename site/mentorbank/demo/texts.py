"""Composing achievements, bios, e-mails and phones of demo mentors from the parts in ``people``."""
import random

from ..mentors.application import BIO_MIN_LENGTH
from . import people

# Added, in this order, to a demo bio still shorter than a submitted profile needs (BIO_MIN_LENGTH), so the demo
# bank holds only cards the application would accept; no random draw, so a seed gives the same bank as before.
PERSONAL_CLOSING = (
    "Встречи планируем заранее, а между ними я на связи и отвечаю на вопросы.",
    "Вместе составляем план на полгода и отмечаем, что уже получилось.",
)
TEAM_CLOSING = (
    "Работаем по плану, согласованному с куратором, и вместе подводим итоги каждого этапа.",
    "Между встречами отвечаем на вопросы коллег в переписке.",
)

TRANSLITERATION = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),
))


def plural_years(count: int) -> str:
    if count % 10 == 1 and count % 100 != 11:
        word = "год"
    elif count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        word = "года"
    else:
        word = "лет"
    return f"{count} {word}"


def email_local_part(surname: str, initials: str) -> str:
    latin = "".join(TRANSLITERATION.get(letter, letter) for letter in surname.lower()).replace("-", "")
    return f"{latin}.{''.join(TRANSLITERATION[letter] for letter in initials.lower())}"


def phone_number(rng: random.Random) -> str:
    return f"+7 9{rng.randint(0, 99):02d} {rng.randint(100, 999)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"


class _Parts(dict):
    """Placeholder values drawn only when a template asks for them, so each costs one random draw at most."""

    def __init__(self, rng: random.Random, context: dict):
        super().__init__()
        self.rng, self.context = rng, context

    def __missing__(self, key: str) -> str:
        rng, female = self.rng, self.context.get("female")
        draws = {
            "ed": lambda: "а" if female else "",
            "lead": lambda: "Ведущая" if female else "Ведущий",
            "level": lambda: rng.choice(("муниципального", "регионального")),
            "contest": lambda: people.CONTESTS.get(self.context.get("kind"), people.DEFAULT_CONTEST),
            "year": lambda: rng.randint(2015, 2025),
            "nomination": lambda: rng.choice(people.NOMINATIONS),
            "topic": lambda: rng.choice(people.MANUAL_TOPICS),
            "webinar": lambda: rng.choice(people.WEBINAR_SERIES),
            "association": lambda: self.context.get("association", "педагогов"),
            "count": lambda: rng.randint(5, 15),
        }
        return draws[key]()


def _fill(rng: random.Random, template: str, context: dict) -> str:
    return template.format_map(_Parts(rng, context))


def achievements(rng: random.Random, context: dict, is_team: bool) -> str:
    templates = people.TEAM_ACHIEVEMENTS if is_team else people.ACHIEVEMENTS
    chosen = rng.sample(templates, rng.randint(2, min(4, len(templates))))
    return "; ".join(_fill(rng, template, context) for template in chosen)


def bio(rng: random.Random, context: dict, slugs: dict[str, list[str]]) -> str:
    sentences = [
        rng.choice(people.INTRODUCTIONS).format(**context),
        f"Помогаю коллегам {people.DIRECTION_HELP[rng.choice(slugs['direction'])]}.",
    ]
    optional = [people.MENTEE_SENTENCES[rng.choice(slugs["mentee_category"])], rng.choice(people.APPROACHES)]
    if {"remote", "blended"} & set(slugs["mode"]):
        optional.append(_fill(rng, people.REMOTE_APPROACH, context))
    sentences += rng.sample(optional, rng.randint(0, 2))
    return _long_enough(sentences, [*optional, *PERSONAL_CLOSING])


def team_bio(rng: random.Random, slugs: dict[str, list[str]]) -> str:
    sentences = [
        people.TEAM_INTRODUCTION.format(count=rng.randint(3, 7), roles=rng.choice(people.TEAM_ROLES)),
        f"Помогаем коллегам {people.DIRECTION_HELP[rng.choice(slugs['direction'])]}.",
    ]
    if rng.random() < 0.7:
        sentences.append(people.TEAM_APPROACH)
    return _long_enough(sentences, [people.TEAM_APPROACH, *TEAM_CLOSING])


def _long_enough(sentences: list[str], extras: list[str]) -> str:
    for extra in extras:
        if len(" ".join(sentences)) >= BIO_MIN_LENGTH:
            break
        if extra not in sentences:
            sentences.append(extra)
    return " ".join(sentences)
