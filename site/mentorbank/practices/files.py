"""The practices' side of the attachments (site/mentorbank/attachments): a version's files are owned by
``practice_version:<id>``. Until that package lands, a version has no files."""
VERSION_OWNER_KIND = "practice_version"


def copy_files(origin: tuple[str, int], target: tuple[str, int]) -> None:
    """A new version starts with the files of the one it copies (same stored files, new rows)."""


def files_of(version) -> list:
    return []


def titles_of_versions(version_ids: list[int]) -> dict[int, list[str]]:
    """version id → its files' names, for the search documents."""
    return {}


def search_watches(practices_of_versions) -> dict:
    """The attachment rows whose change may change a practice's document."""
    return {}
