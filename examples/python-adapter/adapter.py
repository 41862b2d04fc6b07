#!/usr/bin/env python3
"""A minimal yibao conformance adapter (protocol yibao-conformance/1, docs/protocol.md).

It implements two operations of the suite, by the rules of the notices:

  scope.transfer             LU-2020-47/1, JI-2020-19/1
  employee.first-enrollment  LU-2021-54/1 (in Jining from 2022-05, JI-2022-8 closing paragraph)

and lists only those two in its hello, so the runner marks every other vector `unsupported`.
A real adapter would translate each `evaluate` into a call to the vendor's own system; here the
rules are written out in a few lines so that the example runs on its own.

Python 3 standard library only. Run it against the suite with:

  yibao run --impl 'python3 examples/python-adapter/adapter.py' --filter scope.transfer
"""

import json
import re
import sys

PROTOCOL = "yibao-conformance/1"
IMPLEMENTATION = {"name": "python-adapter-example", "version": "1.0.0", "vendor": "yibao examples"}


class RuleError(Exception):
    """An error answer: code is invalid-input, out-of-scope, unsupported or internal."""

    def __init__(self, code, message, trace=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.trace = trace or []


def invalid(message):
    return RuleError("invalid-input", message)


# --- input checking (contract §2: months YYYY-MM; booleans are JSON true/false) ---------------------

MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


def read_input(value, fields):
    """Checks `value` against {name: (kind, required, default)}; returns a dict of checked values.

    Unknown fields, missing required fields and wrong types are invalid-input, as in the reference."""
    if not isinstance(value, dict):
        raise invalid("input: not an object")
    for name in value:
        if name not in fields:
            raise invalid(f"unknown field {name}")
    checked = {}
    for name, (kind, required, default) in fields.items():
        if value.get(name) is None:  # null is the same as absent (docs/protocol.md, Encodings)
            if required:
                raise invalid(f"{name}: required")
            checked[name] = default
            continue
        checked[name] = check(name, value[name], kind)
    return checked


def check(name, v, kind):
    if kind == "bool":
        if type(v) is not bool:  # 1, "yes", "true", null are not booleans
            raise invalid(f"{name}: not a boolean")
        return v
    if kind == "month":
        m = MONTH.match(v) if isinstance(v, str) else None
        if not m:
            raise invalid(f"{name}: not a month (YYYY-MM)")
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise invalid(f"{name}: not a month (YYYY-MM): {v}")
        if not 1900 <= year <= 2200:
            raise invalid(f"{name}: year outside 1900...2200")
        return (year, month)
    if isinstance(kind, tuple):  # an enumeration
        if not isinstance(v, str) or v not in kind:
            raise invalid(f"{name}: not one of {'|'.join(kind)}")
        return v
    raise RuleError("internal", f"unknown field kind {kind!r}")


def month_text(year, month):
    return f"{year:04d}-{month:02d}"


def next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


# --- the two operations ------------------------------------------------------------------------------

def scope_transfer(value):
    """LU-2020-47/1, JI-2020-19/1: the transfer notices cover those insured in employee medical insurance
    (参加职工医保) below the statutory retirement age (未达到法定退休年龄) who move between pooling areas
    inside the province (省内跨统筹地区). No date selects the rule."""
    i = read_input(value, {
        "insurance": (("employee", "resident"), True, None),
        "reachedRetirementAge": ("bool", True, None),
        "crossArea": ("bool", True, None),
        "crossProvince": ("bool", True, None),  # I-25: no default for scope.transfer
    })
    # I-23: pooling areas lie inside one province, so a move between provinces always crosses areas.
    if i["crossProvince"] and not i["crossArea"]:
        raise invalid("crossArea: false although crossProvince is true")
    in_scope = (i["insurance"] == "employee" and not i["reachedRetirementAge"]
                and i["crossArea"] and not i["crossProvince"])
    return {"inScope": in_scope}, ["LU-2020-47/1", "JI-2020-19/1"]


FIRST_MONTH_IN_FORCE = (2022, 5)  # JI-2022-8: "本通知自 2022 年 5 月 1 日起实施" (docs/interpretations.md I-1, I-22)


def first_enrollment(value):
    """LU-2021-54/1: employees get benefits from the month after their first contribution (自缴费次月起);
    flexible workers too, whatever their hukou (不受参保地户籍限制), so everyone is eligible.
    The event is firstContributionMonth; before 2022-05 the rule is not yet in force in Jining."""
    i = read_input(value, {
        "category": (("employer", "flexible"), True, None),
        "firstContributionMonth": ("month", True, None),
        "localHukou": ("bool", False, True),
    })
    first = i["firstContributionMonth"]
    if first < FIRST_MONTH_IN_FORCE:
        raise RuleError("out-of-scope",
                        f"firstContributionMonth {month_text(*first)}: before 2022-05, when LU-2021-54 took effect in Jining",
                        ["LU-2021-54/10", "JI-2022-8/10"])
    return ({"eligible": True, "benefitsFrom": month_text(*next_month(*first))},
            ["LU-2021-54/1", "LU-2021-54/10", "JI-2022-8/10"])


OPERATIONS = {
    "scope.transfer": scope_transfer,
    "employee.first-enrollment": first_enrollment,
}


# --- the protocol ------------------------------------------------------------------------------------

def send(message):
    """One JSON object per line, UTF-8, flushed at once (the runner waits for each line)."""
    line = json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n"
    sys.stdout.buffer.write(line.encode("utf-8"))
    sys.stdout.buffer.flush()


def error(id_, code, message, trace=None):
    answer = {"type": "error", "id": id_, "code": code, "message": message}
    if trace:
        answer["trace"] = trace
    send(answer)


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a key is given twice")
    return dict(pairs)


def handle(line):
    """Answers one request line; returns False on goodbye."""
    try:
        message = json.loads(line, object_pairs_hook=no_duplicate_keys)
    except ValueError as e:  # JSONDecodeError and duplicate keys
        error(None, "invalid-input", f"not JSON: {e}")
        return True
    if not isinstance(message, dict):
        error(None, "invalid-input", "a message must be a JSON object")
        return True
    kind = message.get("type")
    id_ = message.get("id")
    if kind == "hello":
        if message.get("protocol", PROTOCOL) != PROTOCOL:
            error(id_, "invalid-input", f"unsupported protocol {message.get('protocol')!r}; this is {PROTOCOL}")
            return True
        suite = message.get("suite") or {}
        print(f"adapter.py: hello from suite {suite.get('name')} {suite.get('version')} {suite.get('digest')}",
              file=sys.stderr, flush=True)
        send({"type": "hello", "protocol": PROTOCOL, "implementation": IMPLEMENTATION,
              "operations": sorted(OPERATIONS)})
        return True
    if kind == "goodbye":
        return False
    if kind != "evaluate":
        error(id_, "invalid-input", f"unknown message type {kind!r}")
        return True
    if not isinstance(id_, str):
        error(id_, "invalid-input", "evaluate needs a string id")
        return True
    operation = message.get("operation")
    rule = OPERATIONS.get(operation)
    if rule is None:
        error(id_, "unsupported", f"this adapter does not implement {operation!r}")
        return True
    try:
        output, trace = rule(message.get("input", {}))
    except RuleError as e:
        error(id_, e.code, e.message, e.trace)
    except Exception as e:  # a bug here must not take the process down
        print(f"adapter.py: internal error on {id_}: {e!r}", file=sys.stderr, flush=True)
        error(id_, "internal", f"{type(e).__name__}: {e}")
    else:
        send({"type": "result", "id": id_, "output": output, "trace": trace})
    return True


def main():
    try:
        for raw in sys.stdin.buffer:  # one request per line; ends at EOF
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            if not handle(line):
                break  # goodbye
    except BrokenPipeError:
        pass  # the runner went away: nothing left to answer
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
