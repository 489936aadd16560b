"""Test data for the home app: pages built with wagtail-factories, and the office's settings."""

from wagtail.models import Collection
from wagtail.rich_text import RichText

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from base.models import OfficeSettings
from home.models import ContentPage, HomePage


def rich_text_body(html):
    """A StreamField value with one rich-text block."""
    return [("rich_text", RichText(html))]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "หน้าหลัก"
    slug = "home"
    intro = "<p>ระบบบริการแบบจุดเดียวเบ็ดเสร็จ (One Stop Service)</p>"
    services_heading = "บริการของเรา"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"หน้าเนื้อหา {n}")
    slug = factory.Sequence(lambda n: f"content-{n}")
    body = factory.LazyAttribute(lambda page: rich_text_body(f"<p>เนื้อหาของ {page.title}</p>"))

    class Meta:
        model = ContentPage


class PrivacyPageFactory(ContentPageFactory):
    title = "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    slug = "privacy"
    body = factory.LazyFunction(lambda: rich_text_body("<p>สำนักงานเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็นต่อการให้บริการ</p>"))


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A PDF in Wagtail's root collection (the factory's default would add a second root)."""

    title = factory.Sequence(lambda n: f"เอกสาร {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4\n%%EOF\n")


class OfficeSettingsFactory(DjangoModelFactory):
    """The demo office of the SPEC; pass site=... (one settings row per site)."""

    name_th = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ"
    name_en = "Amnat Charoen Primary Educational Service Area Office"
    address_th = "230 ถนนสุขาภิบาล 1 ตำบลบุ่ง อำเภอเมือง จังหวัดอำนาจเจริญ 37000"
    address_en = "230 Sukhaphiban 1 Road, Bung, Mueang, Amnat Charoen 37000"
    phones = "045511019"
    fax = "045511917"
    email = "office@amnat-ed.go.th"
    privacy_notice_version = "2568-1"

    class Meta:
        model = OfficeSettings
