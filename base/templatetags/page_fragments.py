"""Parts of pages that are the same for every visitor, logged in or not, kept in the default cache
under the page cache's generation (base/page_cache.py): the same publish or settings change that
purges the anonymous pages renews them. Keyed on a name, the values given and the language.

    {% load page_fragments %}
    {% public_fragment "service-main" page.pk %}...{% endpublic_fragment %}

Nothing personal may go inside (no user, no CSRF token, no messages, no form). Off, like the page
cache, when ANONYMOUS_PAGE_CACHE is False, and in editors' previews (a draft must neither come
from nor go into it).
"""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..page_cache import kept_until_purge

register = template.Library()


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # an editor's preview shows the draft, uncached
        values = [str(self.name.resolve(context))] + [str(value.resolve(context)) for value in self.vary_on]
        digest = hashlib.sha256("\0".join(values).encode()).hexdigest()
        content = kept_until_purge(
            f"page-fragment:{get_language()}:{digest}", lambda: self.nodelist.render(context), request=request
        )
        return mark_safe(content)  # noqa: S308 - the template's own output, escaped when it was rendered


@register.tag
def public_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("public_fragment needs a name")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
