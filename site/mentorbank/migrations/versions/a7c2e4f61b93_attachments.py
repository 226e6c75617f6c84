"""attachments: files kept for records of any kind (issue 10 §1)

Revision ID: a7c2e4f61b93
Revises: ebf690a8bc56
Create Date: 2026-12-02 16:40:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a7c2e4f61b93"
down_revision = "ebf690a8bc56"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_kind", sa.String(length=40), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("storage_key", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["user_account.id"],
                                name=op.f("fk_attachment_uploaded_by_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment") as batch_op:
        batch_op.create_index("ix_attachment_owner", ["owner_kind", "owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_storage_key"), ["storage_key"], unique=False)


def downgrade():
    with op.batch_alter_table("attachment") as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_storage_key"))
        batch_op.drop_index("ix_attachment_owner")
    op.drop_table("attachment")
