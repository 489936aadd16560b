"""Reusable StreamField blocks for every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    detail = blocks.TextBlock(label=_("Detail"), required=False)


class NumberedStepsBlock(blocks.StructBlock):
    """ขั้นตอน: an ordered list of steps, e.g. how to apply."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "blocks/numbered_steps.html"


class FlowDiagramBlock(blocks.StructBlock):
    """แผนผังขั้นตอน: boxes joined by arrows, drawn in HTML so it reads well on a phone."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    stages = blocks.ListBlock(blocks.CharBlock(label=_("Stage")), label=_("Stages"))

    class Meta:
        icon = "arrow-right"
        label = _("Flow diagram")
        template = "blocks/flow_diagram.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document's title.")
    )


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        label = _("Document links")
        template = "blocks/document_links.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), template="blocks/rich_text.html"
    )
    steps = NumberedStepsBlock()
    flow_diagram = FlowDiagramBlock()
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    document_links = DocumentLinksBlock()
    call_to_action = CallToActionBlock()
