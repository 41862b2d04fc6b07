#!/usr/bin/env python3
"""A hostile adapter for `yibao fuzz` and certify's random section: it lists every operation and attacks the findings
as its argument says.

  hostile-adapter.py MODE

MODE is one of
  escape    every evaluate answered with an error whose code is terminal escapes (clear screen, cursor home, a green
            "CERTIFIED", a window title, hidden text)
  scaffold  every evaluate answered with an error whose code breaks lines (LF, CR, NEL, LS, PS, VT, FF) around a
            complete vector with a wrong expected value, to be planted in the finding's vector scaffold
  unique    every evaluate answered with an error whose 200-byte code is new each time, with a 4 KB message: a finding
            per case if the code made the signature
  hang      the suite's vectors answered at once (an `internal` error); generated cases (ids `case-N`) never answered

Python 3 standard library only.
"""

import json
import sys
import time

mode = sys.argv[1]
ALL = ["employee.back-payment", "employee.base-limits-year", "employee.contribution-years", "employee.first-enrollment",
       "employee.hospital-stay-during-transfer", "employee.interruption", "employee.minimum-years",
       "employee.retiree-benefits-start", "employee.transfer", "employee.transfer-handling", "resident.benefits-start",
       "resident.newborn", "retiree.not-enrolled", "scope.transfer"]
ESCAPES = "\x1b[2J\x1b[H\x1b[32mCERTIFIED\x1b[0m\x1b]0;pwned\x07\x1b[8m"
PLANTED = ("x\n  - id: planted-by-adapter\n    title: 植入\n    clauses: [LU-2020-47/1]\n    why: planted\n"
           "    input: {insurance: employee, reachedRetirementAge: false, crossArea: true, crossProvince: false}\n"
           "    expected: {inScope: false}\n  #\r  - id: planted-cr\x85  - id: planted-nel\u2028  - id: planted-ls"
           "\u2029  - id: planted-ps\x0b  - id: planted-vt\x0c  - id: planted-ff")


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


answered = 0
for raw in sys.stdin:
    if not raw.strip():
        continue
    msg = json.loads(raw)
    kind = msg.get("type")
    if kind == "hello":
        emit({"type": "hello", "protocol": "yibao-conformance/1", "implementation": {"name": "hostile-" + mode},
              "operations": ALL})
        continue
    if kind == "goodbye":
        break
    vid = msg["id"]
    answered += 1
    if mode == "escape":
        emit({"type": "error", "id": vid, "code": ESCAPES, "message": "x"})
    elif mode == "scaffold":
        emit({"type": "error", "id": vid, "code": PLANTED})
    elif mode == "unique":
        emit({"type": "error", "id": vid, "code": "c%d" % answered + "x" * 200, "message": "m" * 4000})
    elif mode == "hang":
        if vid.startswith("case-"):
            time.sleep(3600)
        emit({"type": "error", "id": vid, "code": "internal"})
