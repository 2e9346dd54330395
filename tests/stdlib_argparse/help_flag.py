# -h prints CPython's help layout to stdout and exits 0
import argparse
parser = argparse.ArgumentParser(prog='report', description='Build a report from JSON input files.',
                                 epilog='Example: report -o out.txt data.json')
parser.add_argument('inputs', nargs='+', metavar='FILE', help='input files')
parser.add_argument('-o', '--output', default='-', help='where to write (default: %(default)s)')
parser.add_argument('-f', '--format', choices=['text', 'csv', 'json'], default='text')
parser.add_argument('--limit', type=int, metavar='N', help='show at most N rows')
parser.add_argument('-v', '--verbose', action='count', default=0, help='more output; repeat for even more')
parser.add_argument('--dry-run', action='store_true', help=argparse.SUPPRESS)
group = parser.add_argument_group('filtering')
group.add_argument('--since', metavar='DATE', help='only entries after DATE (YYYY-MM-DD)')
group.add_argument('--tag', action='append', default=[], help='keep entries with this tag')
parser.parse_args(['-h'])
