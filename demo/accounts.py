"""Demo logins: an applicant, one officer per officer group, a supervisor of the personnel group's
services (who may assign their requests to others), an editor and a superuser.

Citizen IDs are valid (checksum) but fictitious: digits 2-3 are a province code, and "00" is none,
so they cannot belong to anyone. E-mail addresses are at example.com, a domain reserved for
examples (RFC 2606): the notifications show on the development server's console and reach nobody. Every run sets the shared demo password again, so that the
logins the command prints always work.
"""

import hashlib
from base64 import b32encode
from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.db.models.functions import Coalesce, Now
from django.utils import timezone

from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.actions import register_applicant
from accounts.models import IdentityLevel, PersonnelType, Title, User, VerificationMethod
from service_requests.catalogue import groups as catalogue_groups

DEMO_PASSWORD = "demo-pass-2568"  # noqa: S105 - demo only, printed by the command on purpose


@dataclass(frozen=True)
class DemoAccount:
    role: str
    citizen_id: str
    title: str
    first_name: str
    last_name: str
    phone: str = ""
    email: str = ""
    group: str = ""  # the group the account belongs to, if any
    extra_groups: tuple[str, ...] = ()  # and any more (a supervisor's)
    is_staff: bool = False
    is_superuser: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.title}{self.first_name} {self.last_name}"

    @property
    def groups_label(self) -> str:
        """Its groups as the printed table shows them, joined by "+" (no space: one column)."""
        return "+".join(name for name in (self.group, *self.extra_groups) if name)

    @property
    def totp_key(self) -> bytes:
        """Staff's authenticator secret: fixed per account, so the printed key always works."""
        return hashlib.sha1(f"demo-authenticator-{self.citizen_id}".encode()).digest()  # noqa: S324 - not a hash of secrets

    @property
    def authenticator_key(self) -> str:
        """The secret as authenticator apps take it (base32), printed beside the password."""
        return b32encode(self.totp_key).decode() if self.is_staff else ""


APPLICANT = DemoAccount(
    "applicant",
    "1000000000017",
    Title.MISS,
    "วิลัยวรรณ",
    "สุภชาติ",
    phone="0812345678",
    email="wilaiwan@example.com",
)
OFFICERS = {
    catalogue_groups.PERSONNEL: ("1000000000025", Title.MR, "สมชาย", "ใจดี", "somchai@example.com"),
    catalogue_groups.FINANCE: ("1000000000033", Title.MRS, "สมศรี", "มั่นคง", "somsri@example.com"),
    catalogue_groups.ADMINISTRATION: ("1000000000041", Title.MR, "ประเสริฐ", "รักงาน", "prasert@example.com"),
    catalogue_groups.DIRECTOR_OFFICE: (
        "1000000000050",
        Title.MISS,
        "กนกวรรณ",
        "ศรีสุข",
        "kanokwan@example.com",
    ),
    catalogue_groups.ACADEMIC: ("1000000000068", Title.MR, "วีระพงษ์", "ใฝ่รู้", "weerapong@example.com"),
}
EDITOR_ID, SUPERUSER_ID = "1000000000076", "1000000000084"
# The supervisor of the personnel group's services: an officer of them who may also assign their
# requests to the other officers (the group SUPERVISORS[PERSONNEL] holds the permission).
SUPERVISOR = ("1000000000092", Title.MRS, "มาลี", "ดูแลดี", "malee@example.com")
SUPERVISORS = {catalogue_groups.PERSONNEL: "หัวหน้ากลุ่มบริหารงานบุคคล"}


