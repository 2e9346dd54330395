# dis.dis(function) prints one line per instruction with offsets and upper-case opcode names.
import dis, io, re
def add(a, b):
    return a + b
buf = io.StringIO()
dis.dis(add, file=buf)
text = buf.getvalue()
ins = [m for m in (re.search(r"(\d+)\s+([A-Z][A-Z0-9_]{2,})\b", l) for l in text.splitlines()) if m]
offsets = [int(m.group(1)) for m in ins]
print("has output:", bool(text.strip()))
print("has instructions:", len(ins) >= 2)
print("offsets increase:", offsets == sorted(set(offsets)))
print("has a LOAD instruction:", any(m.group(2).startswith("LOAD") for m in ins))
print("has a RETURN instruction:", any("RETURN" in m.group(2) for m in ins))
print("mentions the argument names:", "a" in text and "b" in text)
