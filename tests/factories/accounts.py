"""Test data for accounts: users with valid Thai citizen IDs, Thai names and Thai mobile numbers."""

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory
from stdnum.th import pin

from accounts.models import PersonnelType, Title, User

DEFAULT_PASSWORD = "Sarabun-2568-ok"

FIRST_NAMES = ("วิลัยวรรณ", "สมชาย", "สมหญิง", "ประเสริฐ", "กาญจนา", "ธนากร", "สุนิสา", "อำนาจ")
LAST_NAMES = ("สุภชาติ", "ใจดี", "ศรีสุข", "บุญมา", "ทองคำ", "แสงจันทร์", "พรหมมา", "อินทร์แก้ว")


def citizen_id_for(number: int) -> str:
    """A valid 13-digit citizen ID: 12 digits from the number (first digit 1-8) and the check digit."""
    first_twelve = f"3{number % 10**11:011d}"
    return first_twelve + pin.calc_check_digit(first_twelve)


class UserFactory(DjangoModelFactory):
    """An applicant; `UserFactory(password="...")` sets the password, default DEFAULT_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    citizen_id = factory.Sequence(lambda n: citizen_id_for(n + 1))
    title = factory.Iterator([Title.MISS, Title.MR, Title.MRS])
    first_name = factory.Iterator(FIRST_NAMES)
    last_name = factory.Iterator(LAST_NAMES)
    phone = factory.Sequence(lambda n: f"08{n % 10**8:08d}")
    personnel_type = PersonnelType.TEACHER
    email = ""
    # An address given to the factory counts as proved; tests of verification clear it.
    verified_email = factory.SelfAttribute("email")
    # The privacy notice OfficeSettingsFactory publishes, accepted when the account was made.
    privacy_notice_version = "2568-1"
    privacy_consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or DEFAULT_PASSWORD)
        if create:
            user.save(update_fields=["password"])


class StaffFactory(UserFactory):
    """An officer who may use the Wagtail admin."""

    is_staff = True
    personnel_type = PersonnelType.GOVERNMENT_EMPLOYEE


class SuperuserFactory(StaffFactory):
    is_superuser = True
