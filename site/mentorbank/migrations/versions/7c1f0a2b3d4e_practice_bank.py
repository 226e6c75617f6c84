"""practice bank: practices (record + versions), their authors and terms, and adoptions

The record and its versions point at each other: the record's two version keys are added after the version
table exists (batch mode, so SQLite rebuilds the table).

Revision ID: 7c1f0a2b3d4e
Revises: ebf690a8bc56
Create Date: 2026-12-02 16:34:36.893250

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1f0a2b3d4e'
down_revision = 'ebf690a8bc56'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('practice',
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('first_published_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('published_version_id', sa.Integer(), nullable=True),
    sa.Column('pending_version_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_practice_owner_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice'))
    )
    with op.batch_alter_table('practice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_owner_id'), ['owner_id'], unique=False)

    op.create_table('practice_adoption',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practice_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('how', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('outcome_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_practice_adoption_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['practice_id'], ['practice.id'], name=op.f('fk_practice_adoption_practice_id_practice'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_practice_adoption_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_adoption'))
    )
    with op.batch_alter_table('practice_adoption', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_adoption_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_adoption_practice_id'), ['practice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_adoption_user_id'), ['user_id'], unique=False)

    op.create_table('practice_version',
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('author_names', sa.Text(), nullable=True),
    sa.Column('results', sa.Text(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('links', sa.Text(), nullable=True),
    sa.Column('competition_id', sa.Integer(), nullable=True),
    sa.Column('competition_title', sa.String(length=400), nullable=True),
    sa.Column('nomination', sa.String(length=200), nullable=True),
    sa.Column('contest_year', sa.Integer(), nullable=True),
    sa.Column('place', sa.Enum('first', 'second', 'third', 'laureate', 'participant', name='practice_place', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('status', sa.Enum('draft', 'submitted', 'published', 'returned', name='practice_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status <> 'returned' OR length(trim(status_reason)) > 0", name=op.f('ck_practice_version_returned_has_reason')),
    sa.CheckConstraint("status NOT IN ('published', 'returned') OR decided_at IS NOT NULL", name=op.f('ck_practice_version_decided_is_stamped')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_practice_version_decided_by_id_user_account')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_practice_version_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['record_id'], ['practice.id'], name=op.f('fk_practice_version_record_id_practice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_version'))
    )
    with op.batch_alter_table('practice_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_version_competition_id'), ['competition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_version_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_version_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_version_status'), ['status'], unique=False)

    op.create_table('practice_version_author',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_practice_version_author_user_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['practice_version.id'], name=op.f('fk_practice_version_author_version_id_practice_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'user_id', name=op.f('pk_practice_version_author'))
    )
    with op.batch_alter_table('practice_version_author', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_version_author_user_id'), ['user_id'], unique=False)

    op.create_table('practice_version_term',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['term_id'], ['vocabulary_term.id'], name=op.f('fk_practice_version_term_term_id_vocabulary_term'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['practice_version.id'], name=op.f('fk_practice_version_term_version_id_practice_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'term_id', name=op.f('pk_practice_version_term'))
    )
    with op.batch_alter_table('practice_version_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_version_term_term_id'), ['term_id'], unique=False)

    with op.batch_alter_table('practice', schema=None) as batch_op:
        for which in ('published', 'pending'):
            batch_op.create_foreign_key(
                op.f(f'fk_practice_{which}_version_id_practice_version'), 'practice_version',
                [f'{which}_version_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('practice', schema=None) as batch_op:
        for which in ('published', 'pending'):
            batch_op.drop_constraint(op.f(f'fk_practice_{which}_version_id_practice_version'), type_='foreignkey')
    with op.batch_alter_table('practice_version_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_version_term_term_id'))

    op.drop_table('practice_version_term')
    with op.batch_alter_table('practice_version_author', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_version_author_user_id'))

    op.drop_table('practice_version_author')
    with op.batch_alter_table('practice_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_version_status'))
        batch_op.drop_index(batch_op.f('ix_practice_version_record_id'))
        batch_op.drop_index(batch_op.f('ix_practice_version_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_practice_version_competition_id'))

    op.drop_table('practice_version')
    with op.batch_alter_table('practice_adoption', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_adoption_user_id'))
        batch_op.drop_index(batch_op.f('ix_practice_adoption_practice_id'))
        batch_op.drop_index(batch_op.f('ix_practice_adoption_organisation_id'))

    op.drop_table('practice_adoption')
    with op.batch_alter_table('practice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_owner_id'))

    op.drop_table('practice')
