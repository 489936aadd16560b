from wagtail import hooks

from .admin_views import BundleView, PrintoutView


@hooks.register("register_service_request_documents")
def register_request_pdfs():
    """The officers' printout and bundle, as pages of the request viewset (print_pdf, bundle)."""
    return {"print_pdf": PrintoutView, "bundle": BundleView}
