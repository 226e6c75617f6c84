"""JSON responses and errors of the API: every answer under /api/v1 is JSON, failures included."""
from flask import current_app, request
from werkzeug.exceptions import HTTPException

API_PREFIX = "/api/v1"


def json_response(data, status: int = 200):
    # Open data is read by people too: keep Cyrillic readable instead of \u-escaping it.
    body = current_app.json.dumps(data, ensure_ascii=False) + "\n"
    return current_app.response_class(body, status=status, mimetype="application/json")


def json_error(status: int, message: str):
    return json_response({"error": {"status": status, "message": message}}, status)


def http_error_as_json(error: HTTPException):
    status = error.code or 500
    # Never tell a client what failed inside (the log has it); our own 4xx explanations are meant for them.
    message = error.description if status < 500 and _is_own_message(error) else error.name
    response = json_error(status, message)
    # Keep headers the error carries, e.g. Allow on 405.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _is_own_message(error: HTTPException) -> bool:
    """Our own abort(…, description=…) texts are meant for clients; Werkzeug's long defaults are replaced."""
    return error.description != type(error).description


def is_api_request() -> bool:
    return request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/")
