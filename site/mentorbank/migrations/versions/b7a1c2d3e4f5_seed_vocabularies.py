"""seed the vocabularies of DESIGN.md §3

The terms stay editable data afterwards; this migration only provides the starting set.

Revision ID: b7a1c2d3e4f5
Revises: e03f982e900d
Create Date: 2026-11-23 09:05:00

"""
from alembic import op
import sqlalchemy as sa

revision = "b7a1c2d3e4f5"
down_revision = "e03f982e900d"
branch_labels = None
depends_on = None

# vocabulary -> [(slug, Russian name, English name)], in display order.
VOCABULARIES = {
    "form": [
        ("teacher-teacher", "педагог – педагог", "teacher – teacher"),
        ("head-teacher", "руководитель ОО – педагог", "school head – teacher"),
        ("head-head", "руководитель – руководитель", "head – head"),
        ("team-team", "команда – команда («школа – школе»)", "team – team (school to school)"),
        ("partner-teacher", "социальный партнёр – педагог", "social partner – teacher"),
        ("lecturer-young-teacher", "педагог вуза/колледжа – молодой педагог", "university/college lecturer – young teacher"),
        ("head-student", "руководитель ОО – студент", "school head – student"),
    ],
    "interaction_model": [
        ("experienced-young", "опытный педагог – молодой специалист", "experienced teacher – young specialist"),
        ("leader-communication", "лидер сообщества – педагог с затруднениями в коммуникации",
         "community leader – teacher with communication difficulties"),
        ("innovator-conservative", "педагог-новатор – консервативный педагог", "innovator – conservative teacher"),
        ("expert-novice-subject", "опытный предметник – неопытный предметник",
         "experienced subject teacher – inexperienced subject teacher"),
    ],
    "kind": [
        ("virtual", "виртуальное (дистанционное)", "virtual (remote)"),
        ("group", "в группе", "in a group"),
        ("short-term", "краткосрочное (целеполагающее)", "short-term (goal-setting)"),
        ("reverse", "реверсивное", "reverse"),
        ("situational", "ситуационное", "situational"),
        ("speed", "скоростное", "speed"),
        ("traditional", "традиционное («один на один»)", "traditional (one to one)"),
        ("adaptive", "адаптивное", "adaptive"),
        ("accompanying", "сопровождающее", "accompanying"),
        ("developmental", "развивающее", "developmental"),
        ("expert", "экспертное", "expert"),
    ],
    "mode": [
        ("in-person", "очный", "in person"),
        ("remote", "дистанционный", "remote"),
        ("blended", "смешанный", "blended"),
    ],
    "direction": [
        ("scientific-theoretical", "научно-теоретическое", "scientific and theoretical"),
        ("legal", "нормативно-правовое", "legal and regulatory"),
        ("subject-professional", "предметно-профессиональное", "subject and professional"),
        ("psychological-pedagogical", "психолого-педагогическое", "psychological and pedagogical"),
        ("methodical", "методическое", "methodical"),
        ("ict", "ИКТ и цифровизация", "ICT and digitalisation"),
        ("extracurricular", "внеурочная и воспитательная деятельность", "extracurricular and upbringing work"),
        ("health", "здоровьесбережение", "health care"),
        ("parents", "работа с родителями", "work with parents"),
        ("burnout", "профилактика профессионального выгорания", "burnout prevention"),
        ("contests", "подготовка к конкурсам и олимпиадам", "preparing for contests and olympiads"),
    ],
    "track": [
        ("digitalisation", "пространство цифровизации и информатизации", "digitalisation and informatisation"),
        ("management", "пространство управления и качества", "management and quality"),
        ("growth", "пространство роста и развития", "growth and development"),
        ("upbringing", "пространство воспитания и социализации", "upbringing and socialisation"),
        ("self-realisation", "пространство самореализации и профессионального самоопределения",
         "self-realisation and professional self-determination"),
        ("interaction", "пространство взаимодействия и сопровождения", "interaction and support"),
    ],
    "competence": [
        ("expert", "экспертные", "expert"),
        ("communicative", "коммуникативные", "communicative"),
        ("managerial", "управленческие", "managerial"),
        ("research", "исследовательские", "research"),
        ("project", "проектные", "project"),
    ],
    "mentee_category": [
        ("young", "молодой/начинающий педагог", "young/beginning teacher"),
        ("after-break", "после длительного перерыва", "returning after a long break"),
        ("new-place", "адаптация на новом месте", "adapting to a new workplace"),
        ("difficulties", "испытывает профессиональные затруднения", "facing professional difficulties"),
        ("student", "стажёр/студент", "trainee/student"),
        ("new-head", "новый руководитель", "new head"),
        ("no-pedagogical-education", "без педагогического образования", "without pedagogical education"),
    ],
    "level": [
        ("institutional", "институциональный", "institutional"),
        ("municipal", "муниципальный", "municipal"),
        ("regional", "региональный", "regional"),
        ("federal", "федеральный", "federal"),
    ],
    "organisation_kind": [
        ("school", "школа", "school"),
        ("kindergarten", "детский сад", "kindergarten"),
        ("college", "колледж (СПО)", "college"),
        ("additional", "дополнительное образование", "additional education"),
        ("university", "вуз", "university"),
        ("methodical-centre", "ИРО/ЦНППМ/методический центр", "teacher development centre"),
        ("social-partner", "социальный партнёр", "social partner"),
    ],
}

term = sa.table(
    "vocabulary_term",
    sa.column("vocabulary", sa.String),
    sa.column("slug", sa.String),
    sa.column("name", sa.String),
    sa.column("name_en", sa.String),
    sa.column("position", sa.Integer),
    sa.column("is_active", sa.Boolean),
)


def upgrade():
    op.bulk_insert(
        term,
        [
            {"vocabulary": vocabulary, "slug": slug, "name": name, "name_en": name_en,
             "position": position, "is_active": True}
            for vocabulary, terms in VOCABULARIES.items()
            for position, (slug, name, name_en) in enumerate(terms)
        ],
    )


def downgrade():
    for vocabulary, terms in VOCABULARIES.items():
        op.execute(
            term.delete().where(term.c.vocabulary == vocabulary).where(term.c.slug.in_([s for s, _, _ in terms]))
        )
