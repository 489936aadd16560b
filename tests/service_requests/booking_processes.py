"""What one child process does in the many-processes booking test (multiprocessing, 'spawn').

A spawned child starts from nothing: it imports this module before Django is set up, so Django
and the portal are imported inside the function, after django.setup().
"""

import os
import shutil
from pathlib import Path


def book_the_room(database_name, applicant_pk, room_pk, starts_at, ends_at, barrier, results, index):
    """Set Django up against the parent's test database, wait for the others, then book.

    Puts (index, answer) on `results`: "ok", "refused" (the room's conflict message on its field),
    or the text of anything else that went wrong.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()

    import uuid

    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.db import connection, connections

    from accounts.models import User
    from service_requests import actions
    from service_requests.catalogue.meeting_room import Room, RoomBookingDetails
    from tests.factories.service_requests import attachments_for, contact_of, details_for

    # The settings name the development database; the parent's test database is the one to use.
    connections.databases["default"]["NAME"] = database_name
    answer = None
    try:
        try:
            applicant = User.objects.get(pk=applicant_pk)
            room = Room.objects.get(pk=room_pk)
            details = details_for("31", room=room, starts_at=starts_at, ends_at=ends_at)
            attachments = attachments_for("31")
        except BaseException:
            barrier.abort()  # the others need not wait for a child that will never come
            raise
        barrier.wait(timeout=240)
        try:
            actions.submit_request(
                applicant=applicant,
                service_code="31",
                contact=contact_of(applicant),
                details=details,
                attachments=attachments,
                submission_key=uuid.uuid4(),
            )
            answer = "ok"
        except ValidationError as error:
            refusal = {RoomBookingDetails.conflict_field: [str(RoomBookingDetails.conflict_message)]}
            answer = "refused" if error.message_dict == refusal else f"ValidationError: {error.messages}"
    except Exception as error:  # reported to the parent, which fails the test with it
        answer = f"{type(error).__name__}: {error}"
    finally:
        connection.close()
        # settings/test.py made this process a media folder of its own; leave nothing behind.
        shutil.rmtree(Path(settings.MEDIA_ROOT).parent, ignore_errors=True)
        results.put((index, answer))
