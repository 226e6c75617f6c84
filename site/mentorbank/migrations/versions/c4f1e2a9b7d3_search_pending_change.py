"""search outbox: pending index changes written with the data change

Revision ID: c4f1e2a9b7d3
Revises: 9ada91ebcae3
Create Date: 2026-12-02 13:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c4f1e2a9b7d3'
down_revision = '9ada91ebcae3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_pending_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_pending_change'))
    )
    with op.batch_alter_table('search_pending_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_pending_change_created_at'), ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('search_pending_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_pending_change_created_at'))
    op.drop_table('search_pending_change')
