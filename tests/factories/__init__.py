"""Test data: factory_boy factories for each app's models, named after the app."""
