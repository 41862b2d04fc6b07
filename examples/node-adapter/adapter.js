#!/usr/bin/env node
// A minimal yibao conformance adapter in Node (protocol yibao-conformance/1, docs/protocol.md), no packages.
//
// It implements two operations of the suite, by the rules of the notices:
//   scope.transfer             LU-2020-47/1, JI-2020-19/1
//   employee.first-enrollment  LU-2021-54/1 (in Jining from 2022-05, JI-2022-8 closing paragraph)
// and lists only those in its hello, so the runner marks every other vector `unsupported`.
// A real adapter keeps this shape and replaces the two rule functions with calls to its own system.
//
//   yibao run --impl 'node examples/node-adapter/adapter.js' --filter scope.transfer
"use strict";
const readline = require("readline");

const PROTOCOL = "yibao-conformance/1";
const IMPLEMENTATION = { name: "node-adapter-example", version: "1.0.0", vendor: "yibao examples" };

class RuleError extends Error {
  constructor(code, message, trace) {
    super(message);
    this.code = code;
    this.trace = trace || [];
  }
}
const invalid = (message) => new RuleError("invalid-input", message);

// --- input checking (contract §2: months YYYY-MM; booleans are JSON true/false) ------------------------

// fields: {name: [kind, required, default]}; kind is "bool", "month" or an array of allowed strings.
function readInput(value, fields) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalid("input: not an object");
  for (const name of Object.keys(value)) if (!(name in fields)) throw invalid(`unknown field ${name}`);
  const checked = {};
  for (const [name, [kind, required, fallback]] of Object.entries(fields)) {
    if (!(name in value) || value[name] === null) { // null is the same as absent (docs/protocol.md, Encodings)
      if (required) throw invalid(`${name}: required`);
      checked[name] = fallback;
      continue;
    }
    checked[name] = check(name, value[name], kind);
  }
  return checked;
}

function check(name, v, kind) {
  if (kind === "bool") {
    if (typeof v !== "boolean") throw invalid(`${name}: not a boolean`); // 1, "yes", null are not booleans
    return v;
  }
  if (kind === "month") {
    const m = typeof v === "string" ? /^([0-9]{4})-([0-9]{2})$/.exec(v) : null;
    if (!m) throw invalid(`${name}: not a month (YYYY-MM)`);
    const year = Number(m[1]), month = Number(m[2]);
    if (month < 1 || month > 12) throw invalid(`${name}: not a month (YYYY-MM): ${v}`);
    if (year < 1900 || year > 2200) throw invalid(`${name}: year outside 1900...2200`);
    return year * 12 + (month - 1); // months since year 0: compare and add as integers
  }
  if (Array.isArray(kind)) {
    if (typeof v !== "string" || !kind.includes(v)) throw invalid(`${name}: not one of ${kind.join("|")}`);
    return v;
  }
  throw new RuleError("internal", `unknown field kind ${kind}`);
}

const monthText = (m) => `${String(Math.floor(m / 12)).padStart(4, "0")}-${String((m % 12) + 1).padStart(2, "0")}`;

// --- the two operations ------------------------------------------------------------------------------

// LU-2020-47/1, JI-2020-19/1: employee insurance, below retirement age, moving between pooling areas
// inside the province. No date selects the rule.
function scopeTransfer(value) {
  const i = readInput(value, {
    insurance: [["employee", "resident"], true],
    reachedRetirementAge: ["bool", true],
    crossArea: ["bool", true],
    crossProvince: ["bool", true], // I-25: required for scope.transfer
  });
  // I-23: pooling areas lie inside one province, so a move between provinces always crosses areas.
  if (i.crossProvince && !i.crossArea) throw invalid("crossArea: false although crossProvince is true");
  const inScope = i.insurance === "employee" && !i.reachedRetirementAge && i.crossArea && !i.crossProvince;
  return [{ inScope }, ["LU-2020-47/1", "JI-2020-19/1"]];
}

const FIRST_MONTH_IN_FORCE = 2022 * 12 + 4; // 2022-05: JI-2022-8 "本通知自 2022 年 5 月 1 日起实施" (I-1, I-22)

// LU-2021-54/1: benefits from the month after the first contribution (自缴费次月起), for employers' staff and
// flexible workers alike (不受参保地户籍限制). Before 2022-05 the rule is not in force in Jining.
function firstEnrollment(value) {
  const i = readInput(value, {
    category: [["employer", "flexible"], true],
    firstContributionMonth: ["month", true],
    localHukou: ["bool", false, true],
  });
  if (i.firstContributionMonth < FIRST_MONTH_IN_FORCE) {
    throw new RuleError("out-of-scope",
      `firstContributionMonth ${monthText(i.firstContributionMonth)}: before 2022-05, when LU-2021-54 took effect in Jining`,
      ["LU-2021-54/10", "JI-2022-8/10"]);
  }
  return [{ eligible: true, benefitsFrom: monthText(i.firstContributionMonth + 1) },
    ["LU-2021-54/1", "LU-2021-54/10", "JI-2022-8/10"]];
}

const OPERATIONS = { "scope.transfer": scopeTransfer, "employee.first-enrollment": firstEnrollment };

// --- the protocol ------------------------------------------------------------------------------------

// One JSON object per line. process.stdout on a pipe is written in order; nothing else goes to stdout.
const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");

function error(id, code, message, trace) {
  const answer = { type: "error", id, code, message };
  if (trace && trace.length) answer.trace = trace;
  send(answer);
}

function handle(line) {
  let message;
  try {
    message = JSON.parse(line);
  } catch (e) {
    return error(null, "invalid-input", `not JSON: ${e.message}`);
  }
  if (message === null || typeof message !== "object" || Array.isArray(message)) {
    return error(null, "invalid-input", "a message must be a JSON object");
  }
  const { type, id } = message;
  if (type === "hello") {
    const suite = message.suite || {};
    console.error(`adapter.js: hello from suite ${suite.name} ${suite.version} ${suite.digest}`); // stderr
    return send({ type: "hello", protocol: PROTOCOL, implementation: IMPLEMENTATION, operations: Object.keys(OPERATIONS) });
  }
  if (type === "goodbye") process.exit(0);
  if (type !== "evaluate") return error(id, "invalid-input", `unknown message type ${JSON.stringify(type)}`);
  if (typeof id !== "string") return error(id, "invalid-input", "evaluate needs a string id");
  const rule = OPERATIONS[message.operation];
  if (!rule) return error(id, "unsupported", `this adapter does not implement ${message.operation}`);
  try {
    const [output, trace] = rule(message.input === undefined ? {} : message.input);
    send({ type: "result", id, output, trace });
  } catch (e) {
    if (e instanceof RuleError) return error(id, e.code, e.message, e.trace);
    console.error(`adapter.js: internal error on ${id}: ${e.stack}`); // a bug must not take the process down
    error(id, "internal", String(e));
  }
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on("line", (line) => { if (line.trim()) handle(line); })
  .on("close", () => process.exit(0));
