"""How long a log-in lasts, and when the password was last typed (session bookkeeping).

Times are kept in the session as POSIX seconds and read against django.utils.timezone.now(), so
tests move the clock by patching it or by editing these values, never by sleeping.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .two_factor import is_staff_account

LOGGED_IN_AT = "accounts_logged_in_at"
LAST_ACTIVITY_AT = "accounts_last_activity_at"
PASSWORD_CONFIRMED_AT = "accounts_password_confirmed_at"  # noqa: S105 - a session key, not a password
REMEMBER_ME = "accounts_remember_me"
# Writing the session on every request would cost a database write each; a minute is precise enough.
ACTIVITY_RESOLUTION = timedelta(minutes=1)


def now_seconds() -> float:
    return timezone.now().timestamp()


def start(session) -> None:
    """A fresh log-in: the password was just typed."""
    moment = now_seconds()
    session[LOGGED_IN_AT] = moment
    session[LAST_ACTIVITY_AT] = moment
    session[PASSWORD_CONFIRMED_AT] = moment


def remember(session, remember_me: bool) -> None:
    """An applicant's choice on the log-in page: 14 days, or until idle (and the browser closes)."""
    session[REMEMBER_ME] = remember_me
    session.set_expiry(settings.REMEMBER_ME_AGE if remember_me else 0)


def limits(user, session) -> tuple[timedelta | None, timedelta | None]:
    """(idle limit, limit in all) for this log-in; None is no limit of that kind."""
    if is_staff_account(user):
        return settings.STAFF_SESSION_IDLE_TIMEOUT, settings.STAFF_SESSION_MAX_AGE
    if session.get(REMEMBER_ME):
        return None, settings.REMEMBER_ME_AGE
    return settings.APPLICANT_SESSION_IDLE_TIMEOUT, None


def has_ended(user, session) -> bool:
    idle_limit, max_age = limits(user, session)
    moment = now_seconds()
    # A session from before these limits has no times: it counts from now.
    logged_in_at = session.setdefault(LOGGED_IN_AT, moment)
    last_activity_at = session.setdefault(LAST_ACTIVITY_AT, moment)
    if idle_limit is not None and moment - last_activity_at > idle_limit.total_seconds():
        return True
    return max_age is not None and moment - logged_in_at > max_age.total_seconds()


def touch(session) -> None:
    moment = now_seconds()
    if moment - session.get(LAST_ACTIVITY_AT, 0) >= ACTIVITY_RESOLUTION.total_seconds():
        session[LAST_ACTIVITY_AT] = moment


def confirm_password(session) -> None:
    session[PASSWORD_CONFIRMED_AT] = now_seconds()


def password_recently_confirmed(session) -> bool:
    confirmed_at = session.get(PASSWORD_CONFIRMED_AT)
    return (
        confirmed_at is not None
        and now_seconds() - confirmed_at <= settings.REAUTHENTICATION_VALID_FOR.total_seconds()
    )
