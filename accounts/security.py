"""Hooks for django-axes: the username it counts failures by, and what a locked-out user sees."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import LoginForm
from .validators import normalize_citizen_id


def axes_username(request, credentials):
    """Count failures per normalised citizen ID, however it was typed (dashes, spaces)."""
    if credentials:
        username = credentials.get("username") or credentials.get("citizen_id", "")
    else:
        data = getattr(request, "data", request.POST)
        username = data.get("username", "")
    return normalize_citizen_id(username)


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many failed log-in attempts. Logging in with this citizen ID from this device is "
        "paused for %(minutes)d minutes; please try again later. If you have forgotten your password, "
        "“Forgot password” sets a new one and lifts this pause at once."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with one message that does not reveal whether the ID exists."""
    data = request.POST.copy()
    data.pop("password", None)
    form = LoginForm(request, initial={"username": data.get("username", "")})
    response = TemplateResponse(
        request,
        "accounts/login.html",
        {"form": form, "lockout_message": lockout_message()},
        status=429,
    )
    # Rendered here: AxesMiddleware swaps it in after the view, past Django's own rendering step.
    return response.render()
