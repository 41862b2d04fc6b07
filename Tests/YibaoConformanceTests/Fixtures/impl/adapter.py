#!/usr/bin/env python3
"""A test implementation of the yibao protocol that answers scope.transfer correctly,
and misbehaves on purpose as its first argument says:

  ok                 behave
  hello-hang         never answer the hello
  wrong-protocol     answer the hello with another protocol
  hang-on ID         stop forever when asked vector ID
  crash-on ID        exit with status 3 when asked vector ID
  garbage-on ID      write a line that is not JSON instead of ID's answer
  wrong-id-on ID     answer ID under another id
  twice-on ID        answer ID twice
  stderr-flood       write 50 MB to stderr first, then behave
  huge-line-on ID    write a 20 MB line instead of ID's answer
  exit-after N       exit 0 after N answers
  never-flush        never flush standard output
  slow               take 50 ms a vector, and add the process id to each output (as `pid`)
  crash-after-restart FILE   crash on fx-05 the first time; on every later start (FILE exists) crash at once
"""
import json
import os
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
arg = sys.argv[2] if len(sys.argv) > 2 else ""
out = sys.stdout
if mode == "never-flush":
    # Block-buffered whatever PYTHONUNBUFFERED says: nothing reaches the pipe before 1 MiB or exit.
    out = os.fdopen(1, "w", buffering=1 << 20)


def emit(obj):
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    if mode != "never-flush":
        out.flush()


def answer(msg):
    i = msg["input"]
    in_scope = (i.get("insurance") == "employee" and not i.get("reachedRetirementAge")
                and i.get("crossArea") is True and not i.get("crossProvince"))
    return {"type": "result", "id": msg["id"], "output": {"inScope": in_scope}}


answered = 0
for raw in sys.stdin:
    msg = json.loads(raw)
    if msg["type"] == "hello":
        if mode == "hello-hang":
            time.sleep(3600)
        if mode == "first-start-hangs":
            # The first process to start (it makes the marker folder) never answers its hello; the others do.
            try:
                os.mkdir(arg)
                time.sleep(3600)
            except FileExistsError:
                pass
        if mode == "stderr-flood":
            block = ("x" * 1023 + "\n") * 1024
            for _ in range(50):
                sys.stderr.write(block)
            sys.stderr.flush()
        emit({"type": "hello",
              "protocol": "other-protocol/2" if mode == "wrong-protocol" else "yibao-conformance/1",
              "implementation": {"name": "fixture-adapter", "version": "1.0", "vendor": "tests"},
              "operations": ["scope.transfer"]})
        continue
    if msg["type"] == "goodbye":
        sys.exit(0)
    vid = msg["id"]
    sys.stderr.write(f"working on {vid}\n")
    sys.stderr.flush()
    if mode == "crash-after-restart":
        if os.path.exists(arg):
            os._exit(4)
        if vid == "fx-05":
            open(arg, "w").close()
            os._exit(3)
    if mode == "slow":
        time.sleep(0.05)
    if vid == arg:
        if mode == "hang-on":
            time.sleep(3600)
        if mode == "crash-on":
            sys.stderr.write("fixture: crashing on purpose\n")
            sys.stderr.flush()
            os._exit(3)
        if mode == "garbage-on":
            out.write("this is not json {{{\n")
            out.flush()
            continue
        if mode == "wrong-id-on":
            emit(dict(answer(msg), id="nobody-asked-this"))
            continue
        if mode == "twice-on":
            emit(answer(msg))
        if mode == "huge-line-on":
            out.write("x" * (20 * 1024 * 1024) + "\n")
            out.flush()
            continue
    reply = answer(msg)
    if mode == "slow":
        reply["output"]["pid"] = os.getpid()
    emit(reply)
    answered += 1
    if mode == "exit-after" and answered >= int(arg):
        out.flush()
        sys.exit(0)
