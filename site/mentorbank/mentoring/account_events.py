"""What a person's account events do to their mentoring (accounts/signals.py): a blocked or closed account's
pending requests are withdrawn, as are those waiting for a mentor whose profile left the bank (so they no
longer hold one of the mentee's pending places); a closed account's mentorships end and its words are erased."""
from sqlalchemy import select

from ..accounts.models import User
from ..accounts.signals import account_closed, publication_consent_withdrawn, user_blocked
from ..core.workflow import AlreadyDecided, transition
from ..extensions import db
from ..mentors.models import MentorProfile
from .completion import end_for_leaving_member
from .models import PENDING_REQUEST_STATUSES, MentoringRequest, RequestStatus


def _withdraw(requests, left: str) -> list[MentoringRequest]:
    withdrawn = []
    for request in requests:
        try:
            transition(request, RequestStatus.WITHDRAWN, None, action="withdraw_for_account",
                       details={"left": left})
        except AlreadyDecided:  # answered a moment ago
            continue
        withdrawn.append(request)
    return withdrawn


def _pending(*conditions) -> list[MentoringRequest]:
    return list(db.session.scalars(select(MentoringRequest).where(
        MentoringRequest.status.in_(PENDING_REQUEST_STATUSES), *conditions).order_by(MentoringRequest.id)))


def withdraw_as_mentee(user: User) -> list[MentoringRequest]:
    return _withdraw(_pending(MentoringRequest.mentee_id == user.id), "mentee")


def withdraw_as_mentor(user: User) -> list[MentoringRequest]:
    """The requests sent to this person's mentor profiles (their mentees are told)."""
    profiles = select(MentorProfile.id).where(MentorProfile.user_id == user.id)
    return _withdraw(_pending(MentoringRequest.status == RequestStatus.SENT,
                              MentoringRequest.mentor_profile_id.in_(profiles)), "mentor")


@user_blocked.connect
def _withdraw_when_blocked(user: User, **_extra) -> list[MentoringRequest]:
    return withdraw_as_mentee(user) + withdraw_as_mentor(user)


@publication_consent_withdrawn.connect
def _withdraw_from_a_mentor_who_left(user: User, **_extra) -> list[MentoringRequest]:
    return withdraw_as_mentor(user)


@account_closed.connect
def _erase_on_closing(user: User, **_extra) -> None:
    """Pending requests are withdrawn, active mentorships end on the leaving member's initiative (their places
    come back), and the person's words in every request (their difficulties, the names of a team's members)
    erased: the rows stay, for the mentors' and curators' counts."""
    withdraw_as_mentee(user)
    end_for_leaving_member(user)
    for request in db.session.scalars(select(MentoringRequest).where(MentoringRequest.mentee_id == user.id)):
        request.difficulties = ""
        request.group_members = None
    db.session.flush()
