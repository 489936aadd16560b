"""A stand-in for Google's reCAPTCHA verification server on 127.0.0.1, over HTTPS with a
certificate made for the test, so that django-recaptcha's own HTTP client talks to it unchanged
(settings.RECAPTCHA_DOMAIN points there; SSL_CERT_FILE makes the client trust the certificate)."""

import datetime
import ipaddress
import json
import socket
import ssl
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def self_signed_certificate(directory):
    """A key and a certificate for 127.0.0.1, written as PEM files; returns their paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_path, certificate_path = directory / "key.pem", directory / "certificate.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    certificate_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_path, certificate_path


class StandIn:
    """What the stand-in answers (status and body, or a delay) and the requests it received."""

    def __init__(self):
        self.status, self.body, self.delay = 200, json.dumps({"success": True}), 0
        self.received = []

    def answer(self, status=200, body=None, delay=0):
        self.status, self.body, self.delay = status, body, delay


def handler_for(stand_in):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            stand_in.received.append(parse_qs(self.rfile.read(length).decode()))
            time.sleep(stand_in.delay)
            body = (stand_in.body or "").encode()
            self.send_response(stand_in.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def verification_server(directory):
    """Serve the stand-in on a free port; yields (the stand-in, its host:port)."""
    key_path, certificate_path = self_signed_certificate(directory)
    stand_in = StandIn()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(stand_in))
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand_in, f"127.0.0.1:{server.server_address[1]}", certificate_path
    finally:
        server.shutdown()
        server.server_close()


def closed_port():
    """A port on 127.0.0.1 that nothing listens on: connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
