from django import template

from accounts.two_factor import is_staff_account

register = template.Library()


@register.filter
def may_enter_admin(user) -> bool:
    """{% if user|may_enter_admin %}{% wagtailuserbar %}{% endif %}: Wagtail's user bar loads all
    of a user's permissions to decide; this answer is kept between requests
    (accounts.admin_access), so an applicant's pages ask no permission query for it."""
    return is_staff_account(user)
