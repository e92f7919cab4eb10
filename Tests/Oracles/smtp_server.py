#!/usr/bin/env python3
"""An aiosmtpd server on 127.0.0.1 for the SMTP client tests.

usage: smtp_server.py USER PASSWORD [--mechanisms PLAIN,LOGIN] [--reject-domain DOMAIN]

Listens on a free port with AUTH required (over plain TCP, as on a loopback relay), prints
"READY <port>" and then answers one command per line on stdin:
  dump  -> one JSON line: {"messages": [...], "auth": [...]}, every message with its envelope, raw
           content and the headers/body decoded by Python's `email` package.
Exits when stdin closes (so it never outlives the test process) or after a 120 s watchdog.
The USER/PASSWORD pair is test data made up by the test, not a secret.
"""
import asyncio
import email
import email.policy
import json
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

WATCHDOG_SECONDS = 120


def main():
    user, password = sys.argv[1], sys.argv[2]
    options = sys.argv[3:]
    mechanisms = {"PLAIN", "LOGIN"}
    reject_domain = None
    while options:
        flag, value = options[0], options[1]
        options = options[2:]
        if flag == "--mechanisms":
            mechanisms = set(value.split(","))
        elif flag == "--reject-domain":
            reject_domain = value
        else:
            sys.exit(f"unknown option {flag}")

    messages = []
    attempts = []

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if reject_domain and address.lower().endswith("@" + reject_domain):
                return "550 5.1.1 No such user here"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            content = envelope.original_content or envelope.content
            parsed = email.message_from_bytes(content, policy=email.policy.default)
            head, _, raw_body = content.partition(b"\r\n\r\n")
            messages.append({
                "mail_from": envelope.mail_from,
                "mail_options": envelope.mail_options,
                "rcpt_tos": envelope.rcpt_tos,
                "raw_head": head.decode("utf-8", "replace"),
                "raw_body": raw_body.decode("utf-8", "replace"),
                "subject": str(parsed["subject"]),
                "from": str(parsed["from"]),
                "to": [str(address) for address in parsed["to"].addresses],
                "date": str(parsed["date"]),
                "message_id": str(parsed["message-id"]),
                "content_type": parsed.get_content_type(),
                "charset": parsed.get_content_charset(),
                "transfer_encoding": str(parsed["content-transfer-encoding"]),
                "body": parsed.get_content(),
                "defects": [type(defect).__name__ for defect in parsed.defects],
                "content_length": len(content),
                "authenticated_login": getattr(session, "oracle_login", None),
            })
            return "250 2.0.0 Ok: queued as TEST1"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        attempts.append({"mechanism": mechanism, "login": auth_data.login.decode(), "success": ok})
        if ok:
            session.oracle_login = auth_data.login.decode()
        return AuthResult(success=ok, handled=False)

    def factory():
        return SMTP(
            Handler(), hostname="oracle.test", authenticator=authenticator, auth_required=True,
            auth_require_tls=False, auth_exclude_mechanism=list({"PLAIN", "LOGIN"} - mechanisms))

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=0))
    port = server.sockets[0].getsockname()[1]

    def serve_commands():
        for line in sys.stdin:
            if line.strip() == "dump":
                done = threading.Event()

                def dump():
                    print(json.dumps({"messages": messages, "auth": attempts}), flush=True)
                    done.set()

                loop.call_soon_threadsafe(dump)
                done.wait()
        loop.call_soon_threadsafe(loop.stop)

    threading.Thread(target=serve_commands, daemon=True).start()
    loop.call_later(WATCHDOG_SECONDS, loop.stop)
    print(f"READY {port}", flush=True)
    loop.run_forever()
    server.close()


if __name__ == "__main__":
    main()
