#!/usr/bin/env python3
"""Write a fake but well-formed corpus of vector files for benchmarking the YAML loader.

    python3 gen-corpus.py OUTDIR [--vectors N] [--files K] [--bytes B]

Default: 50,000 vectors in one file, OUTDIR/vectors-001.yaml. Each vector's `why` is padded
towards B bytes in total (default 12,000,000) when there is room; the fixed fields of this
shape already take ~410 bytes a vector, so 50,000 vectors come to ~20 MB with the shortest
`why`, and a ~12 MB file holds ~29,000 vectors (--vectors 29000).
"""
import argparse
import os

WHY = "{u} 起欠费 → 次月 {s} 暂停；{e} 补齐 → 次月 {r} 恢复"
PAD = "，期间发生的医疗费用由单位承担，个人不因单位欠费而丧失待遇资格，补缴后按规定追溯报销（示例文本，内容虚构）"


def month(index):
    return f"{2020 + index // 12:04d}-{index % 12 + 1:02d}"


def vector(n, pad_chars=0):
    base = n % 36
    u, last, e = month(base + 12), month(base + 15), month(base + 16)
    s, r = month(base + 13), month(base + 17)
    why = WHY.format(u=u, s=s, e=e, r=r)
    if pad_chars > 0:
        why += (PAD * (pad_chars // len(PAD) + 1))[:pad_chars] + "。"
    covered = "true" if n % 3 == 0 else "false"
    return (
        f"  - id: bench-{n:06d}\n"
        f"    title: 单位中断缴费，次月起暂停待遇\n"
        f"    clauses: [LU-2021-54/2a, JI-2022-8/7]\n"
        f"    why: {why}\n"
        f"    input: {{category: employer, firstUnpaidMonth: {u}, lastUnpaidMonth: {last}, settledMonth: {e}}}\n"
        f"    expected: {{suspendedFrom: {s}, restoredFrom: {r}, arrearsExpensesCovered: {covered}}}\n"
    )


def compact(n):
    """A ~260-byte vector the reference passes (employer: suspended the month after the first unpaid month,
    restored the month after settling), so that 50,000 of them make the issue's 12 MB corpus."""
    b = n % 36
    u, last, settled = month(b + 28), month(b + 31), month(b + 32)
    suspended, restored = month(b + 29), month(b + 33)
    return (
        f"  - id: bench-{n:06d}\n    title: 中断缴费\n    why: {u} 欠费 → {suspended} 暂停\n"
        f"    input: {{category: employer, firstUnpaidMonth: {u}, lastUnpaidMonth: {last}, settledMonth: {settled}}}\n"
        f"    expected: {{suspendedFrom: {suspended}, restoredFrom: {restored}}}\n"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--vectors", type=int, default=50_000)
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--bytes", type=int, default=12_000_000, help="total size to pad towards")
    ap.add_argument("--compact", action="store_true",
                    help="short vectors the reference passes (50,000 make ~13 MB), no padding")
    args = ap.parse_args()
    # Pad each why (3-byte CJK characters) so the corpus comes near --bytes, if it can.
    per_vector = args.bytes // max(1, args.vectors)
    pad_chars = max(0, (per_vector - len(vector(1).encode("utf-8"))) // 3)
    os.makedirs(args.outdir, exist_ok=True)
    files = max(1, args.files)
    per_file = -(-args.vectors // files)
    n = 1
    for k in range(1, files + 1):
        path = os.path.join(args.outdir, f"vectors-{k:03d}.yaml")
        with open(path, "w", encoding="utf-8") as out:
            out.write("operation: employee.interruption\nclauses: [LU-2021-54/2a]\nvectors:\n")
            for _ in range(per_file):
                if n > args.vectors:
                    break
                out.write(compact(n) if args.compact else vector(n, pad_chars))
                n += 1
    total = sum(os.path.getsize(os.path.join(args.outdir, f"vectors-{k:03d}.yaml")) for k in range(1, files + 1))
    print(f"wrote {args.vectors} vectors, {total} bytes, in {files} file(s) to {args.outdir}")


if __name__ == "__main__":
    main()
