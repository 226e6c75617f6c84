"""library: items in rubrics (a vocabulary, seeded here) kept by moderators

Revision ID: f3b8d1a6c2e4
Revises: 7c1f0a2b3d4e
Create Date: 2026-12-02 16:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'f3b8d1a6c2e4'
down_revision = '7c1f0a2b3d4e'  # after the practices' (which follows the uploads')
branch_labels = None
depends_on = None

OLD_VOCABULARIES = ('form', 'interaction_model', 'kind', 'mode', 'direction', 'track', 'competence',
                    'mentee_category', 'level', 'organisation_kind')
NEW_VOCABULARIES = (*OLD_VOCABULARIES, 'library_rubric')
# The rubrics of source document 003; editable data afterwards (/admin/vocabularies).
RUBRICS = [
    ("regulations", "нормативно-правовая база", "regulatory framework"),
    ("methods", "методические материалы", "methodological materials"),
    ("webinars", "вебинары", "webinars"),
    ("links", "полезные ссылки", "useful links"),
]

term = sa.table(
    "vocabulary_term",
    sa.column("vocabulary", sa.String), sa.column("slug", sa.String), sa.column("name", sa.String),
    sa.column("name_en", sa.String), sa.column("position", sa.Integer), sa.column("is_active", sa.Boolean),
)


def _known_vocabularies(vocabularies):
    with op.batch_alter_table('vocabulary_term', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_vocabulary_term_known_vocabulary'), type_='check')
    with op.batch_alter_table('vocabulary_term', schema=None) as batch_op:
        batch_op.create_check_constraint(
            batch_op.f('ck_vocabulary_term_known_vocabulary'),
            "vocabulary IN (%s)" % ", ".join(f"'{name}'" for name in vocabularies))


def upgrade():
    _known_vocabularies(NEW_VOCABULARIES)
    op.bulk_insert(term, [
        {"vocabulary": "library_rubric", "slug": slug, "name": name, "name_en": name_en, "position": position,
         "is_active": True}
        for position, (slug, name, name_en) in enumerate(RUBRICS)
    ])
    op.create_table('library_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('rubric_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('is_published', sa.Boolean(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('year BETWEEN 1990 AND 2100', name=op.f('ck_library_item_plausible_year')),
    sa.CheckConstraint("url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'", name=op.f('ck_library_item_web_link')),
    sa.CheckConstraint('NOT is_published OR published_at IS NOT NULL', name=op.f('ck_library_item_published_is_stamped')),
    sa.ForeignKeyConstraint(['rubric_id'], ['vocabulary_term.id'], name=op.f('fk_library_item_rubric_id_vocabulary_term'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_library_item_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_library_item_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_library_item'))
    )
    with op.batch_alter_table('library_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_library_item_rubric_id'), ['rubric_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_library_item_is_published'), ['is_published'], unique=False)
        batch_op.create_index(batch_op.f('ix_library_item_published_at'), ['published_at'], unique=False)


def downgrade():
    op.drop_table('library_item')
    op.execute(term.delete().where(term.c.vocabulary == 'library_rubric'))
    _known_vocabularies(OLD_VOCABULARIES)
