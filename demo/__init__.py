"""Demo content for a fresh portal: the manual's office, its six services, pages, documents,
groups and logins. Run it with `python manage.py load_demo_content`; running it again changes
nothing but the demo passwords (set again so that the printed logins work)."""
