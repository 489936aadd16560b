from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .validators import normalize_citizen_id, validate_citizen_id


class PersonnelType(models.TextChoices):
    """ประเภทบุคลากร: the manual's four officer types, plus the general public."""

    TEACHER = "teacher", _("Teachers and educational personnel")
    PERMANENT_EMPLOYEE = "permanent_employee", _("Permanent employee")
    GOVERNMENT_EMPLOYEE = "government_employee", _("Government employee")
    PENSIONER = "pensioner", _("Pensioner")
    PUBLIC = "public", _("General public")


class Title(models.TextChoices):
    """คำนำหน้าชื่อ, as printed on official forms."""

    MR = "นาย", _("Mr.")
    MRS = "นาง", _("Mrs.")
    MISS = "นางสาว", _("Miss")
    ACTING_SUB_LT = "ว่าที่ร้อยตรี", _("Acting Sub-Lieutenant")
    ACTING_SUB_LT_FEMALE = "ว่าที่ร้อยตรีหญิง", _("Acting Sub-Lieutenant (female)")
    DR = "ดร.", _("Dr.")


class IdentityLevel(models.TextChoices):
    """How sure the office is that the account's holder owns its citizen ID (DGA's assurance levels,
    in two steps): typed at registration, or proven by ThaID or an ID card seen at the counter."""

    DECLARED = "declared", _("Declared")
    VERIFIED = "verified", _("Verified")


class VerificationMethod(models.TextChoices):
    THAID = "thaid", _("ThaID log-in")
    ID_CARD_AT_COUNTER = "id_card_at_counter", _("ID card seen at the counter")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, citizen_id, password, **extra_fields):
        user = self.model(citizen_id=normalize_citizen_id(citizen_id), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, citizen_id, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(citizen_id, password, **extra_fields)

    def create_superuser(self, citizen_id, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(citizen_id, password, **extra_fields)

    def get_by_natural_key(self, username):
        # People type their ID with dashes; the login must find them either way.
        return self.get(**{self.model.USERNAME_FIELD: normalize_citizen_id(username)})


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who logs in (applicants, officers, editors), known by the 13-digit citizen ID."""

    citizen_id = models.CharField(
        _("citizen ID"),
        max_length=13,
        unique=True,
        validators=[validate_citizen_id],
        error_messages={"unique": _("An account with this citizen ID already exists.")},
    )
    title = models.CharField(pgettext_lazy("honorific", "title"), max_length=20, choices=Title.choices)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=10, blank=True)
    personnel_type = models.CharField(
        _("personnel type"), max_length=32, choices=PersonnelType.choices, blank=True
    )
    email = models.EmailField(_("email"), blank=True)
    # The address a signed link proved to be theirs; no mail but that link goes to any other.
    verified_email = models.EmailField(_("verified e-mail"), blank=True)
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    privacy_notice_version = models.CharField(_("privacy notice version accepted"), max_length=50, blank=True)
    privacy_consented_at = models.DateTimeField(_("privacy notice accepted at"), null=True, blank=True)
    identity_level = models.CharField(
        _("identity level"), max_length=10, choices=IdentityLevel.choices, default=IdentityLevel.DECLARED
    )
    identity_verified_at = models.DateTimeField(_("citizen ID verified at"), null=True, blank=True)
    identity_verified_by = models.ForeignKey(
        "self",
        verbose_name=_("citizen ID verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    identity_verification_method = models.CharField(
        _("citizen ID verified by way of"), max_length=20, choices=VerificationMethod.choices, blank=True
    )
    # Set when the citizen ID's verified holder claimed it: the account keeps its requests but
    # its citizen ID moved to a placeholder (displaced_citizen_id keeps the one it had).
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    displaced_citizen_id = models.CharField(_("citizen ID it had"), max_length=13, blank=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "citizen_id"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [("verify_identity", _("Can verify a citizen ID at the counter"))]

    def __str__(self):
        return self.get_full_name() or self.citizen_id

    @property
    def is_identity_verified(self):
        return self.identity_level == IdentityLevel.VERIFIED

    def get_identity_display(self):
        """The account's citizen ID check as officers read it."""
        if self.suspended_at:
            return _("Suspended: its citizen ID belongs to someone else")
        return self.get_identity_level_display()

    def get_full_name(self):
        """As Thai forms print it: title and first name together, e.g. นางสาววิลัยวรรณ สุภชาติ."""
        return f"{self.title}{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name

    @property
    def email_is_verified(self) -> bool:
        """One rule (also in accounts.queries.with_verified_email): the address now on the account
        is the one a link proved, so an address changed by any means is unverified."""
        return bool(self.email) and self.verified_email == self.email


class CounterResetCode(models.Model):
    """A one-time password reset code an officer issued at the counter after seeing the ID card.
    Only its hash is kept; the officer sees and prints the code once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="counter_reset_codes")
    code_hash = models.CharField(max_length=128)
    issued_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("counter password reset code")
        verbose_name_plural = _("counter password reset codes")
        default_permissions = ()
        permissions = [("issue_counter_reset_code", _("Can issue password reset codes at the counter"))]

    def __str__(self):
        return f"{self.user} ({self.issued_at:%Y-%m-%d %H:%M})"


class AddressAttempt(models.Model):
    """One failed log-in, registration or password-reset request from an address, kept for the per-address
    limits only: the address is stored as a keyed hash, and rows past the window are deleted."""

    class Kind(models.TextChoices):
        LOGIN_FAILURE = "login_failure", _("failed log-in")
        REGISTRATION = "registration", _("registration")
        PASSWORD_RESET = "password_reset", _("password reset request")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    client_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("attempt from an address")
        indexes = [models.Index(fields=["kind", "client_hash", "created_at"])]

    def __str__(self):
        return f"{self.kind} {self.client_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"
