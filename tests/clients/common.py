"""What the Junos client suites share: a check that prints each result
and stops at the first failure, and PyEZ's way in (open, then the facts,
which must all answer)."""

import sys


def check(what, got, want):
    if got != want:
        print("FAIL %s: got %r, want %r" % (what, got, want))
        sys.exit(1)
    print("ok   %s" % what)


def pyez_connect(host, port):
    from jnpr.junos import Device
    dev = Device(host=host, port=port, user="admin", password="admin123")
    dev.open()
    dev.facts_refresh(exception_on_failure=True)
    return dev
