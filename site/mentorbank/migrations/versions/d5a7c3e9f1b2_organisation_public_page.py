"""organisation: the public page its curator keeps (description, institutional e-mail, phone, address)

Revision ID: d5a7c3e9f1b2
Revises: c4e8a1f2d3b6
Create Date: 2026-12-02 16:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd5a7c3e9f1b2'
down_revision = 'c4e8a1f2d3b6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('contact_email', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('address', sa.String(length=500), nullable=True))


def downgrade():
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('address')
        batch_op.drop_column('contact_phone')
        batch_op.drop_column('contact_email')
        batch_op.drop_column('description')
