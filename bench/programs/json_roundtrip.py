# JSON round trip: build nested records, dumps them compact, indented and key-sorted,
# loads each text back, compares with the original and sums a checksum over texts and values.
import json

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
TAGS = ["red", "green", "blue", "caf\u00e9", "na\u00efve", "\u65e5\u672c", "quote\"d", "back\\slash",
        "tab\there", "line\nbreak"]


def make_record(i):
    return {
        "id": i,
        "name": NAMES[i % 10] + "-" + str(i),
        "active": i % 3 == 0,
        "score": (i * 37 % 1000) / 7.0,
        "ratio": i / 3.0 if i % 5 else None,
        "tags": [TAGS[(i + k) % 10] for k in range(i % 4 + 1)],
        "owner": {"uid": i * 7, "group": NAMES[(i * 3) % 10], "flags": [i % 2 == 0, None, -i]},
        "history": [{"t": i * 10 + k, "v": k * 1.5 - i, "ok": k % 2 == 0} for k in range(3)],
    }


def run(n, rounds):
    records = [make_record(i) for i in range(n)]
    doc = {"version": 3, "count": n, "records": records, "meta": {"source": "bench", "nested": [[1, 2], [3, [4, 5]]]}}
    total = 0
    for r in range(rounds):
        compact = json.dumps(doc)
        pretty = json.dumps(doc, indent=2, sort_keys=True)
        ascii_off = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        for text in (compact, pretty, ascii_off):
            back = json.loads(text)
            if back != doc:
                raise SystemExit("round trip mismatch")
            total += len(text)
        total += sum(rec["owner"]["uid"] + len(rec["tags"]) for rec in back["records"])
        total += int(sum(h["v"] for rec in back["records"] for h in rec["history"]))
    return total, compact[:60], pretty[-40:]


total, head, tail = run(2500, 4)
print("checksum", total)
print(head)
print(repr(tail))
