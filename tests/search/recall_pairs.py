"""Recall pairs (issue 8 §3, §5): two ways a teacher types the same thing, and a document text that holds it.
Both queries must find the same documents. The analysis tests prove them on the terms; the end-to-end search
tests and ``make bench`` run the same table through the whole search."""
from dataclasses import dataclass


@dataclass(frozen=True)
class RecallPair:
    typed: str
    other: str
    # Texts that hold what both queries look for; each must be found by both.
    documents: tuple[str, ...]
    topic: str

    @property
    def id(self) -> str:
        return f"{self.typed} / {self.other}"


RECALL_PAIRS = (
    # Proper nouns in any case: a stemmer cuts «Татарстане» and «Татарстан» to different stems.
    RecallPair("Татарстане", "Татарстан", ("Институт развития образования Республики Татарстан, Казань",),
               "proper noun"),
    RecallPair("в Барнауле", "Барнаул", ("МБОУ «Лицей № 112», г. Барнаул",), "proper noun"),
    RecallPair("Хакасии", "Хакасия", ("Республика Хакасия, г. Абакан",), "proper noun"),
    RecallPair("Казани", "Казань", ("Наставник молодых педагогов, г. Казань",), "proper noun"),
    # Word forms.
    RecallPair("наставничеству", "наставничество", ("Региональная система наставничества",), "word form"),
    RecallPair("цифровых технологий", "цифровые технологии", ("Цифровые технологии в обучении",), "word form"),
    RecallPair("ёлка", "елка", ("Новогодняя ёлка в гимназии",), "word form"),
    RecallPair("гимназии", "гимназия", ("МБОУ «Гимназия № 5»",), "word form"),
    # Role words and their subjects.
    RecallPair("историку", "история", ("Учитель истории и обществознания",), "role word"),
    RecallPair("историк", "история", ("Учитель истории и обществознания",), "role word"),
    RecallPair("математику", "математика", ("Учитель математики высшей категории",), "role word"),
    RecallPair("словеснику", "русский язык", ("Учитель русского языка и литературы",), "role word"),
    RecallPair("физруку", "физическая культура", ("Учитель физической культуры",), "role word"),
    RecallPair("завучу", "заместитель директора",
               ("Заместитель директора по учебно-воспитательной работе", "Завуч школы № 3"), "role word"),
    RecallPair("завуч", "заместителя директора",
               ("Заместитель директора по учебно-воспитательной работе", "Завуч школы № 3"), "role word"),
    # Abbreviations and what they stand for, either way round.
    RecallPair("СОШ", "средняя общеобразовательная школа",
               ("МБОУ «СОШ № 4» г. Казань", "Средняя общеобразовательная школа № 4"), "abbreviation"),
    RecallPair("ЕГЭ", "единый государственный экзамен",
               ("Подготовка к ЕГЭ по математике", "Подготовка к единому государственному экзамену"),
               "abbreviation"),
    RecallPair("ОГЭ", "основной государственный экзамен", ("Результаты ОГЭ по русскому языку",), "abbreviation"),
    RecallPair("ДОУ", "дошкольное образовательное учреждение",
               ("Старший воспитатель ДОУ № 5", "Дошкольное образовательное учреждение «Солнышко»"),
               "abbreviation"),
    RecallPair("ИКТ", "информационно-коммуникационные технологии",
               ("ИКТ-компетенции педагогов", "Информационно-коммуникационные технологии в школе"),
               "abbreviation"),
    RecallPair("ОВЗ", "ограниченными возможностями здоровья",
               ("Обучение детей с ОВЗ", "Дети с ограниченными возможностями здоровья"), "abbreviation"),
    RecallPair("ФГОС", "федеральный государственный образовательный стандарт",
               ("Обновлённые ФГОС",), "abbreviation"),
    RecallPair("ЦНППМ", "центр непрерывного повышения профессионального мастерства",
               ("Методист ЦНППМ Алтайского края",), "abbreviation"),
    # Numbers are words: with or without «№», glued or not.
    RecallPair("лицей 58", "Лицей № 58", ("МАОУ «Лицей № 58»",), "number"),
    RecallPair("школа 91", "школа №91", ("МБОУ «Средняя общеобразовательная школа № 91»", "МБОУ СОШ № 91"),
               "number"),
    RecallPair("СОШ 153", "СОШ № 153", ("МБОУ «СОШ № 153» г. Уфа", "Средняя общеобразовательная школа №153"),
               "number"),
    RecallPair("гимназия 5", "Гимназия No 5", ("МБОУ «Гимназия № 5»",), "number"),
)
