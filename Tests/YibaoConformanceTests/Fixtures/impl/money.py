#!/usr/bin/env python3
"""An implementation that gets money the way vendors' systems often do, to show the suite notices.

Usage: money.py MODE YIBAO. It asks the reference (`YIBAO serve`) for every vector over the protocol and keeps its
answer, except that employee.back-payment's `amount` is recomputed from the answer's base, months and rate:

  float      round(base * months * rate, 2) in binary floating point (Python floats, as the issue writes it)
  half-even  exact decimal arithmetic, rounded half-even ("banker's rounding") instead of half-up

The suite's exact-money vectors (I-20) must make each mode fail at least one vector the reference passes.
"""
import decimal
import json
import subprocess
import sys
import threading

mode = sys.argv[1]
reference = subprocess.Popen([sys.argv[2], "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def amount(output):
    if mode == "float":
        return "%.2f" % round(float(output["base"]) * output["months"] * float(output["rate"]), 2)
    exact = decimal.Decimal(output["base"]) * output["months"] * decimal.Decimal(output["rate"])
    return str(exact.quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_EVEN))


def answers():
    for raw in reference.stdout:
        answer = json.loads(raw)
        if answer.get("type") == "hello":
            answer["implementation"] = {"name": "money-" + mode, "version": "1", "vendor": "yibao tests"}
        elif answer.get("type") == "result" and "amount" in answer.get("output", {}):
            answer["output"]["amount"] = amount(answer["output"])
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


relay = threading.Thread(target=answers)
relay.start()
for raw in sys.stdin.buffer:
    if json.loads(raw).get("type") == "goodbye":
        break
    reference.stdin.write(raw)
    reference.stdin.flush()
reference.stdin.close()
relay.join()
reference.wait()
