#!/usr/bin/env python3
"""age interop oracle for BotCryptoTests.

Usage (input on stdin, output on stdout):
  crypto_age.py pyrage-encrypt PASSPHRASE [--armor]   plaintext -> age file (pyrage, rage's work factor)
  crypto_age.py pyrage-decrypt PASSPHRASE             age file (binary or armored) -> plaintext
  crypto_age.py age-encrypt PASSPHRASE [--armor]      plaintext -> age file (the `age` command, `age -p`)
  crypto_age.py age-decrypt PASSPHRASE                age file -> plaintext (the `age` command, `age -d`)

`age` reads passphrases only from a terminal, so the age-* commands run it on a pseudo-terminal and type
the passphrase at its prompts. A failed decryption exits 3 with the tool's message on stderr.
"""
import os
import pty
import select
import shutil
import sys
import tempfile
import time


def fail(message, status=2):
    sys.stderr.write(message + "\n")
    sys.exit(status)


def pyrage_module():
    try:
        import pyrage  # noqa: PLC0415
    except ImportError:
        fail("pyrage is not installed (pip install pyrage); scripts/test.sh installs it")
    return pyrage


def run_on_terminal(argv, passphrase, timeout=120):
    """Runs argv with a pseudo-terminal as its controlling terminal, answering each passphrase prompt."""
    if shutil.which(argv[0]) is None:
        fail(f"`{argv[0]}` is not installed or not on PATH; scripts/test.sh installs it")
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    transcript = b""
    answered_up_to = 0
    deadline = time.monotonic() + timeout
    while True:
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            fail(f"{argv[0]} timed out after {timeout}s")
        ready, _, _ = select.select([fd], [], [], 1.0)
        if fd not in ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        transcript += chunk
        # Answer each new prompt once it is complete ("...passphrase...: ").
        unanswered = transcript[answered_up_to:]
        if b"passphrase" in unanswered.lower() and unanswered.rstrip(b" ").endswith(b":"):
            os.write(fd, passphrase.encode() + b"\n")
            answered_up_to = len(transcript)
    _, status = os.waitpid(pid, 0)
    # The transcript echoes prompts only (age turns echo off), never the passphrase itself.
    return os.waitstatus_to_exitcode(status), transcript.replace(passphrase.encode(), b"***")


def main():
    if len(sys.argv) < 3:
        fail(__doc__)
    command, passphrase, options = sys.argv[1], sys.argv[2], sys.argv[3:]
    armor = "--armor" in options
    data = sys.stdin.buffer.read()
    if command == "pyrage-encrypt":
        sys.stdout.buffer.write(pyrage_module().passphrase.encrypt(data, passphrase, armored=armor))
    elif command == "pyrage-decrypt":
        pyrage = pyrage_module()
        try:
            sys.stdout.buffer.write(pyrage.passphrase.decrypt(data, passphrase))
        except pyrage.DecryptError as error:
            fail(f"pyrage could not decrypt: {error}", 3)
    elif command in ("age-encrypt", "age-decrypt"):
        with tempfile.TemporaryDirectory(prefix="botcore-age-") as folder:
            source = os.path.join(folder, "in")
            target = os.path.join(folder, "out")
            with open(source, "wb") as handle:
                handle.write(data)
            if command == "age-encrypt":
                argv = ["age", "-p"] + (["-a"] if armor else []) + ["-o", target, source]
            else:
                argv = ["age", "-d", "-o", target, source]
            status, transcript = run_on_terminal(argv, passphrase)
            if status != 0:
                fail(f"age exited {status}: {transcript.decode(errors='replace').strip()}", 3)
            # `age -d` does not create the output file when the plaintext is empty.
            if os.path.exists(target):
                with open(target, "rb") as handle:
                    sys.stdout.buffer.write(handle.read())
            elif command == "age-encrypt":
                fail("age -p exited 0 but wrote no file", 3)
    else:
        fail(f"unknown command {command!r}\n{__doc__}")


if __name__ == "__main__":
    main()
