from django import template

from ..upload_collection import default_upload_collection

register = template.Library()


@register.simple_tag
def upload_collection_id(collections, selected_collection_id):
    """The collection the multiple-upload page preselects: the one the listing was filtered by,
    else the default upload collection (as the string the template compares with)."""
    if selected_collection_id or not collections:
        return selected_collection_id
    collection = default_upload_collection(collections)
    return str(collection.pk) if collection else selected_collection_id
