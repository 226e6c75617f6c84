"""mentor profile: status "rejected" renamed "returned"; CHECKs for the workflow's invariants

Revision ID: c4e8a1f2d3b6
Revises: c4f1a8d2e6b0
Create Date: 2026-12-02 13:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e8a1f2d3b6'
down_revision = 'c4f1a8d2e6b0'
branch_labels = None
depends_on = None

OLD_STATUSES = ('draft', 'pending', 'approved', 'rejected', 'withdrawn')
NEW_STATUSES = ('draft', 'pending', 'approved', 'returned', 'withdrawn')


def _status_check(statuses):
    return "status IN (%s)" % ", ".join(f"'{status}'" for status in statuses)


def _rename_status(old, new, statuses):
    with op.batch_alter_table('mentor_profile', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_mentor_profile_profile_status'), type_='check')
    op.execute(sa.text("UPDATE mentor_profile SET status = :new WHERE status = :old").bindparams(old=old, new=new))
    with op.batch_alter_table('mentor_profile', schema=None) as batch_op:
        batch_op.create_check_constraint(batch_op.f('ck_mentor_profile_profile_status'), _status_check(statuses))


def upgrade():
    _rename_status('rejected', 'returned', NEW_STATUSES)
    # Rows decided before the workflow stamped every decision get the best date known, and a returned row
    # without a reason gets a placeholder, so the constraints below hold for existing data.
    op.execute("UPDATE mentor_profile SET decided_at = COALESCE(published_at, submitted_at, updated_at) "
               "WHERE status IN ('approved', 'returned') AND decided_at IS NULL")
    op.execute("UPDATE mentor_profile SET status_reason = 'Причина не записана.' "
               "WHERE status = 'returned' AND (status_reason IS NULL OR length(trim(status_reason)) = 0)")
    with op.batch_alter_table('mentor_profile', schema=None) as batch_op:
        batch_op.create_check_constraint(
            batch_op.f('ck_mentor_profile_returned_has_reason'), "status <> 'returned' OR length(trim(status_reason)) > 0")
        batch_op.create_check_constraint(
            batch_op.f('ck_mentor_profile_decided_is_stamped'), "status NOT IN ('approved', 'returned') OR decided_at IS NOT NULL")


def downgrade():
    with op.batch_alter_table('mentor_profile', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_mentor_profile_decided_is_stamped'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_mentor_profile_returned_has_reason'), type_='check')
    _rename_status('returned', 'rejected', OLD_STATUSES)
