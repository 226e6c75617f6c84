"""Demo bank of programmes: a few published programme templates, written as mentors of completed mentorships
would publish them (without names). Fixed data; a second load adds nothing."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.models import utcnow
from ..programmes.models import ProgrammeTemplate, TemplateStatus
from ..vocabularies.models import Term, Vocabulary

# (title, problem, goals, content, planned results, meeting schedule, plan lines, months, form, mode, directions)
TEMPLATES = [
    ("Дисциплина и управление классом для молодого учителя",
     "Молодой учитель в первый год работы не может выстроить дисциплину на уроках в 6–7 классах: шум, "
     "срывы урока, конфликты с отдельными учениками.",
     "Освоить приёмы управления классом; выработать свои правила урока и последовательно их соблюдать.",
     "Взаимные посещения уроков, разбор видеозаписей фрагментов урока, совместное планирование начала урока, "
     "подготовка к разговору с родителями.",
     "Уроки без срывов дисциплины; снижение числа жалоб; учитель уверенно ведёт урок в трудном классе.",
     "раз в неделю, после уроков",
     ["Посетить три урока наставника в параллели 6–7 классов", "Составить правила урока вместе с классом",
      "Разобрать видеозапись своего урока", "Провести открытый урок для наставника"],
     4, "teacher-teacher", "in-person", ["psychological-pedagogical", "methodical"]),
    ("Подготовка к первому открытому уроку по ФГОС",
     "Педагог не умеет формулировать планируемые результаты урока по обновлённым ФГОС и строить урок от "
     "результата.",
     "Научиться ставить цели урока через планируемые результаты и подбирать задания под них.",
     "Разбор технологических карт, конструирование урока, пробный урок, рефлексия.",
     "Технологическая карта урока, проведённый открытый урок с самоанализом.",
     "раз в две недели",
     ["Разобрать две технологические карты наставника", "Составить свою технологическую карту",
      "Провести пробный урок", "Провести открытый урок и самоанализ"],
     3, "teacher-teacher", "blended", ["methodical", "subject-professional"]),
    ("Цифровые инструменты в работе учителя",
     "Учитель не пользуется электронным журналом, онлайн-досками и сервисами проверки заданий, тратит много "
     "времени на рутину.",
     "Освоить электронный журнал, онлайн-доску и конструктор тестов; перенести в них часть рутинной работы.",
     "Короткие практикумы по каждому сервису, работа над своими материалами, взаимная проверка.",
     "Учитель ведёт журнал сам, проводит уроки с онлайн-доской, проверяет тесты автоматически.",
     "раз в неделю, дистанционно",
     ["Освоить электронный журнал", "Провести урок с онлайн-доской", "Собрать тест в конструкторе",
      "Поделиться опытом на методическом объединении"],
     3, "team-team", "remote", ["ict"]),
    ("Работа с родителями: от конфликта к сотрудничеству",
     "Классный руководитель испытывает трудности в общении с родителями: конфликты на собраниях, жалобы "
     "администрации.",
     "Освоить формы работы с родителями и приёмы ведения трудного разговора.",
     "Разбор случаев, подготовка и проведение родительского собрания, ролевые игры.",
     "Проведённое родительское собрание нового формата; снижение числа конфликтов.",
     "раз в две недели",
     ["Разобрать три трудных случая из практики наставника", "Подготовить сценарий собрания",
      "Провести родительское собрание", "Подвести итоги с наставником"],
     6, "teacher-teacher", "in-person", ["parents", "extracurricular"]),
    ("Профилактика профессионального выгорания педагога",
     "Опытный педагог чувствует усталость и потерю интереса к работе, думает об уходе из профессии.",
     "Восстановить интерес к профессии через новые задачи и поддержку сообщества.",
     "Встречи в формате супервизии, участие в проектах школы, планирование нагрузки.",
     "Педагог остаётся в профессии, берёт новый проект, выстраивает режим нагрузки.",
     "раз в месяц",
     ["Составить карту нагрузки", "Выбрать проект школы по интересам", "Провести мастер-класс для коллег"],
     6, "head-teacher", "blended", ["burnout", "psychological-pedagogical"]),
]


def create_programme_templates(session: Session) -> int:
    """Publish the demo templates not loaded yet; returns how many were added."""
    terms = {(term.vocabulary, term.slug): term for term in session.scalars(select(Term))}
    existing = set(session.scalars(select(ProgrammeTemplate.title)))
    now, added = utcnow(), 0
    for (title, problem, goals, content, results, schedule, plan, months, form, mode,
         directions) in TEMPLATES:
        if title in existing:
            continue
        template = ProgrammeTemplate(
            title=title, problem=problem, goals=goals, content=content, planned_results=results,
            meeting_schedule=schedule, plan="\n".join(plan), period_months=months,
            form=terms.get((Vocabulary.FORM.value, form)), mode=terms.get((Vocabulary.MODE.value, mode)),
            status=TemplateStatus.PUBLISHED, submitted_at=now, decided_at=now, published_at=now,
        )
        template.directions = [terms[(Vocabulary.DIRECTION.value, slug)] for slug in directions
                               if (Vocabulary.DIRECTION.value, slug) in terms]
        session.add(template)
        added += 1
    session.flush()
    return added
