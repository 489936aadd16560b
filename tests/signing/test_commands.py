"""manage.py make_demo_signing_certificate: a throw-away demo CA and office certificate, marked
as demo, with a key only its owner reads; kept while valid."""

import io
import stat

from django.core.management import call_command

from cryptography import x509

from signing.demo_certificates import DEMO_CA_NAME, demo_files


def make(folder, **options):
    output = io.StringIO()
    call_command("make_demo_signing_certificate", folder=str(folder), stdout=output, **options)
    return output.getvalue()


def test_it_makes_a_demo_ca_and_an_office_certificate_marked_as_demo(tmp_path):
    output = make(tmp_path / "signing", office="สพป.ทดสอบ")

    files = demo_files(tmp_path / "signing")
    office, ca = x509.load_pem_x509_certificates(files.certificate.read_bytes())
    assert "DEMO" in office.subject.rfc4514_string() and "สพป.ทดสอบ" in office.subject.rfc4514_string()
    assert ca.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == DEMO_CA_NAME
    assert "ห้ามใช้จริง" in DEMO_CA_NAME
    assert x509.load_pem_x509_certificate(files.trust_roots.read_bytes()) == ca
    assert stat.S_IMODE(files.key.stat().st_mode) == 0o600
    assert "not for real use" in output


def test_a_valid_one_is_kept_unless_forced(tmp_path):
    make(tmp_path, office="สพป.ทดสอบ")
    files = demo_files(tmp_path)
    first = files.certificate.read_bytes()

    assert "kept" in make(tmp_path, office="สพป.ทดสอบ")
    assert files.certificate.read_bytes() == first
    make(tmp_path, office="สพป.ทดสอบ", force=True)
    assert files.certificate.read_bytes() != first
