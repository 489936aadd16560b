from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class EService:
    """What the portal knows about one e-service, whatever office runs it."""

    code: str  # the two digits that start its reference codes (SPEC: 11, 12, 21, 31, 32, 41)
    slug: str  # its page's address under /services/
    name: Promise  # the short menu name, e.g. "บัตรข้าราชการ"
    form_title: Promise  # the title of its application form
    officer_group: str  # name of the group whose officers work its requests (demo default)
