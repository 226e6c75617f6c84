"""accounts, roles, moderation, audit log, notifications

Revision ID: 9ada91ebcae3
Revises: b7a1c2d3e4f5
Create Date: 2026-11-23 10:40:17.298763

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9ada91ebcae3'
down_revision = 'b7a1c2d3e4f5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('target_type', sa.String(length=40), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_audit_entry_actor_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_created_at'), ['created_at'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('target_type', sa.String(length=40), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_notification_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_user_id'), ['user_id'], unique=False)

    op.create_table('role_grant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('moderator', 'admin', 'curator', name='role', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('granted_at', sa.DateTime(), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(role = 'curator') = (organisation_id IS NOT NULL)", name=op.f('ck_role_grant_curator_has_organisation')),
    sa.ForeignKeyConstraint(['granted_by_id'], ['user_account.id'], name=op.f('fk_role_grant_granted_by_id_user_account')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_role_grant_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_role_grant_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_grant')),
    sa.UniqueConstraint('user_id', 'role', 'organisation_id', name=op.f('uq_role_grant_user_id'))
    )
    with op.batch_alter_table('role_grant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_grant_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_grant_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('mentor_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('submitted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('decided_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revision_of_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_mentor_profile_revision_of_id'), ['revision_of_id'])
        batch_op.create_foreign_key(batch_op.f('fk_mentor_profile_revision_of_id_mentor_profile'), 'mentor_profile', ['revision_of_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_mentor_profile_decided_by_id_user_account'), 'user_account', ['decided_by_id'], ['id'])

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        # Every organisation already in the directory is approved.
        batch_op.add_column(sa.Column('status', sa.Enum('approved', 'proposed', name='organisation_status', native_enum=False, create_constraint=True, length=16), nullable=False, server_default='approved'))
        batch_op.add_column(sa.Column('proposed_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_organisation_status'), ['status'], unique=False)

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('processing_consent_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('processing_consent_version', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('is_blocked', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(), nullable=True))



def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('is_blocked')
        batch_op.drop_column('processing_consent_version')
        batch_op.drop_column('processing_consent_at')
        batch_op.drop_column('email_confirmed_at')

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_status'))
        # The enum's CHECK would otherwise outlive its column when SQLite copies the table.
        batch_op.drop_constraint(batch_op.f('ck_organisation_organisation_status'), type_='check')
        batch_op.drop_column('proposed_by_id')
        batch_op.drop_column('status')

    with op.batch_alter_table('mentor_profile', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_mentor_profile_decided_by_id_user_account'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_mentor_profile_revision_of_id_mentor_profile'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_mentor_profile_revision_of_id'), type_='unique')
        batch_op.drop_column('revision_of_id')
        batch_op.drop_column('decided_by_id')
        batch_op.drop_column('submitted_at')

    with op.batch_alter_table('role_grant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_grant_user_id'))
        batch_op.drop_index(batch_op.f('ix_role_grant_organisation_id'))

    op.drop_table('role_grant')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_user_id'))

    op.drop_table('notification')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_created_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_actor_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_action'))

    op.drop_table('audit_entry')
