# A web access-log analyser: re + collections + datetime + argparse + logging
import argparse
import logging
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

LOG = """\
203.0.113.5 - - [29/Feb/2024:13:45:10 +0100] "GET /index.html HTTP/1.1" 200 5120
203.0.113.5 - - [29/Feb/2024:13:45:12 +0100] "GET /style.css HTTP/1.1" 200 1024
198.51.100.7 - - [29/Feb/2024:13:50:01 +0100] "POST /login HTTP/1.1" 302 0
198.51.100.7 - - [29/Feb/2024:13:50:03 +0100] "GET /dashboard HTTP/1.1" 200 8192
192.0.2.44 - - [29/Feb/2024:14:02:59 +0100] "GET /missing HTTP/1.1" 404 210
bad line that does not parse
192.0.2.44 - - [29/Feb/2024:14:03:30 +0100] "GET /index.html HTTP/1.1" 200 5120
203.0.113.5 - - [01/Mar/2024:00:15:00 +0100] "GET /api/items?page=2 HTTP/1.1" 500 77
198.51.100.7 - - [01/Mar/2024:00:16:45 +0100] "DELETE /api/items/9 HTTP/1.1" 403 12
"""

LINE = re.compile(r'(?P<ip>\S+) \S+ \S+ \[(?P<when>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" '
                  r'(?P<status>\d{3}) (?P<size>\d+)')


def parse(lines, log):
    for n, line in enumerate(lines, 1):
        m = LINE.match(line)
        if not m:
            log.warning('line %d: cannot parse %r', n, line)
            continue
        rec = m.groupdict()
        rec['when'] = datetime.strptime(rec['when'], '%d/%b/%Y:%H:%M:%S %z')
        rec['status'] = int(rec['status'])
        rec['size'] = int(rec['size'])
        yield rec


def main(argv):
    ap = argparse.ArgumentParser(prog='logstat', description='Summarise an access log.')
    ap.add_argument('--top', type=int, default=3, help='how many paths to show')
    ap.add_argument('--utc', action='store_true', help='show times in UTC')
    ap.add_argument('--status', type=int, action='append', help='only these status codes')
    args = ap.parse_args(argv)

    logging.basicConfig(format='%(levelname)s:%(name)s:%(message)s', level=logging.INFO,
                        stream=__import__('sys').stdout)
    log = logging.getLogger('logstat')
    records = list(parse(LOG.splitlines(), log))
    if args.status:
        records = [r for r in records if r['status'] in args.status]
    log.info('%d records kept', len(records))

    by_ip = Counter(r['ip'] for r in records)
    by_path = Counter(r['path'].split('?')[0] for r in records)
    bytes_by_ip = defaultdict(int)
    for r in records:
        bytes_by_ip[r['ip']] += r['size']
    print('requests per ip:')
    for ip, n in by_ip.most_common():
        print(f'  {ip:<15} {n:>3}  {bytes_by_ip[ip]:>6} bytes')
    print(f'top {args.top} paths:', by_path.most_common(args.top))
    classes = Counter(f'{r["status"] // 100}xx' for r in records)
    print('status classes:', dict(sorted(classes.items())))
    if records:
        first = min(r['when'] for r in records)
        last = max(r['when'] for r in records)
        if args.utc:
            first, last = first.astimezone(timezone.utc), last.astimezone(timezone.utc)
        print('window:', first.isoformat(), '->', last.isoformat(), f'({last - first})')
        per_hour = Counter(r['when'].replace(minute=0, second=0) for r in records)
        for hour, n in sorted(per_hour.items()):
            print(f'  {hour:%Y-%m-%d %H:00 %z}  {"#" * n}')
        gaps = [(b['when'] - a['when']) for a, b in zip(records, records[1:])]
        long_gaps = [g for g in gaps if g > timedelta(minutes=5)]
        print('gaps over 5 min:', [str(g) for g in long_gaps])
    errors = [r for r in records if r['status'] >= 400]
    for r in errors:
        log.error('%s %s -> %d on %s', r['method'], r['path'], r['status'], r['when'].strftime('%a %d %b %H:%M'))


main([])
print('---')
main(['--top', '1', '--utc', '--status', '200', '--status', '404'])
