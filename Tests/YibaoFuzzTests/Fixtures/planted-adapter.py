#!/usr/bin/env python3
"""A planted-bug adapter for the fuzzer's tests: `yibao serve` behind a proxy that is wrong in one place.

  planted-adapter.py YIBAO_BINARY BUG [memorised]

BUG is one of
  float-rounding        employee.back-payment's amount recomputed as a binary float (3528.50 x 7% -> 246.99)
  month-overflow        resident.newborn's "6个月内" by a date library that overflows (31 Aug + 6 months = 3 Mar)
  late-switch           employee.back-payment switches to the 2022 rules one day late (2022-05-01 is still 2020)
  forgets-make-up-days  employee.transfer-handling counts working days without extraWorkdays
  none                  no bug: the reference, through the proxy

With `memorised` the bug shows only on generated cases (ids `case-N`): the public vectors, asked by their ids, are
answered right, as by an implementation that memorised them. Only the random section can catch it.

Requests go to the reference as they come and its answers back as they come (pipelined). Python 3 standard library only.
"""

import datetime
import json
import os
import subprocess
import sys
import threading


def add_months(day, n):
    """The Civil Code's month arithmetic: the same day, or the month's last day where there is none."""
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    month += 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def overflowing_add_months(day, n):
    """A date library that overflows: the target month's day 1 plus (day - 1) days (31 Aug + 6 = 3 Mar)."""
    first = add_months(datetime.date(day.year, day.month, 1), n)
    return first + datetime.timedelta(days=day.day - 1)


def parse_day(text):
    try:
        return datetime.date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
    except ValueError:
        return None


def plant_input(bug, operation, data):
    """The input the planted implementation works with (the same object when the bug does not touch it)."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if bug == "late-switch" and operation == "employee.back-payment" and data.get("paymentDate") == "2022-05-01":
        data["paymentDate"] = "2022-04-30"
    elif bug == "forgets-make-up-days" and operation == "employee.transfer-handling":
        data.pop("extraWorkdays", None)
    elif bug == "month-overflow" and operation == "resident.newborn":
        born, paid = parse_day(data.get("birthDate")), parse_day(data.get("paymentDate"))
        if born and paid:
            end, overflowed = add_months(born, 6), overflowing_add_months(born, 6)
            if end < paid <= overflowed:
                data["paymentDate"] = end.isoformat()  # "within six months" by the overflowing library
    return data


def plant_answer(bug, operation, answer):
    """The planted answer (the same object when the bug does not touch it)."""
    if bug == "float-rounding" and operation == "employee.back-payment" and answer.get("type") == "result":
        output = answer.get("output", {})
        try:
            amount = round(float(output["base"]) * 0.07 * int(output["months"]) * 100) / 100
            answer = dict(answer, output=dict(output, amount="%.2f" % amount))
        except (KeyError, ValueError, TypeError):
            pass
    return answer


def main():
    binary, bug = sys.argv[1], sys.argv[2]
    memorised = sys.argv[3:] == ["memorised"]

    def planted_for(message_id):
        """The bug for this request: none for a public vector's id when the vectors are memorised."""
        return bug if not memorised or str(message_id).startswith("case-") else "none"

    server = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    operations = {}  # id -> operation, for the answers
    lock = threading.Lock()

    def answers():
        # The reference's answers, planted, in the order they come (the requests are pipelined).
        for line in server.stdout:
            answer = json.loads(line)
            if answer.get("type") == "hello":
                line = json.dumps(dict(answer, implementation={"name": "planted-" + bug, "version": "0", "vendor": "yibao tests"})).encode() + b"\n"
            else:
                with lock:
                    operation = operations.pop(answer.get("id"), None)
                planted = plant_answer(planted_for(answer.get("id")), operation, answer)
                if planted != answer:
                    line = json.dumps(planted, ensure_ascii=False).encode() + b"\n"
            sys.stdout.buffer.write(line)
            sys.stdout.buffer.flush()

    reader = threading.Thread(target=answers)
    reader.start()
    # Requests are read in whatever chunks arrive and sent on together; a line goes on unchanged (byte for byte:
    # re-encoding could change a number's spelling) unless the bug changes its input.
    pending = b""
    done = False
    while not done:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        out = []
        for raw in lines:
            if not raw.strip():
                continue
            message = json.loads(raw)
            if message.get("type") == "evaluate":
                operation = message.get("operation")
                with lock:
                    operations[message.get("id")] = operation
                planted = plant_input(planted_for(message.get("id")), operation, message.get("input"))
                if planted != message.get("input"):
                    raw = json.dumps(dict(message, input=planted), ensure_ascii=False).encode()
            out.append(raw + b"\n")
            if message.get("type") == "goodbye":
                done = True
                break
        server.stdin.write(b"".join(out))
        server.stdin.flush()
    server.stdin.close()
    reader.join()
    server.wait()


if __name__ == "__main__":
    main()
