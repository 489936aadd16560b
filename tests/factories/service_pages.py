"""Test data for service pages: the index, one page per catalogue service, documents, downloads."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from service_pages.models import DownloadsPage, ServiceDocument, ServiceIndexPage, ServicePage
from service_requests.catalogue import builtin_services, get_service

from .home import DocumentFactory, rich_text_body
from .service_forms import personnel_record_form

SERVICE_CODES = [service.code for service in builtin_services()]


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "บริการ"
    slug = "services"
    intro = "<p>บริการอิเล็กทรอนิกส์ของสำนักงาน</p>"

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A page for one catalogue service; title and slug follow the catalogue unless given."""

    service_code = factory.Iterator(SERVICE_CODES)
    title = factory.LazyAttribute(lambda page: str(get_service(page.service_code).name))
    slug = factory.LazyAttribute(lambda page: get_service(page.service_code).slug)
    summary = factory.LazyAttribute(lambda page: f"ยื่นคำขอ{page.title}ทางออนไลน์")
    description = "<p>รายละเอียดของบริการ</p>"
    eligibility = "<p>ข้าราชการครูและบุคลากรทางการศึกษา</p>"
    processing_time = "เจ้าหน้าที่จะดำเนินการจัดทำข้อมูลภายใน 3-5 วันทำการ"
    body = factory.LazyFunction(
        lambda: [
            *rich_text_body("<p>ขั้นตอนการขอรับบริการ</p>"),
            (
                "steps",
                {"heading": "ขั้นตอน", "steps": [{"title": "กรอกคำขอ", "detail": "ผ่านระบบ"}]},
            ),
            (
                "flow_diagram",
                {"heading": "แผนผังขั้นตอน", "stages": ["กรอกคำขอ", "เจ้าหน้าที่ตรวจสอบ", "รับเอกสาร"]},
            ),
        ]
    )

    class Meta:
        model = ServicePage


class DownloadsPageFactory(wagtail_factories.PageFactory):
    title = "ดาวน์โหลดเอกสาร"
    slug = "downloads"
    intro = "<p>คู่มือและแบบฟอร์มของทุกบริการ</p>"

    class Meta:
        model = DownloadsPage


class ServiceDocumentFactory(DjangoModelFactory):
    """A manual or blank form on a service page; pass page=... ."""

    kind = ServiceDocument.Kind.MANUAL
    document = factory.SubFactory(DocumentFactory)
    title = ""

    class Meta:
        model = ServiceDocument


class ConfiguredServicePageFactory(ServicePageFactory):
    """A service of the office's own: code 13, its form built by editors (ก.พ.7 copies)."""

    service_code = "13"
    title = "ขอสำเนาทะเบียนประวัติ (ก.พ.7)"
    slug = "personnel-record-copy"
    short_name = "สำเนา ก.พ.7"
    processing_days = 3
    retention_years = 5
    form_note = "โปรดตรวจสอบข้อมูลก่อนส่งคำขอ"
    form_definition = factory.LazyFunction(personnel_record_form)
