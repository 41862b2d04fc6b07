#!/usr/bin/env python3
"""An implementation that reads every provisional interpretation of docs/interpretations.md the other way.

It asks the reference (`YIBAO serve`, the path in argv[1]) for each vector over the protocol, then changes the
answer wherever a provisional reading decides it, to the other option the entry records:

  I-3   within the window, a gap, not back-paid   -> benefits from the month after the continuation (C+1)
  I-14  newborn insured 6-12 months after birth in the following year -> ordinary resident, no newborn coverage
  I-26  from outside the province, retiring 2022-04-07 .. 2022-04-30  -> JI-2022-8/4 not yet: {new minimum, 0}
  I-27  transfer application on a non-working day -> received on the next working day, counted from the day after
  I-28  continuation before the reduction month  -> invalid-input
  I-29  employer arrears straddling 2022-03/04 settled in the transition -> historical, expenses covered
  I-30  a flexible worker who settles -> the interrupted months do not count toward the years
  I-34  the gap's back-pay base from 2022-05 to 2025-08 -> JI-2020-19/2.2's first base in the new area, not null
  I-32  a flexible worker resuming without back pay after 3 months or fewer -> not restored (restoredFrom null)
  I-37  an employer's continuation after the labour-relation month L (2020 notices) -> judged by L: within the window
        if L is, benefits from L (or L+1 beyond); from 2022-05 to 2025-08 -> continuationLateMonths C - L, not null
  I-39  from outside the province, retiring 2022-05-01 .. 2025-12-31 -> no transition choice: only {new minimum, 120}
        (in 2022-04 I-26's other reading applies first: JI-2022-8/4 not yet, so the choice stays)

Everything else is the reference's answer. A suite whose provisional vectors are tagged completely lets this
implementation pass `yibao certify`, with the vectors above listed as advisory failures.
"""
import datetime
import decimal
import json
import subprocess
import sys
import threading

reference = subprocess.Popen([sys.argv[1], "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
# The inputs of the vectors sent to the reference and not yet answered, by id.
pending = {}
lock = threading.Lock()


def emit(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def month(text):
    y, m = text.split("-")[:2]
    return int(y) * 12 + int(m) - 1


def month_text(index):
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def day(text):
    return datetime.date.fromisoformat(text)


def other_way(operation, given, answer):
    if answer.get("type") == "result":
        out = answer["output"]
    else:
        out = None
    if operation == "employee.transfer":
        try:
            last, reduction, cont = month(given["lastPaidMonthOut"]), month(given["reductionMonth"]), month(given["continuationMonth"])
        except (KeyError, ValueError, AttributeError, TypeError):
            return answer
        if out is not None and cont < reduction:  # I-28
            return {"type": "error", "id": answer["id"], "code": "invalid-input", "message": "continuation before reduction (I-28 other way)"}
        if out is not None and out.get("withinWindow") and cont > last + 1 and given.get("backPaysGap") is False:  # I-3
            out["inAreaBenefitsFrom"] = month_text(cont + 1)
        if (out is not None and given.get("firstBaseIn") is not None and out.get("gapBackPayBase") is None
                and out.get("gapBackPayAllowed") and month("2022-05") <= cont <= month("2025-08")):  # I-34
            out["gapBackPayBase"] = format(decimal.Decimal(str(given["firstBaseIn"])), ".2f")
        labour = given.get("laborRelationMonth")
        if out is not None and labour is not None and given.get("category") == "employer":
            labour = month(labour)
            if month("2020-09") <= labour < cont <= month("2022-04"):  # I-37 (1)
                within = labour <= reduction + 2
                back_paid = within and given.get("backPaysGap") is True
                out["withinWindow"] = within
                out["inAreaBenefitsFrom"] = month_text(labour if within else labour + 1)
                out["gapBackPayAllowed"] = within
                out["gapCountsTowardYears"] = back_paid
                out["gapExpensesCovered"] = back_paid
                if given.get("firstBaseIn") is not None:
                    out["gapBackPayBase"] = format(decimal.Decimal(str(given["firstBaseIn"])), ".2f") if within else None
            if month("2022-05") <= cont <= month("2025-08"):  # I-37 (2)
                out["continuationLateMonths"] = cont - labour
    elif operation == "employee.minimum-years" and out is not None:  # I-26, I-39
        retired = given.get("retirementDate", "")
        if given.get("fromOutsideProvince") is True and "2022-04-07" <= retired <= "2025-12-31":
            reqs = out["requirements"]
            if retired <= "2022-04-30":
                reqs[0]["actualMonths"] = 0
            else:
                del reqs[1:]
            actual, total = given["actualMonths"], given["actualMonths"] + given["deemedMonths"]
            gaps = [max(r["totalMonths"] - total, r["actualMonths"] - actual, 0) for r in reqs]
            out["met"] = min(gaps) == 0
            out["shortfallMonths"] = min(gaps)
    elif operation == "employee.transfer-handling" and out is not None and out.get("deadline"):  # I-27
        holidays = {day(d) for d in given.get("holidays") or []}
        extra = {day(d) for d in given.get("extraWorkdays") or []}

        def working(d):
            return d in extra or (d.weekday() < 5 and d not in holidays)

        if not working(day(given["applicationDate"])):
            d = day(out["deadline"]) + datetime.timedelta(days=1)
            while not working(d):
                d += datetime.timedelta(days=1)
            out["deadline"] = d.isoformat()
    elif operation == "employee.interruption" and out is not None:
        settled = given.get("settledMonth")
        if given.get("category") == "flexible" and settled is not None:  # I-30
            out["arrearsCountTowardYears"] = False
        if (given.get("category") == "flexible" and settled is not None and given.get("backPaysArrears") is False
                and month(given["lastUnpaidMonth"]) - month(given["firstUnpaidMonth"]) + 1 <= 3):  # I-32
            out["restoredFrom"] = None
        if (given.get("category") == "employer" and settled is not None
                and month(given["firstUnpaidMonth"]) <= month("2022-03") < month(given["lastUnpaidMonth"])
                and month("2022-05") <= month(settled) <= month("2022-10")
                and given.get("currentContributionsOnTime", True) is True):  # I-29
            out["arrearsExpensesCovered"] = True
    elif operation == "resident.newborn" and out is not None:  # I-14
        trace = answer.get("trace") or []
        if not any(t.startswith("JI-2022-8/9") for t in trace):
            out["coverage"] = []
            out["asOrdinaryResident"] = True
    return answer


def answers():
    """Relays the reference's answers as they come (the reference answers in the order asked), read the other way."""
    for raw in reference.stdout:
        answer = json.loads(raw)
        if answer.get("type") == "hello":
            emit({"type": "hello", "protocol": "yibao-conformance/1",
                  "implementation": {"name": "provisional-other-way", "version": "1", "vendor": "yibao tests"},
                  "operations": answer["operations"]})
            continue
        with lock:
            operation, given = pending.pop(answer.get("id"), (None, {}))
        emit(other_way(operation, given, answer))


relay = threading.Thread(target=answers)
relay.start()
for raw in sys.stdin.buffer:
    message = json.loads(raw)
    if message.get("type") == "evaluate":
        with lock:
            pending[message.get("id")] = (message.get("operation"), message.get("input") or {})
    elif message.get("type") == "goodbye":
        break
    reference.stdin.write(raw)
    reference.stdin.flush()
reference.stdin.close()
relay.join()
reference.wait()
