"""What comes out of a mentorship for the school's files and calendars: the order assigning the pair (приказ о
закреплении), the programme and the completion report ready to print, the meetings as an .ics calendar; and the
curator's view of an organisation's mentorships and requests. Routes of the ``mentorships`` blueprint."""
from datetime import date

from flask import abort, make_response, render_template
from flask_login import current_user

from ..core.permissions import login_required
from ..extensions import db
from ..organisations.models import Organisation
from . import pairs
from .calendar_export import meetings_calendar
from .completion import REASON_LABELS
from .mentorship_routes import bp

DOCUMENTS = {"order": "mentorships/print_order.html", "programme": "mentorships/print_programme.html",
             "report": "mentorships/print_report.html"}


@bp.get("/account/mentorships/<int:mentorship_id>/print/<any(order, programme, report):document>")
@login_required
def print_document(mentorship_id: int, document: str):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    return render_template(DOCUMENTS[document], mentorship=mentorship, programme=mentorship.programme,
                           progress=pairs.programme_progress(mentorship.programme), reason_labels=REASON_LABELS,
                           today=date.today())


@bp.get("/account/mentorships/<int:mentorship_id>/meetings.ics")
@login_required
def meetings_ics(mentorship_id: int):
    mentorship = pairs.get_visible_mentorship_or_404(mentorship_id, current_user)
    response = make_response(meetings_calendar(mentorship))
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="mentorship-{mentorship.id}.ics"'
    return response


@bp.get("/account/organisations/<int:organisation_id>/mentoring")
@login_required
def organisation_mentoring(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    if not pairs.may_see_organisation_mentoring(current_user, organisation.id):
        abort(403)
    return render_template(
        "mentorships/organisation.html", organisation=organisation,
        mentorships=pairs.organisation_mentorships(organisation.id),
        requests=pairs.organisation_requests(organisation.id), reason_labels=REASON_LABELS)
