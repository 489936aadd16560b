"""The read replica (base.db_router): the summary report and the officers' exports read from it,
everything a user must see their own writes in reads the primary, and without a replica everything
reads the primary. Here the replica is a second connection to the same test database (the test
settings' MIRROR), so only transactional tests see data through it."""

from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from base.db_router import ReplicaRouter, reading_from_replica, replica_alias
from base.working_days import bangkok_today
from service_requests.models import ServiceRequest

REPORT = reverse("service_requests_report")
INDEX = reverse("service_request_admin:index")
REQUESTS_TABLE = "service_requests_servicerequest"

with_replica = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)


@pytest.fixture
def replica(settings):
    settings.READ_REPLICA_ALIAS = "replica"
    return "replica"


@pytest.fixture
def filed(client, officer_for, submit):
    officer = officer_for("11")
    client.force_login(officer)
    return submit("11")


def requests_read(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].startswith("SELECT") and REQUESTS_TABLE in query["sql"]
    ]


def get_on_both(client, url, data=None):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as secondary,
    ):
        response = client.get(url, data or {})
        content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content, primary, secondary


@with_replica
@pytest.mark.parametrize("export", ["", "xlsx", "pdf"])
def test_the_summary_report_reads_the_requests_from_the_replica(client, replica, filed, export):
    today = bangkok_today().isoformat()
    query = {"start": today, "end": today, **({"export": export} if export else {})}

    response, content, primary, secondary = get_on_both(client, REPORT, query)

    assert response.status_code == 200
    if not export:
        assert str(filed.service.name) in content.decode()
    assert requests_read(secondary.captured_queries)
    assert not requests_read(primary.captured_queries)


@with_replica
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_officers_list_exports_read_from_the_replica(client, replica, filed, export):
    response, content, primary, secondary = get_on_both(client, INDEX, {"export": export})

    assert response.status_code == 200
    if export == "csv":
        assert filed.reference in content.decode("utf-8-sig")
    assert requests_read(secondary.captured_queries)
    assert not requests_read(primary.captured_queries)
    # The export is recorded, on the primary.
    assert any(query["sql"].startswith("INSERT") for query in primary.captured_queries)


@with_replica
def test_the_officers_list_and_process_page_read_the_primary(client, replica, filed):
    for url in (INDEX, reverse("service_request_admin:process", args=[filed.pk])):
        response, content, primary, secondary = get_on_both(client, url)

        assert response.status_code == 200
        assert filed.reference in content.decode()
        assert secondary.captured_queries == []


@with_replica
def test_the_applicants_pages_read_their_own_writes_from_the_primary(client, replica, user, submit):
    filed = submit("11", applicant=user)
    client.force_login(user)

    for url in ("/my/requests/", f"/my/requests/{filed.reference}/"):
        response, content, primary, secondary = get_on_both(client, url)

        assert response.status_code == 200
        assert filed.reference in content.decode()
        assert secondary.captured_queries == []


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["", "xlsx"])
def test_without_a_replica_the_report_and_exports_read_the_primary(client, officer_for, submit, export):
    # The test may only use `default`: a query on `replica` would fail it.
    officer = officer_for("11")
    client.force_login(officer)
    filed = submit("11")
    today = bangkok_today().isoformat()

    report = client.get(REPORT, {"start": today, "end": today, **({"export": export} if export else {})})
    listing = client.get(INDEX, {"export": export or "csv"})

    assert report.status_code == listing.status_code == 200
    if not export:
        assert str(filed.service.name) in report.content.decode()
        assert filed.reference in b"".join(listing.streaming_content).decode("utf-8-sig")
    with reading_from_replica():
        assert replica_alias() == "default"
        assert ServiceRequest.objects.all().db == "default"


@with_replica
def test_writes_migrations_and_transactions_stay_on_the_primary(replica, filed):
    router = ReplicaRouter()
    with reading_from_replica():
        assert ServiceRequest.objects.all().db == "replica"
        assert router.db_for_write(ServiceRequest) == "default"
        # Reads inside a write transaction may lock rows: the primary's.
        with transaction.atomic():
            assert ServiceRequest.objects.all().db == "default"
    assert ServiceRequest.objects.all().db == "default"
    assert router.allow_migrate("default", "service_requests")
    assert not router.allow_migrate("replica", "service_requests")
