"""Mail from the environment: the password-reset mail goes to a real SMTP server when a host is
named, and is printed on the console when none is."""

import re
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from openplate.core import config

MAIL_VARIABLES = [
    "OPENPLATE_EMAIL_BACKEND",
    "OPENPLATE_EMAIL_HOST",
    "OPENPLATE_EMAIL_PORT",
    "OPENPLATE_EMAIL_USE_TLS",
    "OPENPLATE_EMAIL_USE_SSL",
    "OPENPLATE_EMAIL_USER",
    "OPENPLATE_EMAIL_PASSWORD",
    "OPENPLATE_EMAIL_PASSWORD_FILE",
    "OPENPLATE_EMAIL_TIMEOUT",
    "OPENPLATE_FROM_EMAIL",
]


class Mailbox:
    """An SMTP server's handler that keeps every message it is given, and the logins."""

    def __init__(self) -> None:
        self.messages: list[tuple[Envelope, EmailMessage]] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or b""
        message = message_from_bytes(content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((envelope, message))
        return "250 Message accepted"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = free_port()
    # AUTH without TLS, on the loopback only: a test server has no certificate to offer.
    server = Controller(
        box,
        hostname="127.0.0.1",
        port=port,
        server_hostname="localhost",
        authenticator=box.authenticate,
        auth_require_tls=False,
    )
    server.start()
    try:
        yield box, port
    finally:
        server.stop()


@pytest.fixture
def no_mail_variables(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in MAIL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.django_db
def test_the_password_reset_mail_reaches_the_smtp_server_named_by_the_environment(
    mailbox: tuple[Mailbox, int],
    no_mail_variables: pytest.MonkeyPatch,
    new_alice: User,
    tmp_path: Path,
) -> None:
    box, port = mailbox
    password_file = tmp_path / "mail-password"
    password_file.write_text("mail-s3cret\n")
    no_mail_variables.setenv("OPENPLATE_EMAIL_HOST", "127.0.0.1")
    no_mail_variables.setenv("OPENPLATE_EMAIL_PORT", str(port))
    no_mail_variables.setenv("OPENPLATE_EMAIL_USER", "openplate")
    no_mail_variables.setenv("OPENPLATE_EMAIL_PASSWORD_FILE", str(password_file))
    no_mail_variables.setenv("OPENPLATE_FROM_EMAIL", "OpenPlate <plate@example.org>")

    with override_settings(**config.mail_settings()):
        response = Client().post("/accounts/password_reset/", {"email": new_alice.email})
    assert response.status_code == 302

    assert box.logins == [("openplate", "mail-s3cret")]
    [(envelope, message)] = box.messages
    assert envelope.mail_from == "plate@example.org"
    assert envelope.rcpt_tos == ["alice@example.com"]
    assert message["To"] == "alice@example.com"
    assert message["From"] == "OpenPlate <plate@example.org>"
    assert message["Subject"] == "Reset your OpenPlate password"
    body = message.get_content()
    link = re.search(r"http://testserver(/accounts/reset/[^/\s]+/[^/\s]+/)", body)
    assert link is not None, body
    confirm = Client().get(link.group(1), follow=True)
    assert "Choose a new password" in confirm.content.decode()


def test_without_a_host_mail_is_printed_on_the_console(
    no_mail_variables: pytest.MonkeyPatch,
) -> None:
    mail = config.mail_settings()
    assert mail["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert mail["DEFAULT_FROM_EMAIL"] == "openplate@localhost"


def test_a_host_means_smtp_on_port_25_by_default(no_mail_variables: pytest.MonkeyPatch) -> None:
    no_mail_variables.setenv("OPENPLATE_EMAIL_HOST", " mail.example.org ")
    mail = config.mail_settings()
    assert mail["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mail["EMAIL_HOST"] == "mail.example.org"
    assert mail["EMAIL_PORT"] == 25
    assert (mail["EMAIL_USE_TLS"], mail["EMAIL_USE_SSL"]) == (False, False)
    assert (mail["EMAIL_HOST_USER"], mail["EMAIL_HOST_PASSWORD"]) == ("", "")
    assert mail["EMAIL_TIMEOUT"] == 10


@pytest.mark.parametrize(
    ("variable", "port", "tls", "ssl"),
    [("OPENPLATE_EMAIL_USE_TLS", 587, True, False), ("OPENPLATE_EMAIL_USE_SSL", 465, False, True)],
)
def test_tls_and_ssl_choose_their_usual_ports(
    no_mail_variables: pytest.MonkeyPatch, variable: str, port: int, tls: bool, ssl: bool
) -> None:
    no_mail_variables.setenv("OPENPLATE_EMAIL_HOST", "mail.example.org")
    no_mail_variables.setenv(variable, "true")
    mail = config.mail_settings()
    assert (mail["EMAIL_PORT"], mail["EMAIL_USE_TLS"], mail["EMAIL_USE_SSL"]) == (port, tls, ssl)
    no_mail_variables.setenv("OPENPLATE_EMAIL_PORT", "2525")
    assert config.mail_settings()["EMAIL_PORT"] == 2525


def test_tls_and_ssl_together_are_refused(no_mail_variables: pytest.MonkeyPatch) -> None:
    no_mail_variables.setenv("OPENPLATE_EMAIL_USE_TLS", "yes")
    no_mail_variables.setenv("OPENPLATE_EMAIL_USE_SSL", "yes")
    with pytest.raises(ImproperlyConfigured, match=r"OPENPLATE_EMAIL_USE_TLS.*not both"):
        config.mail_settings()


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("OPENPLATE_EMAIL_PORT", "0"),
        ("OPENPLATE_EMAIL_PORT", "smtp"),
        ("OPENPLATE_EMAIL_TIMEOUT", "-5"),
        ("OPENPLATE_EMAIL_USE_TLS", "sometimes"),
    ],
)
def test_it_refuses_mail_values_it_cannot_use(
    no_mail_variables: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    no_mail_variables.setenv(variable, value)
    with pytest.raises(ImproperlyConfigured, match=variable):
        config.mail_settings()


def test_it_reads_the_timeout_and_an_explicit_backend(
    no_mail_variables: pytest.MonkeyPatch,
) -> None:
    no_mail_variables.setenv("OPENPLATE_EMAIL_HOST", "mail.example.org")
    no_mail_variables.setenv("OPENPLATE_EMAIL_TIMEOUT", "30")
    no_mail_variables.setenv(
        "OPENPLATE_EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend"
    )
    mail = config.mail_settings()
    assert mail["EMAIL_TIMEOUT"] == 30
    assert mail["EMAIL_BACKEND"] == "django.core.mail.backends.dummy.EmailBackend"
