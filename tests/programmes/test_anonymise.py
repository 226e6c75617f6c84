"""What the publish form is prefilled with names nobody: names in any case, initials, e-mails and phones are cut
out, while dates, school years and numbers stay."""
from mentorbank.programmes.anonymise import HIDDEN, personal_data_in, without_personal_data

PEOPLE = ["Иванова Мария Петровна", "Орлова Елена Николаевна"]


def test_names_in_any_case_and_with_initials_are_cut_out():
    text = "Иванова М. П. посещает уроки Орловой; М.П. Иванова и Марии Петровне помогает Елена Николаевна."
    cleaned = without_personal_data(text, PEOPLE)
    for piece in ("Иванов", "Орлов", "Мари", "Петровн", "Елена", "Николаевн", "М. П.", "М.П."):
        assert piece not in cleaned, piece
    assert "посещает уроки" in cleaned and HIDDEN in cleaned


def test_emails_and_phones_are_cut_out_but_dates_years_and_numbers_stay():
    text = ("Пишите ivanova@school.example.org или звоните +7 912 345-67-89, 8 (843) 123-45-67, 222-33-44. "
            "До 01.09.2025, 2024-2025 учебный год, школа № 1234567, 7 класс.")
    cleaned = without_personal_data(text)
    for piece in ("ivanova@", "912", "843", "222-33-44"):
        assert piece not in cleaned, piece
    for piece in ("01.09.2025", "2024-2025", "№ 1234567", "7 класс"):
        assert piece in cleaned, piece


def test_other_capitalised_words_stay():
    cleaned = without_personal_data("Март. Москва. Методическое объединение.", PEOPLE)
    assert cleaned == "Март. Москва. Методическое объединение."


def test_what_remains_is_reported():
    assert personal_data_in("Звонить Ивановой: ivanova@example.org", PEOPLE) == ["ivanova@example.org", "Ивановой"]
    assert personal_data_in("Приёмы управления классом", PEOPLE) == []
