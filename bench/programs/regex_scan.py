# Regex-heavy text scan: a deterministic web-server-like log is parsed with compiled patterns
# (match on lines with named groups, findall, finditer with groups, sub with a function and a
# template, split), the way log-analysis scripts do; the checksum sums what was extracted.
import re

METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD"]
PATHS = ["/index.html", "/api/v1/users", "/api/v1/orders/42", "/static/app.js", "/login",
         "/search?q=term&page=2", "/img/logo.png", "/api/v2/items/7/reviews"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.4.0", "python-requests/2.31",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_5)"]
LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]


def make_log(n):
    lines = []
    for i in range(n):
        ip = f"{10 + i % 200}.{(i * 7) % 256}.{(i * 13) % 256}.{(i * 31) % 256}"
        ts = f"2024-03-{1 + i % 28:02d}T{i % 24:02d}:{(i * 7) % 60:02d}:{(i * 11) % 60:02d}"
        if i % 7 == 3:
            lvl = LEVELS[i % 4]
            lines.append(f"{ts} [{lvl}] worker-{i % 9} job={i * 3} took {i % 997}ms "
                         f"user=user{i % 41}@example.com retry={i % 3}")
        else:
            m = METHODS[i % 5]
            p = PATHS[i % 8]
            status = (200, 201, 301, 404, 500, 503)[i % 6]
            size = (i * 997) % 50000
            lines.append(f'{ip} - - [{ts}] "{m} {p} HTTP/1.1" {status} {size} '
                         f'"{AGENTS[i % 4]}" rt={i % 500 / 100:.2f}')
    return "\n".join(lines)


ACCESS = re.compile(r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<ts>[^\]]+)\] '
                    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) (?P<size>\d+)')
APP = re.compile(r'^(\S+) \[(INFO|WARN|ERROR|DEBUG)\] (worker-\d+) job=(\d+) took (\d+)ms')
EMAIL = re.compile(r'\b[\w.+-]+@[\w-]+\.[\w.]+\b')
NUMBER = re.compile(r'\d+')
KV = re.compile(r'(\w+)=([\w.@]+)')
IP = re.compile(r'\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b')
SPLIT = re.compile(r'[\s/?&=]+')
PATH_ID = re.compile(r'/(\d+)(?=/|$|\s)')


def mask_ip(m):
    return f"{m.group(1)}.x.x.{m.group(4)}"


def run(text):
    total = 0
    statuses = {}
    methods = {}
    for line in text.splitlines():
        m = ACCESS.match(line)
        if m:
            d = m.groupdict()
            statuses[d["status"]] = statuses.get(d["status"], 0) + 1
            methods[m.group("method")] = methods.get(m.group("method"), 0) + 1
            total += int(m["size"]) + m.end("path") - m.start("path")
            continue
        m = APP.match(line)
        if m:
            total += int(m.group(4)) + int(m.group(5)) + len(m.group(3))
    emails = EMAIL.findall(text)
    total += len(emails) + sum(len(e) for e in emails)
    total += sum(int(x) for x in NUMBER.findall(text[: len(text) // 4]))
    for m in KV.finditer(text):
        total += len(m.group(1)) * 3 + len(m.group(2))
    masked = IP.sub(mask_ip, text)
    total += len(masked) + masked.count("x.x")
    ids = PATH_ID.sub(r"/<id:\1>", text)
    total += len(ids)
    words = SPLIT.split(text[: len(text) // 3])
    total += len(words) + sum(1 for w in words if w.isdigit())
    total += len(re.findall(r"HTTP/1\.1\" (5\d\d)", text))
    total += sum(1 for line in text.splitlines() if re.search(r"(?i)mozilla.*linux", line))
    return total, sorted(statuses.items()), sorted(methods.items())


log = make_log(20000)
total = 0
for _ in range(2):
    t, statuses, methods = run(log)
    total += t
print("checksum", total)
print(statuses)
print(methods)
