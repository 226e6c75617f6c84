"""session tokens (revocable sessions) and failed log-ins (throttling shared by every worker)

Revision ID: c4f1a8d2e6b0
Revises: 2688d290abbc
Create Date: 2026-12-02 13:45:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = 'c4f1a8d2e6b0'
down_revision = '2688d290abbc'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=32), nullable=True))
    # Each existing account gets its own random token: the cookies issued before this change stop working.
    user_account = sa.table('user_account', sa.column('id', sa.Integer), sa.column('session_token', sa.String))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(user_account.c.id)).all():
        connection.execute(user_account.update().where(user_account.c.id == user_id)
                           .values(session_token=secrets.token_hex(16)))
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=32), nullable=False)

    op.create_table('login_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('failed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failure'))
    )
    with op.batch_alter_table('login_failure') as batch_op:
        batch_op.create_index('ix_login_failure_scope_key_failed_at', ['scope', 'key', 'failed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failure_failed_at'), ['failed_at'], unique=False)


def downgrade():
    op.drop_table('login_failure')
    with op.batch_alter_table('user_account') as batch_op:
        batch_op.drop_column('session_token')
