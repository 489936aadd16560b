"""What the portal knows about a configured service, in the shape of the catalogue's EService
where the pages read it (code, slug, name, form title, attachment slots, icon, calendar)."""

from dataclasses import dataclass, field

from .forms import AttachmentSlotView


@dataclass(frozen=True)
class ConfiguredService:
    code: str
    slug: str
    name: str
    form_title: str
    attachment_slots: tuple[AttachmentSlotView, ...] = field(default=())
    icon: str = ""  # the generic form icon
    calendar: object = None  # books no time
    kept_lists: tuple[str, ...] = field(default=())
    # Applicants cannot send it online yet: submission of configured services is the next step.
    accepts_requests: bool = False
    is_configured: bool = True
