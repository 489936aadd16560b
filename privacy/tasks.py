"""The copy of an applicant's data is built in the background (django-tasks): at once in
development and tests, from the database queue by `manage.py db_worker` in production."""

from django_tasks import task

from . import actions


@task()
def build_data_export(export_id: int) -> str:
    export = actions.build_data_export(export_id=export_id)
    return export.status if export else ""
