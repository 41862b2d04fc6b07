#!/usr/bin/env python3
"""The reference (`YIBAO serve`, argv[1]) behind a proxy that plants what a certificate must not let through:

  proxy.py YIBAO [--only OP,OP,…] [--wrong ID]… [--fork-sleeper PIDFILE] [--hang]

  --only OPS           advertise only these operations in the hello (a partial implementation)
  --wrong ID           answer vector ID with an internal error instead of the reference's answer
  --fork-sleeper FILE  after the hello, fork a grandchild that sleeps forever; append a line "PROXY GRANDCHILD" (pids) to FILE
  --hang               after the hello, answer nothing, ever
Everything else is the reference's answer, line for line.
"""
import json
import os
import subprocess
import sys
import time

args = sys.argv[2:]
only, wrong, sleeper_file, hang = None, set(), None, False
while args:
    flag = args.pop(0)
    if flag == "--only":
        only = args.pop(0).split(",")
    elif flag == "--wrong":
        wrong.add(args.pop(0))
    elif flag == "--fork-sleeper":
        sleeper_file = args.pop(0)
    elif flag == "--hang":
        hang = True
reference = subprocess.Popen([sys.argv[1], "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def emit(line):
    sys.stdout.buffer.write(line if line.endswith(b"\n") else line + b"\n")
    sys.stdout.buffer.flush()


def ask(line):
    reference.stdin.write(line)
    reference.stdin.flush()
    return reference.stdout.readline()


for raw in sys.stdin.buffer:
    if not raw.strip():
        continue
    msg = json.loads(raw)
    if msg.get("type") == "hello":
        hello = json.loads(ask(raw))
        if only is not None:
            hello["operations"] = only
        emit(json.dumps(hello).encode())
        if sleeper_file:
            grandchild = subprocess.Popen(["sleep", "3600"])
            with open(sleeper_file, "a") as f:  # one write: several processes append whole lines
                f.write("%d %d\n" % (os.getpid(), grandchild.pid))
        while hang:
            time.sleep(3600)
        continue
    if msg.get("type") == "goodbye":
        break
    if msg.get("id") in wrong:
        emit(json.dumps({"type": "error", "id": msg["id"], "code": "internal", "message": "planted"}).encode())
        continue
    emit(ask(raw))
