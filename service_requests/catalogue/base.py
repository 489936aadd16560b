from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class AttachmentSlot:
    """A named place for one file on a service's form, e.g. the ID-card copy."""

    name: str
    label: Promise
    required: bool = False


@dataclass(frozen=True)
class EService:
    """What the portal knows about one e-service, whatever office runs it."""

    code: str  # the two digits that start its reference codes (SPEC: 11, 12, 21, 31, 32, 41)
    slug: str  # its page's address under /services/
    name: (
        Promise  # the one name of the service everywhere (tiles, lists, printouts, admin), e.g. "บัตรข้าราชการ"
    )
    form_title: Promise  # the title of its application form
    officer_group: str  # name of the group the demo content assigns its requests to
    details_form: type | None = None  # ModelForm of its own fields; None: not yet online
    attachment_slots: tuple[AttachmentSlot, ...] = field(default=())
    # Lists its officers keep current in the admin (e.g. the rooms), as "app_label.ModelName";
    # the demo content gives its officer group the rights to them.
    kept_lists: tuple[str, ...] = field(default=())

    @property
    def accepts_requests(self) -> bool:
        return self.details_form is not None

    @property
    def details_model(self):
        return self.details_form._meta.model if self.details_form else None
