#!/usr/bin/env python3
"""An adapter that changes its hello from its second start on: how one might try to drop certify's random section.

  second-start.py YIBAO_BINARY STATE_DIR MODE

Every start appends its hello request to STATE_DIR/hellos (one JSON line each). The first start is `yibao serve`'s
hello as it is; from the second on (certify's random section starts the adapter again), MODE changes it:
  no-operations   lists no operations, so no generated case would be sent
  other-name      names another implementation
Everything else is `yibao serve`, line for line. Python 3 standard library only.
"""

import json
import os
import subprocess
import sys

yibao, state, mode = sys.argv[1], sys.argv[2], sys.argv[3]
log = os.path.join(state, "hellos")
starts = 0
if os.path.exists(log):
    with open(log) as f:
        starts = sum(1 for _ in f)
reference = subprocess.Popen([yibao, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for raw in sys.stdin.buffer:
    if not raw.strip():
        continue
    message = json.loads(raw)
    reference.stdin.write(raw)
    reference.stdin.flush()
    answer = reference.stdout.readline()
    if message.get("type") == "hello":
        with open(log, "a") as f:
            f.write(json.dumps(message) + "\n")
        hello = json.loads(answer)
        if starts >= 1 and mode == "no-operations":
            hello["operations"] = []
        if starts >= 1 and mode == "other-name":
            hello["implementation"]["name"] = "another-adapter"
        answer = (json.dumps(hello) + "\n").encode()
    if message.get("type") == "goodbye":
        break
    sys.stdout.buffer.write(answer)
    sys.stdout.buffer.flush()
