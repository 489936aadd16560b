"""The points where apps above this one (printing, payments, LINE, ...) add to what a request
shows or sets off, through Wagtail's hook registry: the core calls `hooks.get_hooks(NAME)` and
never imports them (layers run one way). Each name is documented where it is defined."""

# {name: view class} of the documents other apps make of a request (the printing app: the
# printout and the bundle); called with no arguments.
REQUEST_DOCUMENTS = "register_service_request_documents"
