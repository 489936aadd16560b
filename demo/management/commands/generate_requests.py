"""manage.py generate_requests N: N made-up requests for measuring the lists at scale (issue 12).

Spread over every service of the catalogue, every status (those older than 60 days closed) and
the five years before today, filed
by N/20 made-up applicants (citizen IDs starting with 9, which no real Thai ID does at the
portal's offices, names "ผู้ทดสอบ n"), each with its history rows (submitted, and the move to its
status). Written with bulk_create in batches; the per-service detail rows are left out (the lists,
the status check and the report do not read them), so a generated request's own page is not for
opening. Never on a database with real applicants: it refuses unless --yes is given.
"""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from service_requests.catalogue import all_services
from service_requests.models import ServiceRequest, StatusChange
from service_requests.workflow import RequestStatus, Role

FIVE_YEARS = datetime.timedelta(days=5 * 365)
# The requests of the last two months are in every status; older ones are closed, as an office's
# are (an open request of years ago would be overdue and fill the report's overdue list).
RECENT = datetime.timedelta(days=60)
CLOSED_WEIGHTS = {RequestStatus.COMPLETED: 88, RequestStatus.CANCELLED: 12}
STATUS_WEIGHTS = {
    RequestStatus.COMPLETED: 60,
    RequestStatus.CANCELLED: 8,
    RequestStatus.SUBMITTED: 12,
    RequestStatus.IN_PROGRESS: 10,
    RequestStatus.RETURNED: 5,
    RequestStatus.RESUBMITTED: 5,
}


class Command(BaseCommand):
    help = "Generate N made-up requests over every service, status and the last five years (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument("--yes", action="store_true", help="yes, this database is for measuring")

    def handle(self, *args, count, batch, seed, yes, **options):
        if not yes:
            raise CommandError(
                "This fills the database with made-up requests; add --yes on a database for measuring."
            )
        randomiser = random.Random(seed)
        codes = [service.code for service in all_services()]
        statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
        closed_statuses, closed_weights = zip(*CLOSED_WEIGHTS.items(), strict=True)
        applicants = self._applicants(max(1, count // 20), batch)
        now = timezone.now()
        first = ServiceRequest.objects.count()  # references stay unique when run again
        made = 0
        while made < count:
            size = min(batch, count - made)
            requests, moves = [], []
            for number in range(made, made + size):
                applicant = applicants[number % len(applicants)]
                code = codes[number % len(codes)]
                # Oldest first, as an office's requests arrive (rows of one month lie together).
                submitted_at = now - FIVE_YEARS * (1 - (number + randomiser.random()) / count)
                if now - submitted_at > RECENT:
                    status = randomiser.choices(closed_statuses, closed_weights)[0]
                else:
                    status = randomiser.choices(statuses, weights)[0]
                changed_at = submitted_at
                if status != RequestStatus.SUBMITTED:
                    changed_at = min(
                        now, submitted_at + datetime.timedelta(hours=randomiser.randint(1, 24 * 20))
                    )
                requests.append(
                    ServiceRequest(
                        reference=f"{code}{submitted_at:%Y%m%d%H%M%S}-{first + number}",
                        service_code=code,
                        applicant=applicant,
                        applicant_citizen_id=applicant.citizen_id,
                        applicant_title=applicant.title,
                        applicant_first_name=applicant.first_name,
                        applicant_last_name=applicant.last_name,
                        applicant_phone=applicant.phone,
                        status=status,
                        submitted_at=submitted_at,
                        status_changed_at=changed_at,
                        last_changed_at=changed_at,
                        submission_key=uuid.uuid4(),
                    )
                )
                moves.append((status, submitted_at, changed_at))
            with transaction.atomic():
                ServiceRequest.objects.bulk_create(requests)
                history = []
                for service_request, (status, submitted_at, changed_at) in zip(requests, moves, strict=True):
                    history.append(
                        StatusChange(
                            request=service_request,
                            from_status="",
                            to_status=RequestStatus.SUBMITTED,
                            actor_role=Role.APPLICANT,
                            created_at=submitted_at,
                        )
                    )
                    if status != RequestStatus.SUBMITTED:
                        history.append(
                            StatusChange(
                                request=service_request,
                                from_status=RequestStatus.SUBMITTED,
                                to_status=status,
                                actor_role=Role.OFFICER,
                                created_at=changed_at,
                            )
                        )
                StatusChange.objects.bulk_create(history)
            made += size
            self.stdout.write(f"{made} / {count}")

    def _applicants(self, number, batch):
        User = get_user_model()
        existing = list(User.objects.filter(citizen_id__startswith="9").order_by("pk")[:number])
        new = [
            User(
                citizen_id=f"9{index:012d}",
                title="นาย",
                first_name=f"ผู้ทดสอบ {index}",
                last_name="ระบบ",
                phone=f"08{index % 100_000_000:08d}",
                password=make_password(None),  # unusable: nobody logs in as them
            )
            for index in range(len(existing), number)
        ]
        User.objects.bulk_create(new, batch_size=batch)
        return list(User.objects.filter(citizen_id__startswith="9").order_by("pk")[:number])
