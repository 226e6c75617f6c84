"""portal pages: about, help and contacts, written by admins in Markdown

Revision ID: d5a9e3c1b7f2
Revises: d5a7c3e9f1b2
Create Date: 2026-12-02 16:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd5a9e3c1b7f2'
down_revision = 'd5a7c3e9f1b2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('portal_page',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.Enum('about', 'help', 'contacts', name='slug', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_portal_page_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portal_page')),
    sa.UniqueConstraint('slug', name=op.f('uq_portal_page_slug'))
    )


def downgrade():
    op.drop_table('portal_page')
