"""Whether an account may enter the admin (Wagtail's access_admin permission, its own or its
groups'), kept in the cache between requests (issue 12: "Fast").

Every page a logged-in person opens asks it (the session's limits, the privacy notice), and for
an applicant Django answers with two queries that load all their permissions. The answer is kept
per account under a generation that any change of a group's or an account's permissions or
groups starts anew, as the page cache does: with several app servers sharing Redis, all of them
see a change at once. The key names the account by its number and the moment it was made, so an
account made again under a reused number (SQLite) never inherits an answer.
"""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from base import generations

from .models import User

GENERATION_KEY = "accounts:admin-access:generation"
TIMEOUT = 60 * 10  # a bound for what a signal cannot see (a change made straight in SQL)
PERMISSION = "wagtailadmin.access_admin"


def _key(user: User) -> str:
    return f"accounts:admin-access:{user.pk}:{user.date_joined.timestamp()}"


def has_admin_permission(user: User) -> bool:
    if getattr(user, "_perm_cache", None) is not None:
        return user.has_perm(PERMISSION)  # already loaded in this request
    key = _key(user)
    found = cache.get_many([GENERATION_KEY, key])
    generation = generations.current(GENERATION_KEY, known=found.get(GENERATION_KEY))
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    # Kept under the generation read before asking: a change made meanwhile starts a newer one.
    allowed = user.has_perm(PERMISSION)
    cache.set(key, (generation, allowed), TIMEOUT)
    return allowed


def forget_answers(**kwargs) -> None:
    generations.start_new(GENERATION_KEY)


def connect_forgetting() -> None:
    """Called from AccountsConfig.ready()."""
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            forget_answers, sender=through, dispatch_uid=f"admin-access-{through._meta.label}"
        )
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(forget_answers, sender=model, dispatch_uid=f"admin-access-{model._meta.label}")
