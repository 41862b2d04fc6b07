#!/usr/bin/env node
// A protocol adapter that answers one request at a time and takes DELAY ms for each (default 50): the slow
// single-threaded backend `--jobs` is for. It lists every operation and answers each with an `internal` error
// (the answers do not matter here, only when they come). Used by Benchmarks/jobs.sh.
"use strict";
const readline = require("readline");
const delay = Number(process.env.YIBAO_BENCH_DELAY_MS || 50);
const operations = [
  "scope.transfer", "employee.first-enrollment", "employee.interruption", "employee.transfer",
  "employee.hospital-stay-during-transfer", "employee.contribution-years", "employee.minimum-years",
  "employee.back-payment", "employee.retiree-benefits-start", "employee.base-limits-year",
  "employee.transfer-handling", "resident.benefits-start", "resident.newborn", "retiree.not-enrolled",
];
const queue = [];
let busy = false;
function write(message) { process.stdout.write(JSON.stringify(message) + "\n"); }
function work() {
  if (busy || queue.length === 0) return;
  busy = true;
  const request = queue.shift();
  setTimeout(() => {
    write({ type: "error", id: request.id, code: "internal", message: "benchmark adapter" });
    busy = false;
    work();
  }, delay);
}
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  const message = JSON.parse(line);
  if (message.type === "hello") {
    write({ type: "hello", protocol: "yibao-conformance/1",
            implementation: { name: "slow-adapter", version: "1", vendor: "yibao benchmarks" }, operations });
  } else if (message.type === "evaluate") {
    queue.push(message);
    work();
  } else if (message.type === "goodbye") {
    process.exit(0);
  }
});
