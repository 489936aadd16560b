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
