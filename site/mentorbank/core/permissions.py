"""Who may do what. Every check happens on the server; templates only hide what would be refused anyway."""
from functools import wraps

from flask import abort, redirect, request, url_for
from flask_login import current_user

from ..extensions import htmx, login_manager


def init_app(app) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.unauthorized_handler(_unauthorized)


def _unauthorized():
    target = url_for(login_manager.login_view, next=request.full_path.rstrip("?"))
    if htmx:
        # Otherwise htmx would swap the whole log-in page into a fragment of the current one (DESIGN §7).
        response = redirect(target)
        response.status_code = 204
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


def _require(check):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


# A logged-in participant: any registered, unblocked account.
login_required = _require(lambda user: True)
moderator_required = _require(lambda user: user.is_moderator)
admin_required = _require(lambda user: user.is_admin)
