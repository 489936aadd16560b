# The request workflow's models arrive with the workflow issue; the app exists so that the
# private storage and the catalogue have their home from the first migration on.
