#!/usr/bin/env python3
"""A test SMTP server for MS5Mail: an aiosmtpd Controller on 127.0.0.1 that records every
delivered envelope as one JSON line.

Each line holds the envelope (mail_from, rcpt_tos), the raw content as received after
un-dot-stuffing, and the subject, body and headers decoded by Python's own e-mail parser,
so tests can compare what arrived with what was sent.

Once the server listens, the file given by --ready-file is created. SIGTERM ends it at once
(nothing needs cleaning up); SIGINT stops it gracefully.
"""
import argparse
import email
import email.policy
import json
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class RecordingHandler:
    def __init__(self, out_path, refused):
        self.out_path = out_path
        self.refused = {address.lower() for address in refused}
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "content": raw.decode("utf-8", errors="backslashreplace"),
            "subject": str(message["subject"]),
            "body": message.get_content().replace("\r\n", "\n"),
            "headers": {name.lower(): str(value) for name, value in message.items()},
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        with self.lock, open(self.out_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 2.0.0 Queued as test-%d" % id(record)


def fixed_credentials(username, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == username.encode()
            and auth_data.password == password.encode()
        )
        return AuthResult(success=ok, handled=False)

    return authenticate


def main():
    # A parent may start us with signals blocked (worker threads of a test runner often block them);
    # unblock so that SIGTERM ends the sink at once.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1")
    parser.add_argument("--out", required=True, help="file that receives one JSON line per message")
    parser.add_argument("--ready-file", required=True, help="created once the server listens")
    parser.add_argument("--cert", help="PEM certificate for STARTTLS or implicit TLS")
    parser.add_argument("--key", help="PEM private key for --cert")
    parser.add_argument("--require-starttls", action="store_true", help="refuse commands before STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte")
    parser.add_argument("--auth-user", help="require AUTH with this user name")
    parser.add_argument("--auth-password", help="... and this password")
    parser.add_argument("--refuse", action="append", default=[], help="answer RCPT TO for this address with 550")
    parser.add_argument("--no-8bitmime", action="store_true", help="offer neither 8BITMIME nor SMTPUTF8")
    args = parser.parse_args()

    tls_context = None
    if args.cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.cert, args.key)

    smtp_options = {"decode_data": args.no_8bitmime, "enable_SMTPUTF8": not args.no_8bitmime}
    if args.auth_user is not None:
        smtp_options.update(
            authenticator=fixed_credentials(args.auth_user, args.auth_password or ""),
            auth_required=True,
            auth_require_tls=tls_context is not None,
        )
    if tls_context is not None and not args.implicit_tls:
        smtp_options.update(tls_context=tls_context, require_starttls=args.require_starttls)

    controller = Controller(
        RecordingHandler(args.out, args.refuse),
        hostname="127.0.0.1",
        port=args.port,
        ssl_context=tls_context if args.implicit_tls else None,
        server_hostname="localhost",
        **smtp_options,
    )
    controller.start()
    try:
        with open(args.ready_file, "w", encoding="utf-8") as ready:
            ready.write("%d\n" % args.port)
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
