#!/usr/bin/env python3
"""A hostile implementation of the yibao protocol: it answers scope.transfer correctly, and attacks the runner
as its first argument says (the second is the attack's parameter):

  fds               name itself after every descriptor it inherited beyond 0, 1 and 2 (and their targets)
  name FILE         take its name, version and vendor from FILE (UTF-8 text, any bytes)
  message FILE      answer every vector with an error whose message is FILE's text
  huge N            answer every vector with an N-byte line (a string field padded out); lists all 14 operations
  keys N            answer every vector with N distinct keys in its output; lists all 14 operations
  hang PIDFILE      write its pid to PIDFILE after the hello, then answer nothing, ever
  nohello           write terminal escapes (clear screen, colour, a window title) as its first line instead of a hello
  stderr-exit       write the same escapes to stderr and exit 3 before any hello
"""
import json
import os
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
arg = sys.argv[2] if len(sys.argv) > 2 else ""
out = sys.stdout.buffer


def emit_raw(data):
    out.write(data + b"\n")
    out.flush()


def emit(obj):
    emit_raw(json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogateescape"))


def in_scope(i):
    return (i.get("insurance") == "employee" and not i.get("reachedRetirementAge")
            and i.get("crossArea") is True and not i.get("crossProvince"))


def leaked_descriptors():
    found = []
    for name in sorted(os.listdir("/proc/self/fd"), key=int):
        try:
            target = os.readlink("/proc/self/fd/" + name)
        except OSError:
            continue  # the listing's own descriptor, closed by now
        if int(name) > 2 and not target.startswith("/proc/"):
            found.append(name + "->" + target)
    return found


ALL = ["employee.back-payment", "employee.base-limits-year", "employee.contribution-years", "employee.first-enrollment",
       "employee.hospital-stay-during-transfer", "employee.interruption", "employee.minimum-years",
       "employee.retiree-benefits-start", "employee.transfer", "employee.transfer-handling", "resident.benefits-start",
       "resident.newborn", "retiree.not-enrolled", "scope.transfer"]
name, version, vendor = "hostile-adapter", "1.0", "tests"
if mode == "fds":
    name = "fds:" + ",".join(leaked_descriptors())
if mode == "name":
    with open(arg, "rb") as f:
        name = version = vendor = f.read().decode("utf-8", "surrogateescape")
# Clear the screen, go red, set the window title, a CSI as one C1 byte, a right-to-left override.
ESCAPES = "\x1b[2J\x1b[31mNOT-A-HELLO\x1b]0;title\x07\r\u009b2J\u202e"
if mode == "nohello":
    emit_raw(ESCAPES.encode("utf-8"))
    sys.exit(0)
if mode == "stderr-exit":
    sys.stderr.buffer.write(ESCAPES.encode("utf-8") + b"\n")
    sys.stderr.flush()
    sys.exit(3)
text = ""
if mode == "message":
    with open(arg, "rb") as f:
        text = f.read().decode("utf-8", "surrogateescape")

for raw in sys.stdin:
    msg = json.loads(raw)
    if msg["type"] == "hello":
        emit({"type": "hello", "protocol": "yibao-conformance/1",
              "implementation": {"name": name, "version": version, "vendor": vendor},
              "operations": ALL if mode in ("huge", "keys") else ["scope.transfer"]})
        if mode == "hang":
            with open(arg, "w") as f:
                f.write(str(os.getpid()))
            time.sleep(3600)
        continue
    if msg["type"] == "goodbye":
        sys.exit(0)
    vid = msg["id"]
    answer = {"type": "result", "id": vid, "output": {"inScope": in_scope(msg["input"])}}
    if mode == "message":
        answer = {"type": "error", "id": vid, "message": text}
    if mode == "huge":
        head = json.dumps({"type": "result", "id": vid, "output": {"inScope": in_scope(msg["input"]), "pad": ""}}).encode()
        pad = int(arg) - len(head)
        emit_raw(head[:-3] + b"x" * max(pad, 0) + head[-3:])
        continue
    if mode == "keys":
        pairs = ",".join('"k%d":0' % k for k in range(int(arg)))
        emit_raw(('{"type":"result","id":%s,"output":{"inScope":%s,%s}}'
                  % (json.dumps(vid), json.dumps(in_scope(msg["input"])), pairs)).encode())
        continue
    emit(answer)
