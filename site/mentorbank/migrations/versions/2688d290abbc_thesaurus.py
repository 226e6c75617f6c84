"""thesaurus of the school world, seeded from the source documents

Abbreviations found in the source documents (/work/shared/seeds: regional mentoring regulations and articles)
and the everyday ones of Russian schools, with role words and the subjects they name. Editable afterwards on
the admin's thesaurus page; this migration only provides the starting set.

Revision ID: 2688d290abbc
Revises: c4f1e2a9b7d3
Create Date: 2026-12-02 13:30:00

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

revision = "2688d290abbc"
down_revision = 'c4f1e2a9b7d3'
branch_labels = None
depends_on = None

ABBREVIATIONS = [
    ("СОШ", "средняя общеобразовательная школа"),
    ("СОШ", "средняя школа"),
    # «школа 91» finds «МБОУ СОШ № 91»: people say "school" for any of them.
    ("СОШ", "школа"),
    ("ООШ", "школа"),
    ("ООШ", "основная общеобразовательная школа"),
    ("НОШ", "начальная общеобразовательная школа"),
    ("ОО", "образовательная организация"),
    ("ОУ", "образовательное учреждение"),
    ("ОУ", "общеобразовательное учреждение"),
    ("МОО", "муниципальная образовательная организация"),
    ("МОУ", "муниципальное общеобразовательное учреждение"),
    ("МБОУ", "муниципальное бюджетное общеобразовательное учреждение"),
    ("МАОУ", "муниципальное автономное общеобразовательное учреждение"),
    ("МКОУ", "муниципальное казённое общеобразовательное учреждение"),
    ("ГБОУ", "государственное бюджетное общеобразовательное учреждение"),
    ("ГАОУ", "государственное автономное образовательное учреждение"),
    ("ГБПОУ", "государственное бюджетное профессиональное образовательное учреждение"),
    ("ДОУ", "дошкольное образовательное учреждение"),
    ("ДОО", "дошкольная образовательная организация"),
    ("МБДОУ", "муниципальное бюджетное дошкольное образовательное учреждение"),
    ("МАДОУ", "муниципальное автономное дошкольное образовательное учреждение"),
    ("УДО", "учреждение дополнительного образования"),
    ("СПО", "среднее профессиональное образование"),
    ("ДПО", "дополнительное профессиональное образование"),
    ("ДПП", "дополнительная профессиональная программа"),
    ("ВУЗ", "высшее учебное заведение"),
    ("УВР", "учебно-воспитательная работа"),
    ("ВР", "воспитательная работа"),
    ("НМР", "научно-методическая работа"),
    ("ИКТ", "информационно-коммуникационные технологии"),
    ("ФГОС", "федеральный государственный образовательный стандарт"),
    ("ОГЭ", "основной государственный экзамен"),
    ("ЕГЭ", "единый государственный экзамен"),
    ("ГИА", "государственная итоговая аттестация"),
    ("ВПР", "всероссийская проверочная работа"),
    ("ОВЗ", "ограниченные возможности здоровья"),
    ("ИОМ", "индивидуальный образовательный маршрут"),
    ("ИРО", "институт развития образования"),
    ("ЦНППМ", "центр непрерывного повышения профессионального мастерства"),
    ("ЦНПМ", "центр непрерывного повышения профессионального мастерства"),
    ("ИМЦ", "информационно-методический центр"),
    ("ЦППМСП", "центр психолого-педагогической, медицинской и социальной помощи"),
    ("ШНОР", "школы с низкими образовательными результатами"),
    ("РДШ", "российское движение школьников"),
    ("РАО", "Российская академия образования"),
    ("ФРОП", "федеральный реестр образовательных программ"),
    ("РФ", "Российская Федерация"),
    ("РТ", "Республика Татарстан"),
    ("РХ", "Республика Хакасия"),
]

ROLES = [
    ("историк", "история"),
    ("математик", "математика"),
    ("физик", "физика"),
    ("химик", "химия"),
    ("биолог", "биология"),
    ("географ", "география"),
    ("информатик", "информатика"),
    ("обществовед", "обществознание"),
    ("словесник", "русский язык"),
    ("словесник", "литература"),
    ("русист", "русский язык"),
    ("литератор", "литература"),
    ("англичанка", "английский язык"),
    ("физрук", "физическая культура"),
    ("трудовик", "технология"),
    ("музыкант", "музыка"),
    ("психолог", "психология"),
    ("логопед", "логопедия"),
    ("дефектолог", "дефектология"),
    ("завуч", "заместитель директора"),
    ("классрук", "классный руководитель"),
    ("вожатый", "советник директора по воспитанию"),
]

entry = sa.table(
    "thesaurus_entry",
    sa.column("term", sa.String),
    sa.column("expansion", sa.String),
    sa.column("kind", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)


def upgrade():
    op.create_table(
        "thesaurus_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("expansion", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('abbreviation', 'role')", name=op.f("ck_thesaurus_entry_known_thesaurus_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thesaurus_entry")),
        sa.UniqueConstraint("term", "expansion", name=op.f("uq_thesaurus_entry_term")),
    )
    with op.batch_alter_table("thesaurus_entry") as batch_op:
        batch_op.create_index(batch_op.f("ix_thesaurus_entry_term"), ["term"], unique=False)

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    op.bulk_insert(entry, [
        {"term": term, "expansion": expansion, "kind": kind, "created_at": now, "updated_at": now}
        for kind, pairs in (("abbreviation", ABBREVIATIONS), ("role", ROLES))
        for term, expansion in pairs
    ])


def downgrade():
    with op.batch_alter_table("thesaurus_entry") as batch_op:
        batch_op.drop_index(batch_op.f("ix_thesaurus_entry_term"))
    op.drop_table("thesaurus_entry")
