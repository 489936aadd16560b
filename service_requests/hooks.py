"""The points where apps above this one (printing, payments, LINE, ...) add to what a request
shows or sets off, through Wagtail's hook registry: the core calls `hooks.get_hooks(NAME)` and
never imports them (layers run one way). Each name is documented where it is defined."""

# {name: view class} of the documents other apps make of a request (the printing app: the
# printout and the bundle); called with no arguments.
REQUEST_DOCUMENTS = "register_service_request_documents"

# The LINE app (line_messaging) and any other channel that tells applicants what happened:
# APPLICANT_NOTIFIED is called each time the applicant is notified (after the commit, beside the
# e-mail) as fn(event, request_id, base_url), event one of "submitted", "resubmitted",
# "status_changed"; REQUEST_HISTORY_PANELS gives the officers' process page more history beside
# the status history: fn(service_request) returns an HTML fragment (a labelled panel) or "".
APPLICANT_NOTIFIED = "on_service_request_applicant_notified"
REQUEST_HISTORY_PANELS = "register_service_request_history_panels"

# The applicant's e-mails (tasks): fn(service_request, email, base_url) -> plain text (a short
# paragraph or a few, "" for none) that the e-mail adds under the request's reference code, email
# being the template's name: "submitted" (the "received" e-mail) or "status_changed". Called in
# the e-mails' language; base_url is what their links start with (base.links.email_url(...,
# base_url=base_url or None)). E.g. payments: the amount to pay and a link to the payment section.
REQUEST_EMAIL_SECTIONS = "request_email_sections"

# The applicant's edit of their request (actions.edit_request) has committed: fn(request_id,
# base_url), e.g. payments telling the officers that a paid order now costs something else.
REQUEST_EDITED = "on_service_request_edited"

# Payments (issue 15), and any app that adds a section of its own to a request's pages:
# fn(request, service_request, page) -> HTML (safe, already escaped) or "" of a section the
# applicant's pages show, page being "submitted" (the confirmation page), "detail" (their
# request's page) or "edit" (their edit page, above the form: e.g. a notice of what an edit does
# to a payment); rendered by the `request_sections` template tag.
REQUEST_PAGE_SECTIONS = "request_page_sections"
# fn(request, service_request) -> HTML or "" of a panel on the officers' process page.
REQUEST_PROCESS_SECTIONS = "request_process_sections"
# fn(service_request) -> iterable of (when, actor or None, text): lines other apps add to the
# request's history (e.g. payment steps), merged by time with its status changes on the
# applicant's page and the process page (presentation.history_lines).
REQUEST_HISTORY_ENTRIES = "request_history_entries"
# fn(service_request, redact) inside actions.deidentify_request's transaction: remove what the
# app keeps of the applicant for this request (files, their words); redact(text) takes their
# names, phone and citizen ID out of an officer's text.
REQUEST_DEIDENTIFIED = "request_deidentified"

# The printout (printing/): fn(service_request) -> iterable of (label, value) rows, plain text,
# that another app adds under the request's details (payments: the payment's state and amount);
# called in the printout's language. REQUEST_PRINTOUT_CHANGED: fn(service_request) -> when what
# the app prints of the request last changed (an aware datetime) or None; a completed request's
# signed printout kept from before that moment is issued again (printing.actions.issued_printout).
REQUEST_PRINTOUT_ROWS = "request_printout_rows"
REQUEST_PRINTOUT_CHANGED = "request_printout_changed"

# A move the workflow's table allows that an app above holds back for now (payments: completing a
# request whose fee is not paid): fn(service_request, to_status, role) -> "" to let it pass, or
# why not (translated, read by whoever tried). RequestPermissionTester asks it of every move it
# offers or checks, so the process page does not offer the move (it says why) and move_request,
# a bulk move too, refuses it with that reason. Asked often: answer the moves it does not concern
# without a query.
REQUEST_MOVE_GUARDS = "request_move_guards"
