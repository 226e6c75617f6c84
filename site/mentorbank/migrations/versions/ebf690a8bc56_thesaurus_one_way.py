"""thesaurus: one-way entries (a broader expansion finds the term, not the reverse)

«СОШ» ↔ «школа» made «СОШ» find every school; «школа» and «средняя школа» are broader than «СОШ» (a lyceum
is a school too), so their entries become one way: «школа» still finds «СОШ» and «ООШ», «СОШ» finds only
itself and «средняя общеобразовательная школа».

Revision ID: ebf690a8bc56
Revises: d5a9e3c1b7f2
Create Date: 2026-12-02 16:10:00

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

revision = "ebf690a8bc56"
down_revision = 'd5a9e3c1b7f2'
branch_labels = None
depends_on = None

# (term, broader expansion) of the seed (2688d290abbc).
ONE_WAY = [("СОШ", "школа"), ("ООШ", "школа"), ("СОШ", "средняя школа")]

entry = sa.table(
    "thesaurus_entry",
    sa.column("term", sa.String),
    sa.column("expansion", sa.String),
    sa.column("one_way", sa.Boolean),
    sa.column("updated_at", sa.DateTime),
)


def upgrade():
    with op.batch_alter_table("thesaurus_entry") as batch_op:
        batch_op.add_column(sa.Column("one_way", sa.Boolean(), server_default=sa.false(), nullable=False))
    # updated_at moves: every running process reloads the thesaurus (search/thesaurus.py's version stamp).
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for term, expansion in ONE_WAY:
        op.execute(
            entry.update()
            .where(entry.c.term == term, entry.c.expansion == expansion)
            .values(one_way=True, updated_at=now)
        )


def downgrade():
    with op.batch_alter_table("thesaurus_entry") as batch_op:
        batch_op.drop_column("one_way")
