"""Helpers shared by the admin views of every app."""


def link_errors(form):
    """Point each invalid field at its error message, for screen readers (Wagtail's field
    template shows the message but does not link it)."""
    for name in form.errors:
        if name in form.fields:
            bound_field = form[name]
            described_by = [f"{bound_field.auto_id}-errors"]
            if bound_field.help_text:
                described_by.append(f"{bound_field.auto_id}-helptext")
            form.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)
