"""``flask --app mentorbank mentors import FILE [--dry-run]``: a regional registry into the bank."""
from pathlib import Path

import click
from flask.cli import AppGroup

from .importer import ImportFileError, Outcome, RegistryImport, Report, looks_like_header, read_sheet

NEW_PLACE_HEADINGS = {
    "region": "Новые регионы", "municipality": "Новые муниципалитеты", "organisation": "Новые организации",
}

mentors_cli = AppGroup("mentors", help="The mentor bank: import of regional registries.")


@mentors_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, but write nothing.")
def import_command(file: Path, dry_run: bool) -> None:
    """Import mentors from FILE (CSV or XLSX with the Russian headers of docs/import.md).

    Mentors are found by e-mail: new ones are created approved, changed ones updated, and a second import of
    the same file changes nothing. Rejected rows are reported with their numbers and reasons.
    """
    try:
        sheet = read_sheet(file, is_header=looks_like_header)
        registry = RegistryImport(sheet, source=file.name)
        # A first pass over the whole file: the count for the progress bar, and a damaged file is refused
        # before any batch is written.
        total = sheet.count_rows()
        click.echo(f"Файл: {file.name} ({sheet.description}), строк с данными: {total}.")
        with click.progressbar(length=total, label="Импорт", show_pos=True) as bar:
            report = registry.run(dry_run=dry_run, on_row=lambda: bar.update(1))
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    _print(report)


def _print(report: Report) -> None:
    if report.ignored_headers:
        click.echo("Неизвестные столбцы пропущены: " + ", ".join(f"«{h}»" for h in report.ignored_headers) + ".")
    for rejection in report.rejections:
        click.echo(f"Строка {rejection.row} отклонена: {'; '.join(rejection.reasons)}.")
    if report.dry_run:
        click.echo("Пробный запуск (--dry-run): база данных не изменена; ниже — что было бы сделано.")
    outcomes = report.outcomes
    click.echo(
        f"Создано: {outcomes[Outcome.CREATED]}, обновлено: {outcomes[Outcome.UPDATED]}, "
        f"без изменений: {outcomes[Outcome.UNCHANGED]}, отклонено: {len(report.rejections)}."
    )
    for table, heading in NEW_PLACE_HEADINGS.items():
        if names := report.new_places.get(table):
            click.echo(f"{heading} ({len(names)}): {'; '.join(names)}.")