def demo_accounts(*, officer_group_names, editors_group: str) -> list[DemoAccount]:
    """The accounts to have, officers in the catalogue's order of groups, then the supervisor."""
    officers = []
    for name in officer_group_names:
        citizen_id, title, first_name, last_name, email = OFFICERS[name]
        officers.append(
            DemoAccount(
                "officer", citizen_id, title, first_name, last_name, email=email, group=name, is_staff=True
            )
        )
    citizen_id, title, first_name, last_name, email = SUPERVISOR
    supervisor = DemoAccount(
        "supervisor",
        citizen_id,
        title,
        first_name,
        last_name,
        email=email,
        group=catalogue_groups.PERSONNEL,
        extra_groups=(SUPERVISORS[catalogue_groups.PERSONNEL],),
        is_staff=True,
    )
    return [
        APPLICANT,
        *officers,
        supervisor,
        DemoAccount(
            "editor",
            EDITOR_ID,
            Title.MISS,
            "พิมพ์ชนก",
            "เขียนดี",
            email="pimchanok@example.com",
            group=editors_group,
            is_staff=True,
        ),
        DemoAccount(
            "superuser",
            SUPERUSER_ID,
            Title.MR,
            "ผู้ดูแล",
            "ระบบ",
            email="admin@example.com",
            is_staff=True,
            is_superuser=True,
        ),
    ]


def create_account(account: DemoAccount, *, password: str, privacy_notice_version: str) -> User:
    names = {"title": account.title, "first_name": account.first_name, "last_name": account.last_name}
    password_validation.validate_password(password, User(citizen_id=account.citizen_id, **names))
    if account is APPLICANT:
        return register_applicant(
            citizen_id=account.citizen_id,
            password=password,
            phone=account.phone,
            email=account.email,
            personnel_type=PersonnelType.TEACHER,
            privacy_notice_version=privacy_notice_version,
            **names,
        )
    create = User.objects.create_superuser if account.is_superuser else User.objects.create_user
    return create(
        account.citizen_id,
        password,
        phone=account.phone,
        email=account.email,
        personnel_type=PersonnelType.TEACHER,
        is_staff=account.is_staff,
        **names,
    )


def ensure_account(account: DemoAccount, *, groups, password: str, privacy_notice_version: str) -> User:
    """Create the account, or give an existing one the demo password again (and the demo e-mail
    if it has none); names and an address someone set are kept."""
    user = User.objects.filter(citizen_id=account.citizen_id).first()
    if user is None:
        user = create_account(account, password=password, privacy_notice_version=privacy_notice_version)
    else:
        user.set_password(password)
        user.is_staff = user.is_staff or account.is_staff
        user.email = user.email or account.email
        user.save(update_fields=["password", "is_staff", "email"])
    if user.email == account.email and not user.email_is_verified:
        # example.com reaches nobody: the demo's own addresses count as proved.
        user.verified_email, user.email_verified_at = user.email, timezone.now()
        user.save(update_fields=["verified_email", "email_verified_at"])
    if account.group:
        user.groups.add(groups[account.group])
    for name in account.extra_groups:
        user.groups.add(groups[name])
    if account.is_staff:
        # Staff log in with a second factor: the demo's authenticator is set again on every run.
        TOTPDevice.objects.update_or_create(
            user=user, name="demo authenticator", defaults={"key": account.totp_key.hex(), "confirmed": True}
        )

    # The demo people are known to the office: their citizen IDs count as seen at the counter.
    User.objects.filter(pk=user.pk).update(
        identity_level=IdentityLevel.VERIFIED,
        identity_verification_method=VerificationMethod.ID_CARD_AT_COUNTER,
        identity_verified_at=Coalesce("identity_verified_at", Now()),
    )
    return user


def ensure_demo_accounts(
    *, editors, officer_groups: dict, supervisor_groups: dict, privacy_notice_version: str
) -> list[DemoAccount]:
    """Make sure every demo account exists with the demo password; returns them for the table."""
    groups = {editors.name: editors, **officer_groups, **supervisor_groups}
    accounts = demo_accounts(officer_group_names=list(officer_groups), editors_group=editors.name)
    for account in accounts:
        ensure_account(
            account, groups=groups, password=DEMO_PASSWORD, privacy_notice_version=privacy_notice_version
        )
    return accounts
